package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.junit.jupiter.api.Test;

/**
 * Facts that contradict each other on the sexual content (issue 25, point 2): activity between
 * children only with an adult involved, or activity with an adult and no adult involved. Each
 * scheme takes the label both readings give, or says the facts disagree where the readings
 * differ: COPINE 7 (children only) against 8 (with an adult); TC ICS A1, UK B and ICCAM baseline
 * either way (reference section 2). Before, the recorded level was taken as it stood.
 */
class LevelContradictionTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();

  private static Map<String, String> labels(SexualContentLevel level, Tri adult) {
    ContentFacts f = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PRE_PUBESCENT)).level(level).adultInvolved(adult).build();
    Map<String, String> out = new LinkedHashMap<>();
    for (Derivation d : CATEGORISER.categorise(f, "BE")) {
      out.put(d.scheme().id(), d instanceof Derived x ? x.label()
          : "?" + ((Indeterminate) d).reason());
    }
    return out;
  }

  @Test
  void theReadingsAgreeOrTheFactsAreSaidToDisagree() {
    for (Map<String, String> l : java.util.List.of(
        labels(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY, Tri.YES),
        labels(SexualContentLevel.NON_PENETRATIVE_WITH_ADULT, Tri.NO))) {
      assertThat(l).containsEntry("copine", "?CONTRADICTORY_FACTS")
          .containsEntry("tc-ics", "A1").containsEntry("uk-sentencing", "B")
          .containsEntry("iccam-classification", "baseline");
    }
    Derivation tc = CATEGORISER.categorise(ContentFacts.builder()
        .origin(ContentOrigin.REAL_PHOTOGRAPHIC).person(Person.of(AgeGroup.PRE_PUBESCENT))
        .level(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY).adultInvolved(Tri.YES).build(),
        "BE").stream().filter(d -> d.scheme().id().equals("tc-ics")).findFirst().orElseThrow();
    assertThat(tc.explanation()).startsWith("the facts disagree (level: sexual activity between"
        + " children only; adultInvolved: yes), and both readings give A1");
    // Consistent facts are unchanged: children only is COPINE 7, with an adult 8.
    assertThat(labels(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY, Tri.NO))
        .containsEntry("copine", "7");
    assertThat(labels(SexualContentLevel.NON_PENETRATIVE_WITH_ADULT, Tri.YES))
        .containsEntry("copine", "8");
  }
}
