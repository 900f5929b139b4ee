package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.Coverage;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.jurisdiction.Topic;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.hotlinekit.categorisation.scheme.Reason;
import org.hotlinekit.categorisation.scheme.Schemes;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.junit.jupiter.api.Test;

/** "National" per assessing jurisdiction, and the profiles as data. */
class JurisdictionTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();

  @Test
  void aFifteenYearOldPosingDiffersBetweenGermanyAndBelgium() {
    ContentFacts facts = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT).withAgeRange(15, 15))
        .level(SexualContentLevel.EROTIC_POSING).build();
    Derivation de = iccam(facts, "DE");
    Derivation be = iccam(facts, "BE");
    assertThat(de).isInstanceOf(Derived.class);
    assertThat(((Derived) de).label()).isEqualTo("national");
    // The German youth band (14 to 17, section 184c) is named in the explanation.
    assertThat(de.explanation()).contains("14 to 17").contains("184c").contains("provocative");
    assertThat(be).isInstanceOf(Indeterminate.class);
    assertThat(((Indeterminate) be).reason()).isEqualTo(Reason.UNCLEAR_LAW);
    assertThat(be.explanation()).contains("BE");
  }

  @Test
  void aGermanChildUnderFourteenIsNamedAsSuch() {
    ContentFacts facts = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT).withAgeRange(13, 13))
        .level(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY).build();
    assertThat(iccam(facts, "DE").explanation()).contains("under 14");
  }

  @Test
  void realisticSyntheticAndDrawnMaterialDifferWhereTheTableSaysSo() {
    ContentFacts realistic = drawnOr(ContentOrigin.PHOTOREALISTIC_SYNTHETIC);
    ContentFacts drawn = drawnOr(ContentOrigin.NON_REALISTIC_DRAWN);
    // NL: realistic covered, clearly unrealistic not (HR 2013).
    assertThat(label(iccam(realistic, "NL"))).isEqualTo("national");
    assertThat(label(iccam(drawn, "NL"))).isEqualTo("not-illegal");
    assertThat(iccam(drawn, "NL").explanation()).contains("BY9719");
    // BE: realistic covered; drawings unclear (conflicting sources).
    assertThat(label(iccam(realistic, "BE"))).isEqualTo("national");
    assertThat(label(iccam(drawn, "BE"))).isEqualTo("?UNCLEAR_LAW");
    // DE: distribution of any content; possession only realistic.
    assertThat(label(iccam(drawn, "DE"))).isEqualTo("national");
    assertThat(iccam(drawn, "DE").explanation()).contains("possession exempt");
    // FR covers representations; UK has s.62; US only if obscene.
    assertThat(label(iccam(drawn, "FR"))).isEqualTo("national");
    assertThat(label(iccam(drawn, "UK"))).isEqualTo("national");
    assertThat(label(iccam(drawn, "US"))).isEqualTo("?UNCLEAR_LAW");
    // UK: photorealistic images as pseudo-photographs are marked uncertain.
    assertThat(label(iccam(realistic, "UK"))).isEqualTo("?UNCLEAR_LAW");
  }

  @Test
  void lookAlikeAdultsDependOnTheLaw() {
    ContentFacts facts = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT).withKnownAdult(Tri.YES))
        .level(SexualContentLevel.PENETRATIVE).build();
    assertThat(label(iccam(facts, "DE"))).isEqualTo("national");
    assertThat(label(iccam(facts, "BE"))).isEqualTo("national");
    assertThat(label(iccam(facts, "FR"))).isEqualTo("not-illegal");
    assertThat(label(iccam(facts, "US"))).isEqualTo("not-illegal");
    assertThat(label(iccam(facts, "UK"))).isEqualTo("?UNCLEAR_LAW");
  }

  @Test
  void anUnknownJurisdictionIsIndeterminateUnlessBaselineDecides() {
    ContentFacts national = drawnOr(ContentOrigin.PHOTOREALISTIC_SYNTHETIC);
    Derivation d = iccam(national, "XX");
    assertThat(label(d)).isEqualTo("?UNKNOWN_JURISDICTION");
    assertThat(d.explanation()).contains("no profile for 'XX'");
    ContentFacts baseline = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.INFANT)).level(SexualContentLevel.PENETRATIVE).build();
    assertThat(label(iccam(baseline, "XX"))).isEqualTo("baseline");
  }

  @Test
  void everyBundledProfileHasEveryProvisionWithASource() {
    Jurisdictions all = Jurisdictions.bundled();
    assertThat(all.codes()).containsExactlyInAnyOrder("BE", "NL", "DE", "FR", "UK", "US", "CA");
    for (String code : all.codes()) {
      JurisdictionProfile p = all.find(code).orElseThrow();
      assertThat(p.childAgeLimit()).isEqualTo(18);
      assertThat(p.childAgeSource()).isNotBlank();
      for (Topic t : Topic.values()) {
        assertThat(p.provision(t).source()).as("%s %s", code, t).hasSizeGreaterThan(10);
      }
    }
    assertThat(all.find("gb")).isEqualTo(all.find("UK"));
    assertThat(all.find("DE").orElseThrow().lowerBandLimit()).hasValue(14);
    // What the reference marks uncertain is unclear in the data.
    assertThat(all.find("BE").orElseThrow().provision(Topic.NON_REALISTIC_DRAWN).coverage())
        .isEqualTo(Coverage.UNCLEAR);
    assertThat(all.find("NL").orElseThrow().provision(Topic.POSING).coverage())
        .isEqualTo(Coverage.UNCLEAR);
  }

  @Test
  void usersLoadTheirOwnProfile() {
    String json = profile("BE", "\"illegal\"");
    JurisdictionProfile counsel = Jurisdictions.read(new StringReader(json), "be-counsel.json");
    Categoriser c = Categoriser.builder()
        .jurisdictions(Jurisdictions.bundled().with(counsel)).build();
    ContentFacts drawn = drawnOr(ContentOrigin.NON_REALISTIC_DRAWN);
    Derivation d = c.categorise(drawn, "BE").get(0);
    assertThat(label(d)).isEqualTo("national");
    assertThat(d.explanation()).contains("counsel opinion 2026-11");
  }

  @Test
  void badProfilesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> Jurisdictions.read(new StringReader(profile("BE", "\"maybe\"")),
        "p.json")).isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("p.json: field 'provisions.non_realistic_drawn.coverage':"
            + " unknown value 'maybe'");
    String missing = profile("BE", "\"illegal\"").replaceFirst(
        "\"posing\": \\{[^}]*\\},", "");
    assertThatThrownBy(() -> Jurisdictions.read(new StringReader(missing), "p.json"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("p.json: field 'provisions.posing': missing required field");
    String future = profile("BE", "\"illegal\"").replace("\"formatVersion\": 1",
        "\"formatVersion\": 2");
    assertThatThrownBy(() -> Jurisdictions.read(new StringReader(future), "p.json"))
        .isInstanceOf(UnsupportedInputException.class);
    String noSource = profile("BE", "\"illegal\"").replace("\"source\": \"s6\"",
        "\"source\": \"\"");
    assertThatThrownBy(() -> Jurisdictions.read(new StringReader(noSource), "p.json"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("must not be empty");
  }

  static String profile(String code, String drawnCoverage) {
    return "{\"format\": \"hotlinekit-jurisdiction\", \"formatVersion\": 1, \"code\": \"" + code
        + "\", \"name\": \"Belgium (counsel)\", \"version\": \"counsel-1\","
        + " \"lawReference\": \"Criminal Code 417/43\","
        + " \"childAgeLimit\": {\"value\": 18, \"source\": \"art. 417/43\"},"
        + " \"provisions\": {"
        + "\"realistic_virtual\": {\"coverage\": \"illegal\", \"source\": \"s1\"},"
        + " \"morphed\": {\"coverage\": \"illegal\", \"source\": \"s2\"},"
        + " \"non_realistic_drawn\": {\"coverage\": " + drawnCoverage
        + ", \"source\": \"counsel opinion 2026-11\"},"
        + " \"posing\": {\"coverage\": \"unclear\", \"source\": \"s4\"},"
        + " \"genital_focus\": {\"coverage\": \"illegal\", \"source\": \"s5\"},"
        + " \"look_alike_adults\": {\"coverage\": \"illegal\", \"source\": \"s6\"}}}";
  }

  private static ContentFacts drawnOr(ContentOrigin origin) {
    return ContentFacts.builder().origin(origin).person(Person.of(AgeGroup.PRE_PUBESCENT))
        .level(SexualContentLevel.PENETRATIVE).adultInvolved(Tri.YES).build();
  }

  private static Derivation iccam(ContentFacts f, String jurisdiction) {
    List<Derivation> all = CATEGORISER.categorise(f, jurisdiction);
    return all.stream().filter(d -> d.scheme().id().equals(Schemes.ICCAM_CLASSIFICATION))
        .findFirst().orElseThrow();
  }

  private static String label(Derivation d) {
    return d instanceof Derived ? ((Derived) d).label() : "?" + ((Indeterminate) d).reason();
  }
}
