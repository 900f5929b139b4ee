package org.hotlinekit.categorisation.internal;

import java.util.Locale;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.AggravatingFlag;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;

/** The questions every mapper asks of the facts, answered once and the same way. */
final class FactsView {
  private FactsView() {}

  /** How a person counts. */
  enum Kind {
    /**
     * Appears to be a minor and is not known to be an adult, or is known not to be an adult
     * whatever the appearance (a known minor who looks adult is a minor).
     */
    MINOR,
    /** Appears to be a minor, known to be an adult. */
    LOOK_ALIKE,
    /** Appears to be an adult. */
    ADULT,
    /** Not determined. */
    UNDETERMINED
  }

  static Kind kind(Reading.Someone p) {
    if (knownContradiction(p).isPresent()) {
      // Known to be an adult and of a known age under 18 (or the reverse): neither is taken.
      return Kind.UNDETERMINED;
    }
    // What is known of a person's age outweighs how old the person looks: a known minor is a
    // minor, also when looking adult (the self-generated image of a 16-year-old, a victim the
    // police identified). Reading appearance first would call that "no minor depicted".
    if (p.knownAdult() == Tri.NO) {
      return Kind.MINOR;
    }
    if (contradiction(p).isPresent()
        && (p.group() == AgeGroup.ADULT_APPEARING || p.group() == AgeGroup.PUBESCENT)) {
      // One reading says minor, the other adult: not determined (never "adult").
      return Kind.UNDETERMINED;
    }
    boolean appearsMinor;
    switch (p.group()) {
      case INFANT:
      case PRE_PUBESCENT:
      case PUBESCENT:
      case MINOR_STAGE_UNKNOWN:
        appearsMinor = true;
        break;
      case ADULT_APPEARING:
        return Kind.ADULT;
      default:
        if (p.maxYears().isPresent() && p.maxYears().getAsInt() < 18) {
          appearsMinor = true;
        } else if (p.minYears().isPresent() && p.minYears().getAsInt() >= 18) {
          return Kind.ADULT;
        } else {
          return Kind.UNDETERMINED;
        }
    }
    return p.knownAdult() == Tri.YES ? Kind.LOOK_ALIKE : Kind.MINOR;
  }

  /**
   * Where a person's developmental stage and apparent age range disagree (by the reference's
   * bands: pre-pubescent under 13, pubescent under 18, adult-appearing 18 or more).
   *
   * @return what disagrees, in words, or empty
   */
  static java.util.Optional<String> contradiction(Reading.Someone p) {
    java.util.Optional<String> known = knownContradiction(p);
    if (known.isPresent()) {
      return known;
    }
    java.util.OptionalInt min = p.minYears();
    java.util.OptionalInt max = p.maxYears();
    String range = min.isPresent() ? min.getAsInt() + "-" + max.getAsInt() : "";
    switch (p.group()) {
      case ADULT_APPEARING:
        if (max.isPresent() && max.getAsInt() < 18 && p.knownAdult() != Tri.NO) {
          return java.util.Optional.of("adult-appearing with an apparent age of " + range);
        }
        break;
      case INFANT:
      case PRE_PUBESCENT:
        if (min.isPresent() && min.getAsInt() >= 13) {
          return java.util.Optional.of(words(p.group()) + " with an apparent age of " + range);
        }
        break;
      case PUBESCENT:
        if (min.isPresent() && min.getAsInt() >= 18 && p.knownAdult() != Tri.NO) {
          return java.util.Optional.of("pubescent with an apparent age of " + range);
        }
        break;
      default:
        break;
    }
    return java.util.Optional.empty();
  }

  /**
   * Where the level and the adult involvement disagree: sexual activity between children only
   * yet an adult involved, or activity with an adult yet no adult involved.
   *
   * @return the contradiction in words, naming the fields, or empty
   */
  static java.util.Optional<String> levelContradiction(
      org.hotlinekit.categorisation.facts.ContentFacts f) {
    if (f.level() == SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY
        && f.adultInvolved() == Tri.YES) {
      return java.util.Optional.of("level: sexual activity between children only;"
          + " adultInvolved: yes");
    }
    if (f.level() == SexualContentLevel.NON_PENETRATIVE_WITH_ADULT
        && f.adultInvolved() == Tri.NO) {
      return java.util.Optional.of("level: non-penetrative activity with an adult;"
          + " adultInvolved: no");
    }
    return java.util.Optional.empty();
  }

  /** Where the known status (minor, adult) and the known age disagree. */
  static java.util.Optional<String> knownContradiction(Reading.Someone p) {
    if (p.knownAge().isEmpty()) {
      return java.util.Optional.empty();
    }
    int age = p.knownAge().getAsInt();
    if (p.knownAdult() == Tri.YES && age < 18) {
      return java.util.Optional.of("known to be an adult, with a known age of " + age);
    }
    if (p.knownAdult() == Tri.NO && age >= 18) {
      return java.util.Optional.of("known to be a minor, with a known age of " + age);
    }
    return java.util.Optional.empty();
  }

  /**
   * The known ages of the minors the facts record, for explanations.
   *
   * @return e.g. {@code "persons[0]: known age 16 (identified by the police)"}, or empty
   */
  static java.util.Optional<String> knownMinorAges(Reading f) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < f.persons().size(); i++) {
      Reading.Someone p = f.persons().get(i);
      if (p.knownAge().isPresent() && kind(p) == Kind.MINOR) {
        out.add("persons[" + i + "]: known age " + p.knownAge().getAsInt() + " ("
            + p.knownAgeSource().orElse("") + ")");
      }
    }
    return out.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(String.join("; ", out));
  }

  /**
   * Whether some minor is known (not only seen) to be under {@code years}.
   *
   * @return the first such person's known age in words, or empty
   */
  static java.util.Optional<String> knownUnder(Reading f, int years) {
    for (int i = 0; i < f.persons().size(); i++) {
      Reading.Someone p = f.persons().get(i);
      if (p.knownAge().isPresent() && p.knownAge().getAsInt() < years
          && knownContradiction(p).isEmpty()) {
        return java.util.Optional.of("persons[" + i + "]: known age " + p.knownAge().getAsInt()
            + " (" + p.knownAgeSource().orElse("") + ")");
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The contradictions in the facts, named by person.
   *
   * @return e.g. {@code "persons[0]: adult-appearing with an apparent age of 9-11"}, or empty
   */
  static java.util.Optional<String> contradictions(Reading f) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < f.persons().size(); i++) {
      int k = i;
      contradiction(f.persons().get(i)).ifPresent(c -> out.add("persons[" + k + "]: " + c));
    }
    return out.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(String.join("; ", out));
  }

  /**
   * Why a fact a rule needs is open: the facts disagree, or it is simply not recorded.
   *
   * @param f the facts
   * @param missing the explanation when nothing disagrees
   * @return the reason and its explanation
   */
  static java.util.Map.Entry<org.hotlinekit.categorisation.scheme.Reason, String> open(
      Reading f, String missing) {
    java.util.Optional<String> c = contradictions(f);
    return c.isPresent()
        ? java.util.Map.entry(org.hotlinekit.categorisation.scheme.Reason.CONTRADICTORY_FACTS,
            "the facts disagree (" + c.get() + "), so neither reading is taken")
        : java.util.Map.entry(org.hotlinekit.categorisation.scheme.Reason.MISSING_FACT, missing);
  }

  /** A person known not to be an adult who looks adult (by stage or apparent age). */
  static boolean knownMinorLooksAdult(Reading.Someone p) {
    return p.knownAdult() == Tri.NO && (p.group() == AgeGroup.ADULT_APPEARING
        || (p.minYears().isPresent() && p.minYears().getAsInt() >= 18));
  }

  /** Whether the item shows a minor: YES, NO (only adults or look-alikes), or UNKNOWN. */
  static Tri minor(Reading f) {
    boolean undetermined = f.persons().isEmpty();
    for (Reading.Someone p : f.persons()) {
      Kind k = kind(p);
      if (k == Kind.MINOR) {
        return Tri.YES;
      }
      undetermined |= k == Kind.UNDETERMINED;
    }
    return undetermined ? Tri.UNKNOWN : Tri.NO;
  }

  /** Whether the only minor-looking persons are look-alike adults (and nobody is undetermined). */
  static boolean lookAlikesOnly(Reading f) {
    boolean any = false;
    for (Reading.Someone p : f.persons()) {
      Kind k = kind(p);
      if (k == Kind.MINOR || k == Kind.UNDETERMINED) {
        return false;
      }
      any |= k == Kind.LOOK_ALIKE;
    }
    return any;
  }

  /**
   * Whether a (non-adult) person is, or appears to be, younger than 13: a known age under 13
   * decides whatever the appearance.
   */
  static Tri under13(Reading f) {
    if (knownUnder(f, 13).isPresent()) {
      return Tri.YES;
    }
    boolean unknown = f.persons().isEmpty();
    for (Reading.Someone p : f.persons()) {
      Kind k = kind(p);
      if (k == Kind.ADULT || k == Kind.LOOK_ALIKE) {
        continue;
      }
      if (knownContradiction(p).isPresent()) {
        unknown = true;
        continue;
      }
      if (contradiction(p).isPresent()) {
        // Stage and apparent age disagree; it matters here only if they disagree about 13.
        boolean stageUnder13 = p.group() == AgeGroup.INFANT
            || p.group() == AgeGroup.PRE_PUBESCENT;
        boolean rangeUnder13 = p.maxYears().isPresent() && p.maxYears().getAsInt() < 13;
        boolean rangeOver13 = p.minYears().isPresent() && p.minYears().getAsInt() >= 13;
        if (stageUnder13 && rangeUnder13) {
          return Tri.YES;
        }
        if (!stageUnder13 && rangeOver13) {
          continue;
        }
        unknown = true;
        continue;
      }
      if (p.group() == AgeGroup.INFANT || p.group() == AgeGroup.PRE_PUBESCENT
          || (p.maxYears().isPresent() && p.maxYears().getAsInt() < 13)) {
        return Tri.YES;
      }
      // A pubescent or adult appearance is a stage past pre-pubescence (a known minor can look
      // adult): nothing shows an age under 13.
      if (p.minYears().isPresent() && p.minYears().getAsInt() < 13) {
        // An apparent age range reaching below 13 (pubescent, apparent 12-14): the range is
        // not ignored for the stage; whether under 13 is open.
        unknown = true;
        continue;
      }
      if (p.group() == AgeGroup.PUBESCENT || p.group() == AgeGroup.ADULT_APPEARING
          || (p.minYears().isPresent() && p.minYears().getAsInt() >= 13)) {
        continue;
      }
      unknown = true;
    }
    return unknown ? Tri.UNKNOWN : Tri.NO;
  }

  /**
   * The youngest developmental stage among the minors: INFANT, PRE_PUBESCENT or PUBESCENT when it
   * is certain; MINOR_STAGE_UNKNOWN when a minor (or an undetermined person) could be younger than
   * every stage recorded; ADULT_APPEARING when there is no minor and nobody undetermined.
   */
  static AgeGroup youngestStage(Reading f) {
    AgeGroup youngest = null;
    boolean uncertain = f.persons().isEmpty();
    for (Reading.Someone p : f.persons()) {
      Kind k = kind(p);
      if (k == Kind.UNDETERMINED) {
        uncertain = true;
      } else if (k == Kind.MINOR) {
        AgeGroup g = p.group();
        if (contradiction(p).isPresent()) {
          uncertain = true;
        } else if (g == AgeGroup.INFANT || g == AgeGroup.PRE_PUBESCENT || g == AgeGroup.PUBESCENT) {
          if (youngest == null || g.ordinal() < youngest.ordinal()) {
            youngest = g;
          }
        } else {
          uncertain = true;
        }
      }
    }
    if (youngest == AgeGroup.INFANT) {
      return youngest;
    }
    if (uncertain) {
      return AgeGroup.MINOR_STAGE_UNKNOWN;
    }
    return youngest == null ? AgeGroup.ADULT_APPEARING : youngest;
  }

  /** The level, raised to sadism/bestiality when those aggravating flags are recorded. */
  static SexualContentLevel level(Reading f) {
    if (f.aggravating().contains(AggravatingFlag.SADISM)
        || f.aggravating().contains(AggravatingFlag.BESTIALITY)) {
      return SexualContentLevel.SADISM_OR_BESTIALITY;
    }
    return f.level();
  }

  /** An enum constant in words: PRE_PUBESCENT → "pre-pubescent". */
  static String words(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("pre pubescent",
        "pre-pubescent");
  }
}
