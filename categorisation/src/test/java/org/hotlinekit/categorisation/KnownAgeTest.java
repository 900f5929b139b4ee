package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.FactsJson;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.hotlinekit.categorisation.scheme.Reason;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/**
 * A known age (facts format 2), written from the reference: INTERPOL baseline's criterion 2 is
 * "are, or appear to be, younger than 13" (a known age under 13 meets it whatever the
 * appearance); a law that needs a real minor is met by a known age under 18 where the apparent
 * age straddles 18. The explanations name the known age and its source. Each case failed before:
 * facts had no known age (the cases could not be written; the version 2 document was refused).
 */
class KnownAgeTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();

  private static Derivation scheme(ContentFacts f, String jurisdiction, String id) {
    return CATEGORISER.categorise(f, jurisdiction).stream()
        .filter(d -> d.scheme().id().equals(id)).findFirst().orElseThrow();
  }

  private static String label(Derivation d) {
    return d instanceof Derived x ? x.label() : "?" + ((Indeterminate) d).reason();
  }

  @Test
  void aKnownAgeUnderThirteenMeetsTheBaselineWhateverTheAppearance() {
    ContentFacts f = read("""
        {"format": "hotlinekit-facts", "formatVersion": 2, "origin": "real_photographic",
         "persons": [{"ageGroup": "pubescent", "known": {"age": 12,
                      "source": "victim identified by the police"}}],
         "level": "genital_anal_focus", "adultInvolved": "no"}""");
    Derivation baseline = scheme(f, "BE", "interpol-baseline");
    assertThat(label(baseline)).isEqualTo("baseline");
    assertThat(baseline.explanation())
        .contains("known age 12 (victim identified by the police)");
    // The same appearance without the known age: the stage alone shows nothing under 13.
    ContentFacts seen = f.toBuilder().persons(List.of(Person.of(AgeGroup.PUBESCENT))).build();
    assertThat(label(scheme(seen, "BE", "interpol-baseline"))).isEqualTo("not-baseline");
    assertThat(label(scheme(f, "BE", "iccam-classification"))).isEqualTo("baseline");
  }

  @Test
  void aKnownMinorSettlesAStraddlingApparentAgeWhereTheLawNeedsARealMinor() {
    ContentFacts straddling = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT).withAgeRange(16, 19))
        .level(SexualContentLevel.PENETRATIVE).adultInvolved(Tri.YES).build();
    assertThat(label(scheme(straddling, "US", "iccam-classification")))
        .isEqualTo("?MISSING_FACT");
    ContentFacts known = straddling.toBuilder().persons(List.of(Person.of(AgeGroup.PUBESCENT)
        .withAgeRange(16, 19).withKnownAge(16, "the child reported it"))).build();
    for (String j : List.of("US", "UK", "BE", "DE")) {
      Derivation d = scheme(known, j, "iccam-classification");
      assertThat(label(d)).as(j).isEqualTo("national");
      assertThat(d.explanation()).as(j).contains("a minor under 18")
          .contains("known age 16 (the child reported it)");
    }
  }

  @Test
  void aKnownAdultAgeMakesALookAlikeAndStatusAgainstAgeIsAContradiction() {
    ContentFacts lookAlike = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT).withKnownAge(21, "performer's records"))
        .level(SexualContentLevel.PENETRATIVE).adultInvolved(Tri.YES).build();
    assertThat(lookAlike.persons().get(0).knownAdult()).isEqualTo(Tri.YES);
    // Germany counts adults who look like children (reference section 5).
    assertThat(label(scheme(lookAlike, "DE", "iccam-classification"))).isEqualTo("national");
    ContentFacts contradicting = read("""
        {"format": "hotlinekit-facts", "formatVersion": 2, "origin": "real_photographic",
         "persons": [{"ageGroup": "pubescent", "known": {"status": "adult", "age": 15,
                      "source": "two records that disagree"}}],
         "level": "penetrative", "adultInvolved": "yes"}""");
    for (String id : List.of("iccam-classification", "uk-sentencing", "tc-ics")) {
      Derivation d = scheme(contradicting, "BE", id);
      assertThat(d).as(id).isInstanceOf(Indeterminate.class);
      assertThat(((Indeterminate) d).reason()).as(id).isEqualTo(Reason.CONTRADICTORY_FACTS);
      assertThat(d.explanation()).as(id).contains("known to be an adult, with a known age of 15");
    }
  }

  @Test
  void versionTwoNeedsTheSourceOfAKnownAgeAndRoundTrips() {
    assertThatThrownBy(() -> read("""
        {"format": "hotlinekit-facts", "formatVersion": 2, "origin": "real_photographic",
         "persons": [{"ageGroup": "pubescent", "known": {"age": 16}}], "level": "posing"}"""))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("persons[0].known")
        .hasMessageContaining("source");
    assertThatThrownBy(() -> read("""
        {"format": "hotlinekit-facts", "formatVersion": 2, "origin": "real_photographic",
         "persons": [{"ageGroup": "pubescent", "knownAdult": "no"}], "level": "posing"}"""))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("knownAdult");
    ContentFacts f = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.ADULT_APPEARING).withKnownAge(16, "self-reported"))
        .level(SexualContentLevel.EROTIC_POSING).build();
    String written = FactsJson.write(f);
    assertThat(written).contains("\"formatVersion\" : 2").contains("\"source\" : \"self-reported\"");
    assertThat(read(written)).isEqualTo(f);
  }

  /**
   * Version 1 documents read as before: the bundled examples, rewritten as version 2 with their
   * known status only, give every scheme the same label in every bundled jurisdiction.
   */
  @Test
  void versionOneDocumentsMeanWhatTheyMeant() throws Exception {
    Path dir = Path.of("../examples/facts");
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    assertThat(files).isNotEmpty();
    for (Path p : files) {
      String v1 = Files.readString(p);
      assertThat(v1).contains("\"formatVersion\": 1");
      ContentFacts one = read(v1);
      String v2 = v1.replace("\"formatVersion\": 1", "\"formatVersion\": 2")
          .replace("\"knownAdult\": \"yes\"", "\"known\": {\"status\": \"adult\"}")
          .replace("\"knownAdult\": \"no\"", "\"known\": {\"status\": \"minor\"}")
          .replace("\"knownAdult\": \"unknown\"", "\"known\": {\"status\": \"unknown\"}");
      ContentFacts two = read(v2);
      assertThat(two).as(p.toString()).isEqualTo(one);
      for (String j : CATEGORISER.jurisdictions().codes()) {
        assertThat(CATEGORISER.categorise(two, j)).as(p + " " + j)
            .isEqualTo(CATEGORISER.categorise(one, j));
      }
    }
  }

  private static ContentFacts read(String json) {
    return FactsJson.read(new StringReader(json), "facts.json");
  }
}
