package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportCommandTest {
  private static final Path SAMPLE = Path.of("reports/sample-reports.json");

  @Test
  void theSampleValidates() {
    CliRun run = CliRun.of("report", "validate", SAMPLE.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("valid (3 reports)");
  }

  @Test
  void problemsArePrintedWithTheirLocation(@TempDir Path dir) throws IOException {
    String text = Files.readString(SAMPLE).replaceFirst("\"mediaType\": \"image\"",
        "\"mediaType\": \"hologram\"").replaceFirst("\"cdn\": false", "\"cdn\": 0");
    Path bad = Files.writeString(dir.resolve("bad.json"), text);
    CliRun run = CliRun.of("report", "validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).matches(".*bad\\.json:\\d+:\\d+: \"mediaType\" must be"
        + " one of: image, video, website, other");
    assertThat(run.outLines().get(1)).matches(".*bad\\.json:\\d+:\\d+: \"cdn\" must be true or"
        + " false");
  }

  /**
   * The first assessment's facts derive baseline; stored as national (still illegal, so the
   * item's forwarding stays valid), the file is invalid.
   */
  @Test
  void aClassificationItsFactsContradictIsAProblem(@TempDir Path dir) throws IOException {
    String text = Files.readString(SAMPLE).replaceFirst("\"classification\": \"baseline\"",
        "\"classification\": \"national\"");
    Path bad = Files.writeString(dir.resolve("bad.json"), text);
    CliRun run = CliRun.of("report", "validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.outLines().get(0)).startsWith(bad + ": report BE-2026-000123 item ")
        .contains("stored national, but its facts derive baseline: ");
  }

  @Test
  void ncmecExportOfOneReport(@TempDir Path dir) {
    CliRun run = CliRun.of("report", "ncmec", "--report", "BE-2026-000123", SAMPLE.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("<?xml").contains("<industryClassification>B1<");
    CliRun several = CliRun.of("report", "ncmec", SAMPLE.toString());
    assertThat(several.exitCode()).isEqualTo(2);
    assertThat(several.err()).contains("holds 3 reports");
    CliRun all = CliRun.of("report", "ncmec", "--out-dir", dir.toString(), SAMPLE.toString());
    assertThat(all.exitCode()).isZero();
    assertThat(dir.resolve("BE-2026-000125.xml")).isRegularFile();
  }

  @Test
  void statsAsJson() {
    CliRun run = CliRun.of("report", "stats", "--format", "json", SAMPLE.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode n = JsonMapper.builder().build().readTree(run.out());
    assertThat(n.get("contentItems").asInt()).isEqualTo(7);
    assertThat(n.get("illegal").asInt()).isEqualTo(5);
    assertThat(n.get("timeToLea").get("withEvent").asInt()).isEqualTo(1);
    CliRun text = CliRun.of("report", "stats", SAMPLE.toString());
    assertThat(text.out()).contains("content items      7").contains("definitions:");
  }
}
