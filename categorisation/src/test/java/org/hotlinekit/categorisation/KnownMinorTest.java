package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A person known to be a minor who looks adult is a minor in every scheme and every bundled
 * jurisdiction: never "no minor depicted" or "not illegal" for a level every profile covers, and
 * no explanation claims an age band from the adult appearance.
 */
class KnownMinorTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();

  static java.util.List<String> jurisdictions() {
    return Jurisdictions.BUNDLED;
  }

  private static ContentFacts knownMinorLookingAdult(SexualContentLevel level) {
    return ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.ADULT_APPEARING).withAgeRange(19, 24).withKnownAdult(Tri.NO))
        .level(level).adultInvolved(Tri.YES).build();
  }

  @ParameterizedTest
  @MethodSource("jurisdictions")
  void aKnownMinorWhoLooksAdultIsNeverNotIllegal(String jurisdiction) {
    for (SexualContentLevel level : new SexualContentLevel[] {SexualContentLevel.PENETRATIVE,
        SexualContentLevel.NON_PENETRATIVE_WITH_ADULT,
        SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY}) {
      for (Derivation d : CATEGORISER.categorise(knownMinorLookingAdult(level), jurisdiction)) {
        String what = jurisdiction + " " + level + " " + d.scheme().id();
        assertThat(d.explanation()).as(what).doesNotContain("no minor depicted")
            .doesNotContainPattern("\\(1[0-7] to 17");
        if (d instanceof Derived derived) {
          assertThat(derived.label()).as(what).isNotEqualTo("not-illegal");
          if (!d.scheme().id().equals("ncmec-file-annotations")
              && !d.scheme().id().startsWith("iccam-")
              && !d.scheme().id().equals("interpol-baseline")) {
            assertThat(derived.label()).as(what).isNotEqualTo("none");
          }
        }
      }
    }
  }

  /** With adulthood not known, appearance decides, as before. */
  @ParameterizedTest
  @EnumSource(value = Tri.class, names = {"UNKNOWN", "YES"})
  void appearanceDecidesWhenTheAgeIsNotKnown(Tri knownAdult) {
    ContentFacts f = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.ADULT_APPEARING).withKnownAdult(knownAdult))
        .level(SexualContentLevel.PENETRATIVE).adultInvolved(Tri.YES).build();
    Derivation iccam = CATEGORISER.categorise(f, "BE").get(0);
    assertThat(((Derived) iccam).label()).isEqualTo("not-illegal");
  }
}
