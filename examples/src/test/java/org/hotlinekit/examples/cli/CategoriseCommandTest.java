package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CategoriseCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path FACTS = Path.of("facts");

  @Test
  void theBundledExamplesGiveEveryScheme() {
    CliRun de = CliRun.of("categorise", "--jurisdiction", "DE", "--format", "json",
        FACTS.resolve("erotic-posing-15.json").toString());
    assertThat(de.exitCode()).as(de.err()).isZero();
    Map<String, JsonNode> byScheme = results(de.out());
    assertThat(byScheme).hasSize(14);
    assertThat(byScheme.get("iccam-classification").get("label").asString()).isEqualTo("national");
    assertThat(byScheme.get("tc-ics").get("indeterminate").asString()).isEqualTo("AMBIGUOUS");

    // Each result names its rule, the provisions it consulted and the facts it read (issue 25
    // point 4): the erotic-posing example's ICCAM class reads the level and the person's age.
    JsonNode iccam = byScheme.get("iccam-classification");
    assertThat(iccam.get("rule").asString()).contains("INTERPOL").contains("DE profile")
        .contains("posing");
    assertThat(iccam.get("factsUsed").get("level").asString()).isEqualTo("erotic_posing");
    assertThat(iccam.get("factsUsed").get("persons[0].ageRange").asString()).isEqualTo("15-15");
    assertThat(byScheme.get("iccam-gender").get("factsUsed").properties()).hasSize(1);

    CliRun be = CliRun.of("categorise", "--jurisdiction", "BE", "--format", "json",
        FACTS.resolve("erotic-posing-15.json").toString());
    assertThat(results(be.out()).get("iccam-classification").get("indeterminate").asString())
        .isEqualTo("UNCLEAR_LAW");

    CliRun text = CliRun.of("categorise", "--jurisdiction", "NL",
        FACTS.resolve("drawn-explicit.json").toString());
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("rule: ICS: A (prepubescent)")
        .contains("facts: origin=non_realistic_drawn");
    assertThat(text.out()).contains("Jurisdiction: NL").contains("not-illegal")
        .contains("BY9719").contains("animeDrawingVirtualHentai");

    CliRun baseline = CliRun.of("categorise", "--jurisdiction", "US", "--format", "json",
        FACTS.resolve("baseline.json").toString());
    assertThat(results(baseline.out()).get("iccam-classification").get("label").asString())
        .isEqualTo("baseline");
  }

  @Test
  void badFactsAndUnknownJurisdictionsAreClearErrors(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"hotlinekit-facts\","
        + " \"formatVersion\": 1, \"origin\": \"real_photographic\", \"persons\": [],"
        + " \"level\": \"extreme\"}");
    CliRun run = CliRun.of("categorise", "--jurisdiction", "BE", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("field 'level': unknown value 'extreme'")
        .doesNotContain("\tat ");
    // A jurisdiction without a profile (IT): every scheme that does not depend on the law is
    // derived, the others are indeterminate, and stderr says why (issue 16 point 8).
    CliRun unknown = CliRun.of("categorise", "--jurisdiction", "IT",
        FACTS.resolve("baseline.json").toString());
    assertThat(unknown.exitCode()).as(unknown.err()).isZero();
    assertThat(unknown.err()).contains("no profile for 'IT'").contains("BE, CA, DE");
    // Baseline is baseline under every law.
    assertThat(unknown.out()).contains("Jurisdiction: IT (no profile)")
        .containsPattern("iccam-classification\\s+baseline")
        .containsPattern("interpol-baseline\\s+baseline")
        .containsPattern("tc-ics\\s+A2");
    CliRun national = CliRun.of("categorise", "--jurisdiction", "IT",
        FACTS.resolve("erotic-posing-15.json").toString());
    assertThat(national.exitCode()).as(national.err()).isZero();
    assertThat(national.out())
        .containsPattern("iccam-classification\\s+indeterminate \\(unknown jurisdiction\\)");
    CliRun invalid = CliRun.of("categorise", "--jurisdiction", "Italy",
        FACTS.resolve("baseline.json").toString());
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains("must be a code such as BE");
  }

  /** Contradictory facts are warned about on stderr, named by field, and listed in JSON. */
  @Test
  void contradictionsAreWarnedAbout(@TempDir Path dir) throws IOException {
    Path facts = Files.writeString(dir.resolve("c.json"), "{\"format\": \"hotlinekit-facts\","
        + " \"formatVersion\": 2, \"origin\": \"real_photographic\", \"persons\":"
        + " [{\"ageGroup\": \"adult_appearing\", \"ageRange\": {\"min\": 9, \"max\": 11}}],"
        + " \"level\": \"sexual_activity_child_only\", \"adultInvolved\": \"yes\"}");
    CliRun run = CliRun.of("categorise", "--jurisdiction", "BE", "--format", "json",
        facts.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines().toList()).containsExactly(
        "hotlinekit: warning: " + facts + ": the facts contradict themselves:"
            + " persons[0].ageGroup, persons[0].ageRange: adult-appearing with an apparent age"
            + " of 9-11",
        "hotlinekit: warning: " + facts + ": the facts contradict themselves: level,"
            + " adultInvolved: level: sexual activity between children only; adultInvolved:"
            + " yes");
    assertThat(JSON.readTree(run.out()).get("contradictions")).hasSize(2);
    assertThat(results(run.out()).get("iccam-classification").get("indeterminate").asString())
        .isEqualTo("CONTRADICTORY_FACTS");
    CliRun clean = CliRun.of("categorise", "--jurisdiction", "BE",
        FACTS.resolve("baseline.json").toString());
    assertThat(clean.err()).isEmpty();
  }

  private static Map<String, JsonNode> results(String out) {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode n : JSON.readTree(out).get("results")) {
      m.put(n.get("scheme").asString(), n);
    }
    return m;
  }
}
