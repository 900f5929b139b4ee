package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.hotlinekit.categorisation.scheme.SchemeMapper;
import org.hotlinekit.categorisation.scheme.Schemes;
import org.hotlinekit.categorisation.testing.RandomFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every mapper, for every combination of the enumerated core facts and for a seeded sample of
 * everything else, in every bundled jurisdiction and none: a label it declares, or indeterminate,
 * with an explanation; never an exception, never null. Also the invariants that hold across
 * schemes.
 */
class ExhaustiveTest {
  private static final List<String> JURISDICTIONS =
      List.of("BE", "NL", "DE", "FR", "UK", "US", "CA", "XX");
  private static final Categoriser CATEGORISER = Categoriser.builder().build();

  @Test
  void everyCombinationOfTheCoreFacts() {
    int checked = 0;
    for (ContentOrigin origin : ContentOrigin.values()) {
      for (AgeGroup group : AgeGroup.values()) {
        for (Tri knownAdult : Tri.values()) {
          for (int years = 0; years < 4; years++) {
            for (SexualContentLevel level : SexualContentLevel.values()) {
              for (Tri adult : Tri.values()) {
                Person p = Person.of(group).withKnownAdult(knownAdult);
                if (years > 0) {
                  int min = new int[] {0, 8, 15, 20}[years];
                  p = p.withAgeRange(min, min + 2);
                }
                ContentFacts f = ContentFacts.builder().origin(origin).person(p).level(level)
                    .adultInvolved(adult).build();
                for (String j : JURISDICTIONS) {
                  checkAll(f, j);
                  checked++;
                }
              }
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(5 * 6 * 3 * 4 * 11 * 3 * JURISDICTIONS.size());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void aSeededSampleOfEverything(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      ContentFacts f = RandomFacts.random(r);
      checkAll(f, JURISDICTIONS.get(r.nextInt(JURISDICTIONS.size())));
    }
  }

  /** Invariants across schemes, on random facts. */
  @ParameterizedTest
  @ValueSource(longs = {11, 12})
  void crossSchemeInvariants(long seed) {
    Random r = new Random(seed);
    SchemeMapper baseline = Schemes.find(Schemes.INTERPOL_BASELINE).orElseThrow();
    SchemeMapper iccam = Schemes.find(Schemes.ICCAM_CLASSIFICATION).orElseThrow();
    SchemeMapper tc = Schemes.find(Schemes.TC_ICS).orElseThrow();
    for (int i = 0; i < 20_000; i++) {
      ContentFacts f = RandomFacts.random(r);
      String j = JURISDICTIONS.get(r.nextInt(JURISDICTIONS.size()));
      var profile = CATEGORISER.jurisdictions().find(j);
      Derivation b = baseline.derive(f, profile);
      Derivation c = iccam.derive(f, profile);
      Derivation t = tc.derive(f, profile);
      // Baseline in INTERPOL's terms is Baseline in ICCAM's, in every jurisdiction.
      if (label(b).equals("baseline")) {
        assertThat(label(c)).as("%s", f).isEqualTo("baseline");
      }
      if (label(c).equals("baseline")) {
        assertThat(label(b)).isEqualTo("baseline");
      }
      // Baseline content (real, severe, a child under 13) always has an ICS class, A or B
      // (A/B is developmental, so a pubescent 12-year-old is B), unless the stage is unknown
      // or the facts about it disagree.
      if (label(b).equals("baseline")) {
        assertThat(label(t)).as("%s", f).isIn("A1", "A2", "B1", "B2", "?MISSING_FACT",
            "?CONTRADICTORY_FACTS");
      }
      // ICS A is baseline-eligible, not baseline: A on a real image with a known level and
      // a prepubescent child is baseline.
      if (label(t).startsWith("A") && f.origin() == ContentOrigin.REAL_PHOTOGRAPHIC) {
        assertThat(label(b)).as("%s", f).isIn("baseline", "?MISSING_FACT",
            "?CONTRADICTORY_FACTS");
      }
    }
  }

  private static void checkAll(ContentFacts f, String jurisdiction) {
    List<Derivation> all = CATEGORISER.categorise(f, jurisdiction);
    assertThat(all).hasSize(CATEGORISER.mappers().size());
    for (int i = 0; i < all.size(); i++) {
      Derivation d = all.get(i);
      SchemeMapper m = CATEGORISER.mappers().get(i);
      assertThat(d).isNotNull();
      assertThat(d.scheme()).isEqualTo(m.scheme());
      assertThat(d.mapperVersion()).isEqualTo(m.version());
      assertThat(d.explanation()).as("%s %s", m.scheme(), f).isNotBlank();
      if (d instanceof Derived) {
        assertThat(Schemes.accepts(m, ((Derived) d).label())).as("%s", d).isTrue();
      } else {
        assertThat(((Indeterminate) d).reason()).isNotNull();
      }
    }
  }

  private static String label(Derivation d) {
    return d instanceof Derived ? ((Derived) d).label() : "?" + ((Indeterminate) d).reason();
  }
}
