package org.hotlinekit.categorisation.internal;

import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.Coverage;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.jurisdiction.Provision;
import org.hotlinekit.categorisation.jurisdiction.Topic;
import org.hotlinekit.categorisation.scheme.Reason;

/**
 * Whether an item is illegal under one jurisdiction's profile: a depicted child (by the profile's
 * age limit, look-alike adults per the profile), content the law covers (sexual activity always;
 * genital focus and posing per the profile) and an origin it covers (real always; morphed,
 * realistic virtual and drawn per the profile).
 */
final class NationalLaw {
  private NationalLaw() {}

  static Criteria evaluate(Reading f, JurisdictionProfile p) {
    Criteria c = new Criteria();
    child(f, p, c);
    content(f, p, c);
    origin(f, p, c);
    return c;
  }

  private static void child(Reading f, JurisdictionProfile p, Criteria c) {
    Tri minor = FactsView.minor(f);
    if (minor == Tri.UNKNOWN) {
      var open = FactsView.open(f, "whether a minor is depicted is not determined");
      c.open(open.getKey(), open.getValue());
      return;
    }
    if (minor == Tri.NO) {
      if (FactsView.lookAlikesOnly(f)) {
        provision(f, p, Topic.LOOK_ALIKE_ADULTS, "adult who looks like a minor", c);
      } else {
        c.failed("no minor depicted");
      }
      return;
    }
    java.util.Optional<String> straddling = onlyStraddling(f);
    if (straddling.isPresent()) {
      // Appears to be a minor, but the apparent age reaches 18: a minor only in appearance
      // is what look-alike provisions cover; where the law needs a real minor, it is open.
      String what = "a person who appears to be a minor (" + straddling.get() + ")";
      Provision v = f.provision(p, Topic.APPARENT_MINORS);
      switch (v.coverage()) {
        case ILLEGAL:
        case POSSESSION_EXEMPT:
          c.met(what + ", covered by appearance (" + v.source() + ")");
          break;
        case NOT_COVERED:
          c.open(Reason.MISSING_FACT, what + ": appearance is not enough in " + p.code() + " ("
              + v.source() + "), and whether the person is under 18 is not established");
          break;
        default:
          c.open(Reason.UNCLEAR_LAW, what + " in " + p.code() + ": " + v.source());
      }
      return;
    }
    int limit = f.childAgeLimit(p);
    if (limit < 18 && !anyClearlyUnder(f, limit)) {
      c.open(Reason.MISSING_FACT, "the minor's age against " + p.code() + "'s limit of " + limit
          + " is not determined");
      return;
    }
    String band = "";
    if (p.lowerBandLimit().isPresent()) {
      int lower = p.lowerBandLimit().getAsInt();
      band = anyClearlyUnder(f, lower) ? " (under " + lower + ")"
          : allAtLeast(f, lower) ? " (" + lower + " to " + (limit - 1) + ": "
              + p.lowerBandSource().orElse("") + ")" : "";
    }
    c.met("a minor under " + limit + band
        + FactsView.knownMinorAges(f).map(k -> " (" + k + ")").orElse(""));
  }

  /**
   * When every minor of the item is one only by appearance with an apparent age range reaching
   * 18 (e.g. pubescent, apparent 16-19, adulthood not known), that range in words; else empty.
   */
  private static java.util.Optional<String> onlyStraddling(Reading f) {
    java.util.List<String> ranges = new java.util.ArrayList<>();
    for (Reading.Someone x : f.persons()) {
      if (FactsView.kind(x) != FactsView.Kind.MINOR) {
        continue;
      }
      if (x.knownAdult() == Tri.NO || x.maxYears().isEmpty() || x.maxYears().getAsInt() < 18) {
        return java.util.Optional.empty(); // a minor for certain
      }
      ranges.add("apparent age " + x.minYears().getAsInt() + "-" + x.maxYears().getAsInt()
          + ", which may be 18 or more");
    }
    return ranges.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(String.join("; ", ranges));
  }

  private static boolean anyClearlyUnder(Reading f, int years) {
    if (FactsView.knownUnder(f, years).isPresent()) {
      return true;
    }
    for (Reading.Someone x : f.persons()) {
      if (FactsView.kind(x) != FactsView.Kind.MINOR) {
        continue;
      }
      if (x.maxYears().isPresent() && x.maxYears().getAsInt() < years) {
        return true;
      }
      if (years >= 13 && (x.group() == AgeGroup.INFANT || x.group() == AgeGroup.PRE_PUBESCENT)
          && x.maxYears().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean allAtLeast(Reading f, int years) {
    boolean any = false;
    for (Reading.Someone x : f.persons()) {
      if (FactsView.kind(x) != FactsView.Kind.MINOR) {
        continue;
      }
      if (x.knownAge().isPresent()) {
        // The real age is known: it, not the appearance, says whether the person is this old.
        if (x.knownAge().getAsInt() < years) {
          return false;
        }
        any = true;
        continue;
      }
      if (x.minYears().isEmpty() || x.minYears().getAsInt() < years
          || FactsView.knownMinorLooksAdult(x)) {
        // A known minor who looks adult: the apparent age says nothing of the real one.
        return false;
      }
      any = true;
    }
    return any;
  }

  private static void content(Reading f, JurisdictionProfile p, Criteria c) {
    SexualContentLevel level = FactsView.level(f);
    if (level == SexualContentLevel.UNKNOWN) {
      c.open(Reason.MISSING_FACT, "sexual content level unknown");
    } else if (level.atLeast(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY)) {
      c.met("sexual activity (" + FactsView.words(level) + ")");
    } else if (level == SexualContentLevel.GENITAL_ANAL_FOCUS) {
      provision(f, p, Topic.GENITAL_FOCUS, "genital or anal focus", c);
    } else if (level == SexualContentLevel.EROTIC_POSING) {
      provision(f, p, Topic.POSING, "erotic posing", c);
    } else if (level == SexualContentLevel.POSING) {
      Provision posing = f.provision(p, Topic.POSING);
      if (posing.coverage() == Coverage.NOT_COVERED) {
        c.failed("posing is not covered in " + p.code() + " (" + posing.source() + ")");
      } else if (posing.coverage() == Coverage.UNCLEAR) {
        c.open(Reason.UNCLEAR_LAW, "posing in " + p.code() + ": " + posing.source());
      } else {
        c.open(Reason.AMBIGUOUS, p.code() + " covers sexually provocative posing ("
            + posing.source() + "); record erotic posing if the pose is provocative");
      }
    } else {
      c.failed(FactsView.words(level) + " is not sexual content under " + p.code() + " law");
    }
  }

  private static void origin(Reading f, JurisdictionProfile p, Criteria c) {
    switch (f.origin()) {
      case REAL_PHOTOGRAPHIC:
        c.met("real photographic material");
        break;
      case MANIPULATED_OR_MORPHED:
        provision(f, p, Topic.MORPHED, "morphed material", c);
        break;
      case PHOTOREALISTIC_SYNTHETIC:
        provision(f, p, Topic.REALISTIC_VIRTUAL, "photorealistic synthetic material", c);
        break;
      case NON_REALISTIC_DRAWN:
        provision(f, p, Topic.NON_REALISTIC_DRAWN, "non-realistic drawn material", c);
        break;
      default:
        c.open(Reason.MISSING_FACT, "origin unknown");
    }
  }

  private static void provision(Reading f, JurisdictionProfile p, Topic t, String what,
      Criteria c) {
    Provision v = f.provision(p, t);
    switch (v.coverage()) {
      case ILLEGAL:
        c.met(what + " covered (" + v.source() + ")");
        break;
      case POSSESSION_EXEMPT:
        c.met(what + " covered for distribution, possession exempt (" + v.source() + ")");
        break;
      case NOT_COVERED:
        c.failed(what + " not covered in " + p.code() + " (" + v.source() + ")");
        break;
      default:
        c.open(Reason.UNCLEAR_LAW, what + " in " + p.code() + ": " + v.source());
    }
  }
}
