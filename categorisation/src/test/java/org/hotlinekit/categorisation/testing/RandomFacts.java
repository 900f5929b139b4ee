package org.hotlinekit.categorisation.testing;

import java.util.Random;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.AggravatingFlag;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.ContextFlag;
import org.hotlinekit.categorisation.facts.GenderPresence;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;

/** Seeded random facts for property tests: every field, 0-3 persons, any flags. */
public final class RandomFacts {
  private RandomFacts() {}

  /**
   * Random facts.
   *
   * @param r the seeded source
   * @return facts
   */
  public static ContentFacts random(Random r) {
    ContentFacts.Builder b = ContentFacts.builder()
        .origin(pick(r, ContentOrigin.values()))
        .gender(pick(r, GenderPresence.values()))
        .level(pick(r, SexualContentLevel.values()))
        .adultInvolved(pick(r, Tri.values()));
    int persons = r.nextInt(4);
    for (int i = 0; i < persons; i++) {
      Person p = Person.of(pick(r, AgeGroup.values())).withKnownAdult(pick(r, Tri.values()));
      if (r.nextBoolean()) {
        int min = r.nextInt(30);
        p = p.withAgeRange(min, min + r.nextInt(5));
      }
      b.person(p);
    }
    for (AggravatingFlag a : AggravatingFlag.values()) {
      if (r.nextInt(4) == 0) {
        b.aggravating(a);
      }
    }
    for (ContextFlag c : ContextFlag.values()) {
      b.context(c, pick(r, Tri.values()));
    }
    return b.build();
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
