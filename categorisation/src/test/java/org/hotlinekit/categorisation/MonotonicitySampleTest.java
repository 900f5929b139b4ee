package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Never less protective, by seeded sampling beyond {@link MonotonicityTest}'s core space: every
 * origin, one or two persons (stage, apparent age, known status, known age), gender, aggravating
 * flags and context flags drawn at random; one fact made one step more severe (a person younger,
 * known to be a minor, a known age lower, the level higher, an adult involved, an aggravating flag
 * added) never gives a firm label of lower rank, in any scheme of {@link
 * MonotonicityTest#SCHEMES} and any bundled jurisdiction. (Indeterminate answers on either side
 * are allowed here; the exhaustive test lists the "indeterminate to nothing" cases it knows.)
 */
class MonotonicitySampleTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();
  private static final AgeGroup[] YOUNGER = MonotonicityTest.YOUNGER;
  private static final List<SexualContentLevel> LEVELS = MonotonicityTest.LEVELS;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aMoreSevereFactNeverGivesALessSevereLabel(long seed) {
    Random r = new Random(seed);
    List<String> violations = new ArrayList<>();
    for (int n = 0; n < 120; n++) {
      ContentFacts before = random(r);
      for (ContentFacts after : moreSevere(before, r)) {
        for (String j : Jurisdictions.BUNDLED) {
          List<Derivation> b = CATEGORISER.categorise(before, j);
          List<Derivation> a = CATEGORISER.categorise(after, j);
          for (int k = 0; k < b.size(); k++) {
            String s = b.get(k).scheme().id();
            if (!MonotonicityTest.SCHEMES.contains(s)) {
              continue;
            }
            int rb = MonotonicityTest.rank(s, b.get(k));
            int ra = MonotonicityTest.rank(s, a.get(k));
            if (rb >= 0 && ra >= 0 && ra < rb) {
              violations.add(j + " " + s + ": " + before + " -> " + after + ": "
                  + b.get(k).explanation() + " -> " + a.get(k).explanation());
            }
          }
        }
      }
    }
    assertThat(violations).as("seed %d", seed).isEmpty();
  }

  private static ContentFacts random(Random r) {
    ContentOrigin[] origins = {ContentOrigin.REAL_PHOTOGRAPHIC,
        ContentOrigin.MANIPULATED_OR_MORPHED, ContentOrigin.PHOTOREALISTIC_SYNTHETIC,
        ContentOrigin.NON_REALISTIC_DRAWN};
    ContentFacts.Builder b = ContentFacts.builder().origin(origins[r.nextInt(origins.length)])
        .level(LEVELS.get(r.nextInt(LEVELS.size())))
        .adultInvolved(Tri.values()[r.nextInt(Tri.values().length)])
        .gender(GenderPresence.values()[r.nextInt(GenderPresence.values().length)]);
    int persons = 1 + r.nextInt(2);
    for (int i = 0; i < persons; i++) {
      b.person(person(r));
    }
    for (AggravatingFlag f : AggravatingFlag.values()) {
      if (r.nextInt(5) == 0) {
        b.aggravating(f);
      }
    }
    for (ContextFlag f : ContextFlag.values()) {
      b.context(f, Tri.values()[r.nextInt(Tri.values().length)]);
    }
    return b.build();
  }

  private static Person person(Random r) {
    Person p = Person.of(YOUNGER[r.nextInt(YOUNGER.length)]);
    if (r.nextBoolean()) {
      int min = r.nextInt(25);
      p = p.withAgeRange(min, min + r.nextInt(4));
    }
    int known = r.nextInt(4);
    if (known == 1) {
      p = p.withKnownAdult(r.nextBoolean() ? Tri.YES : Tri.NO);
    } else if (known == 2) {
      p = p.withKnownAge(r.nextInt(25), "sampled");
    }
    return p;
  }

  /** One step more severe in one fact, each kind of step that applies. */
  private static List<ContentFacts> moreSevere(ContentFacts f, Random r) {
    List<ContentFacts> out = new ArrayList<>();
    int l = LEVELS.indexOf(f.level());
    if (l >= 0 && l + 1 < LEVELS.size()) {
      out.add(f.toBuilder().level(LEVELS.get(l + 1)).build());
    }
    if (f.adultInvolved() != Tri.YES) {
      out.add(f.toBuilder().adultInvolved(f.adultInvolved() == Tri.NO ? Tri.UNKNOWN : Tri.YES)
          .build());
    }
    EnumSet<AggravatingFlag> missing = EnumSet.allOf(AggravatingFlag.class);
    missing.removeAll(f.aggravating());
    if (!missing.isEmpty()) {
      List<AggravatingFlag> m = new ArrayList<>(missing);
      out.add(f.toBuilder().aggravating(m.get(r.nextInt(m.size()))).build());
    }
    int i = r.nextInt(f.persons().size());
    Person p = f.persons().get(i);
    int g = List.of(YOUNGER).indexOf(p.group());
    if (g >= 0 && g + 1 < YOUNGER.length) {
      out.add(withPerson(f, i, rebuild(p, YOUNGER[g + 1])));
    }
    if (p.knownAge().isEmpty() && p.knownAdult() != Tri.NO) {
      out.add(withPerson(f, i, p.withKnownAdult(p.knownAdult() == Tri.YES ? Tri.UNKNOWN
          : Tri.NO)));
    }
    if (p.knownAge().isPresent() && p.knownAge().getAsInt() > 0) {
      out.add(withPerson(f, i, rebuild(p, p.group()).withKnownAge(p.knownAge().getAsInt() - 1,
          "sampled")));
    }
    return out;
  }

  /** The person with another stage, everything else kept (a known age re-applied). */
  private static Person rebuild(Person p, AgeGroup group) {
    Person q = Person.of(group);
    if (p.minYears().isPresent()) {
      q = q.withAgeRange(p.minYears().getAsInt(), p.maxYears().getAsInt());
    }
    if (p.knownAge().isPresent()) {
      return q.withKnownAge(p.knownAge().getAsInt(), p.knownAgeSource().orElseThrow());
    }
    return q.withKnownAdult(p.knownAdult());
  }

  private static ContentFacts withPerson(ContentFacts f, int i, Person p) {
    List<Person> persons = new ArrayList<>(f.persons());
    persons.set(i, p);
    return f.toBuilder().persons(persons).build();
  }
}
