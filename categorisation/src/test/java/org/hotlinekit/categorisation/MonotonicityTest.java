package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.junit.jupiter.api.Test;

/**
 * Never less protective: over every combination of the core facts (one real person: stage,
 * known adulthood, apparent age, level, adult involvement) in every bundled jurisdiction, making
 * one fact more severe never gives a less severe label, and never turns an indeterminate answer
 * into the scheme's firm "nothing". The orders:
 *
 * <ul>
 *   <li>facts: known adult, unknown, known minor; adult-appearing, pubescent, pre-pubescent,
 *       infant (younger is more severe); the level in its COPINE order; no adult involved,
 *       unknown, an adult involved;
 *   <li>labels: ICCAM not-illegal &lt; national &lt; baseline; INTERPOL not-baseline &lt;
 *       baseline; UK none &lt; C &lt; B &lt; A; SAP none &lt; L1..L5; COPINE none &lt; 1..10;
 *       TC ICS by its number (none &lt; 2 &lt; 1) and, for the same number, B &lt; A; EU 2(c)
 *       none &lt; any point.
 * </ul>
 *
 * An indeterminate answer may follow a firm one (a more severe fact can need a fact that is not
 * recorded), but not the reverse into the lowest label.
 */
class MonotonicityTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();
  static final AgeGroup[] YOUNGER = {AgeGroup.ADULT_APPEARING, AgeGroup.PUBESCENT,
      AgeGroup.PRE_PUBESCENT, AgeGroup.INFANT};
  private static final Tri[] KNOWN_MINOR = {Tri.YES, Tri.UNKNOWN, Tri.NO};
  private static final Tri[] ADULT = {Tri.NO, Tri.UNKNOWN, Tri.YES};
  static final List<SexualContentLevel> LEVELS = List.of(SexualContentLevel.values())
      .stream().filter(l -> l != SexualContentLevel.UNKNOWN).toList();

  record Case(AgeGroup group, Tri knownAdult, int range, SexualContentLevel level, Tri adult) {
    ContentFacts facts() {
      Person p = Person.of(group).withKnownAdult(knownAdult);
      if (range > 0) {
        int min = new int[] {0, 8, 15, 20}[range];
        p = p.withAgeRange(min, min + 2);
      }
      return ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC).person(p)
          .level(level).adultInvolved(adult).build();
    }
  }

  /** The cases one step more severe in one fact. */
  static List<Case> moreSevere(Case c) {
    List<Case> out = new ArrayList<>();
    int g = List.of(YOUNGER).indexOf(c.group());
    if (g >= 0 && g + 1 < YOUNGER.length) {
      out.add(new Case(YOUNGER[g + 1], c.knownAdult(), c.range(), c.level(), c.adult()));
    }
    int k = List.of(KNOWN_MINOR).indexOf(c.knownAdult());
    if (k + 1 < KNOWN_MINOR.length) {
      out.add(new Case(c.group(), KNOWN_MINOR[k + 1], c.range(), c.level(), c.adult()));
    }
    int l = LEVELS.indexOf(c.level());
    if (l + 1 < LEVELS.size()) {
      out.add(new Case(c.group(), c.knownAdult(), c.range(), LEVELS.get(l + 1), c.adult()));
    }
    int a = List.of(ADULT).indexOf(c.adult());
    if (a + 1 < ADULT.length) {
      out.add(new Case(c.group(), c.knownAdult(), c.range(), c.level(), ADULT[a + 1]));
    }
    return out;
  }

  /** A label's rank in its scheme (higher is more severe); -1 for indeterminate. */
  static int rank(String scheme, Derivation d) {
    if (!(d instanceof Derived x)) {
      return -1;
    }
    String l = x.label();
    switch (scheme) {
      case "iccam-classification":
        return List.of("not-illegal", "national", "baseline").indexOf(l);
      case "interpol-baseline":
        return List.of("not-baseline", "baseline").indexOf(l);
      case "uk-sentencing":
        return List.of("none", "C", "B", "A").indexOf(l);
      case "sap":
        return List.of("none", "L1", "L2", "L3", "L4", "L5").indexOf(l);
      case "copine":
        return l.equals("none") ? 0 : Integer.parseInt(l);
      case "tc-ics":
        return l.equals("none") ? 0 : (l.endsWith("2") ? 1 : 3) + (l.startsWith("A") ? 1 : 0);
      case "eu-2011-93-art2c":
        return l.equals("none") ? 0 : 1;
      default:
        throw new IllegalArgumentException(scheme);
    }
  }

  static final List<String> SCHEMES = List.of("iccam-classification", "interpol-baseline",
      "uk-sentencing", "sap", "copine", "tc-ics", "eu-2011-93-art2c");

  /**
   * Where an indeterminate answer is followed by the scheme's firm "nothing" one step up: in each
   * of these the less severe case was over-cautious (the mapper asked about the person before
   * finding that the level alone decides, or the reference itself orders the levels otherwise),
   * not the more severe one under-protective. Listed so that no new kind appears unseen; each is
   * work for the mapper that names it.
   */
  static final Map<String, String> KNOWN_OVER_CAUTION = Map.ofEntries(
      Map.entry("uk-sentencing | level=NUDITY_NON_SEXUAL->level=EROTICA_SURREPTITIOUS"
          + " | ?AMBIGUOUS -> none", "by the reference: non-sexual nudity is 'normally not"
          + " indecent [?]' (ambiguous) while clothed erotica is not indecent (none): COPINE's"
          + " order is not UK's"),
      Map.entry("sap | knownAdult=YES->knownAdult=UNKNOWN | ?AMBIGUOUS -> none",
          "a look-alike adult is ambiguous before the level is looked at; at levels SAP never"
              + " grades, the minor case is none: the look-alike case should be none too"),
      Map.entry("uk-sentencing | knownAdult=YES->knownAdult=UNKNOWN | ?AMBIGUOUS -> none",
          "as for SAP: the look-alike question is asked before the level"),
      Map.entry("eu-2011-93-art2c | level=EROTIC_POSING->level=GENITAL_ANAL_FOCUS"
          + " | ?AMBIGUOUS -> none", "erotic posing is ambiguous before the persons are looked"
          + " at; with no child, genital focus is none: posing without a child should be none"),
      Map.entry("sap | knownAdult=UNKNOWN->knownAdult=NO | ?CONTRADICTORY_FACTS -> none",
          "a contradictory person is undetermined before the level is looked at"),
      Map.entry("uk-sentencing | knownAdult=UNKNOWN->knownAdult=NO | ?CONTRADICTORY_FACTS"
          + " -> none", "as above"),
      Map.entry("sap | group=ADULT_APPEARING->group=PUBESCENT | ?CONTRADICTORY_FACTS -> none",
          "as above"),
      Map.entry("uk-sentencing | group=ADULT_APPEARING->group=PUBESCENT | ?CONTRADICTORY_FACTS"
          + " -> none", "as above"),
      Map.entry("sap | group=PUBESCENT->group=PRE_PUBESCENT | ?CONTRADICTORY_FACTS -> none",
          "as above"),
      Map.entry("uk-sentencing | group=PUBESCENT->group=PRE_PUBESCENT | ?CONTRADICTORY_FACTS"
          + " -> none", "as above"),
      Map.entry("interpol-baseline | group=ADULT_APPEARING->group=PUBESCENT"
          + " | ?CONTRADICTORY_FACTS -> not-baseline", "as above, for the age criterion"),
      Map.entry("iccam-classification | group=ADULT_APPEARING->group=PUBESCENT"
          + " | ?CONTRADICTORY_FACTS -> not-illegal", "baseline is open while the person is"
          + " contradictory; ICCAM then refuses 'not illegal' until baseline is settled"),
      Map.entry("iccam-classification | group=PUBESCENT->group=PRE_PUBESCENT"
          + " | ?CONTRADICTORY_FACTS -> not-illegal", "as above"),
      Map.entry("iccam-classification | group=ADULT_APPEARING->group=PUBESCENT"
          + " | ?UNCLEAR_LAW -> not-illegal", "the straddling-age rule asks the profile first;"
          + " at a level the law does not cover, not illegal holds either way"),
      Map.entry("iccam-classification | group=PUBESCENT->group=PRE_PUBESCENT"
          + " | ?UNCLEAR_LAW -> not-illegal", "as above"));

  private final java.util.Set<String> seenOverCaution = new java.util.TreeSet<>();

  @Test
  void aMoreSevereFactNeverGivesALessSevereLabel() {
    List<String> violations = new ArrayList<>();
    int checked = 0;
    for (AgeGroup group : YOUNGER) {
      for (Tri known : KNOWN_MINOR) {
        for (int range = 0; range < 4; range++) {
          for (SexualContentLevel level : LEVELS) {
            for (Tri adult : ADULT) {
              Case before = new Case(group, known, range, level, adult);
              for (String j : Jurisdictions.BUNDLED) {
                Map<String, Derivation> b = byScheme(before.facts(), j);
                for (Case after : moreSevere(before)) {
                  Map<String, Derivation> a = byScheme(after.facts(), j);
                  for (String s : SCHEMES) {
                    int rb = rank(s, b.get(s));
                    int ra = rank(s, a.get(s));
                    checked++;
                    boolean firmDrop = rb >= 0 && ra >= 0 && ra < rb;
                    boolean toNothing = rb < 0 && ra == 0;
                    String v = j + " " + s + ": " + before + " -> " + after + ": "
                        + describe(b.get(s)) + " -> " + describe(a.get(s));
                    if (firmDrop) {
                      violations.add(v);
                    } else if (toNothing) {
                      String kind = s + " | " + diff(v) + " | " + describe(b.get(s)) + " -> "
                          + describe(a.get(s));
                      if (!KNOWN_OVER_CAUTION.containsKey(kind)) {
                        violations.add(v);
                      }
                      seenOverCaution.add(kind);
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
    if (System.getProperty("monotonicity.dump") != null) {
      java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
      for (String v : violations) {
        String scheme = v.substring(3, v.indexOf(':'));
        String change = v.substring(v.lastIndexOf(": ") + 2);
        String fact = v.contains("group=") ? diff(v) : "";
        kinds.merge(scheme + " | " + fact + " | " + change, 1, Integer::sum);
      }
      kinds.forEach((k, n) -> System.out.println("MONO " + n + " " + k));
    }
    assertThat(violations).as("%d violations, e.g. %s", violations.size(),
        violations.stream().limit(5).toList()).isEmpty();
    // The list holds no kind that no longer occurs: a fixed mapper takes its entry out.
    assertThat(seenOverCaution).isEqualTo(KNOWN_OVER_CAUTION.keySet());
  }

  private static Map<String, Derivation> byScheme(ContentFacts f, String j) {
    Map<String, Derivation> m = new java.util.HashMap<>();
    for (Derivation d : CATEGORISER.categorise(f, j)) {
      m.put(d.scheme().id(), d);
    }
    return m;
  }

  private static String describe(Derivation d) {
    return d instanceof Derived x ? x.label()
        : "?" + ((org.hotlinekit.categorisation.scheme.Indeterminate) d).reason();
  }

  /** Which fact changed, for the dump. */
  static String diff(String v) {
    String[] parts = v.split(" -> ");
    String a = parts[0].substring(parts[0].indexOf("Case["));
    String b = parts[1];
    for (String f : new String[] {"group", "knownAdult", "level", "adult="}) {
      String ka = a.substring(a.indexOf(f)).split("[,\\]]")[0];
      String kb = b.substring(b.indexOf(f)).split("[,\\]]")[0];
      if (!ka.equals(kb)) {
        return ka + "->" + kb;
      }
    }
    return "?";
  }

}
