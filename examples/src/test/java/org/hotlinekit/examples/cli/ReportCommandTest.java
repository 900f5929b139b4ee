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

  /**
   * --schema-only: what another system validating with the published schema sees. Two items
   * with one id pass the schema (uniqueness is a rule it cannot express) and fail the full
   * validation; a country ZZ fails both.
   */
  @Test
  void schemaOnlyValidationSaysWhatTheSchemaSees(@TempDir Path dir) throws IOException {
    String sample = Files.readString(SAMPLE);
    Path twins = Files.writeString(dir.resolve("twins.json"),
        sample.replaceFirst("\"id\": \"2\"", "\"id\": \"1\""));
    CliRun schemaOnly = CliRun.of("report", "validate", "--schema-only", twins.toString());
    assertThat(schemaOnly.exitCode()).as(schemaOnly.out()).isZero();
    assertThat(schemaOnly.out()).contains("valid against the JSON Schema");
    assertThat(CliRun.of("report", "validate", twins.toString()).exitCode()).isEqualTo(1);
    Path zz = Files.writeString(dir.resolve("zz.json"),
        sample.replaceFirst("\"country\": \"NL\"", "\"country\": \"ZZ\""));
    CliRun bad = CliRun.of("report", "validate", "--schema-only", "--format", "jsonl",
        zz.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    JsonNode n = JsonMapper.builder().build().readTree(bad.out());
    assertThat(n.get("validAgainstSchema").asBoolean()).isFalse();
    assertThat(n.get("problems").get(0).asString()).contains("country");
  }

  /**
   * NCMEC's own documents: the report to stdout, and the file documents once NCMEC's ids are
   * known; each validated here against the project's copy of NCMEC's XSD.
   */
  @Test
  void ncmecDocumentsValidateAgainstNcmecsSchema(@TempDir Path dir) throws Exception {
    javax.xml.validation.Schema ncmec = javax.xml.validation.SchemaFactory
        .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(Path.of("../testdata/ncmec/cyber_tipline.xsd").toFile());
    CliRun run = CliRun.of("report", "ncmec", "--report", "BE-2026-000123", "--reporter-email",
        "analyst@hotline.example", "--lea-agency", "Federal Police", SAMPLE.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    ncmec.newValidator().validate(new javax.xml.transform.stream.StreamSource(
        new java.io.StringReader(run.out())));
    assertThat(run.out()).contains("<agencyName>Federal Police</agencyName>");

    CliRun files = CliRun.of("report", "ncmec", "--report", "BE-2026-000123", "--reporter-email",
        "analyst@hotline.example", "--lea-agency", "Federal Police", "--out-dir", dir.toString(),
        "--ncmec-report-id", "987654", "--file-id", "1=file-a", "--file-id", "2=file-b",
        SAMPLE.toString());
    assertThat(files.exitCode()).as(files.err()).isZero();
    for (String item : new String[] {"1", "2"}) {
      Path f = dir.resolve("BE-2026-000123-file-" + item + ".xml");
      ncmec.newValidator().validate(new javax.xml.transform.stream.StreamSource(f.toFile()));
      assertThat(Files.readString(f)).contains("<reportId>987654</reportId>");
    }

    CliRun noAgency = CliRun.of("report", "ncmec", "--report", "BE-2026-000123",
        "--reporter-email", "analyst@hotline.example", SAMPLE.toString());
    assertThat(noAgency.exitCode()).isEqualTo(2);
    assertThat(noAgency.err()).contains("was reported to law enforcement")
        .contains("give --lea-agency");
    CliRun badItem = CliRun.of("report", "ncmec", "--report", "BE-2026-000123",
        "--reporter-email", "analyst@hotline.example", "--lea-agency", "Federal Police",
        "--out-dir", dir.toString(), "--ncmec-report-id", "1", "--file-id", "3=x",
        SAMPLE.toString());
    assertThat(badItem.exitCode()).isEqualTo(2);
    assertThat(badItem.err()).contains("no reported file with item id '3'");
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
    // Illegal items by site, the URLs' registrable domains (public suffix + 1): img.example.org,
    // cdn.example.be, media.example.com, example.com, files.example.net.
    JsonNode sites = n.get("byRegistrableDomain");
    assertThat(sites.size()).isEqualTo(4);
    assertThat(sites.get("example.com").asInt()).isEqualTo(2);
    assertThat(sites.get("example.org").asInt()).isEqualTo(1);
    assertThat(sites.get("example.be").asInt()).isEqualTo(1);
    assertThat(sites.get("example.net").asInt()).isEqualTo(1);
    CliRun text = CliRun.of("report", "stats", SAMPLE.toString());
    assertThat(text.out()).contains("content items      7").contains("definitions:");
  }

  /**
   * Removal in the sample, by hand (Brussels): five illegal items; removed Tue 16:15 after a
   * report on Mon 10:15 (30 h), Wed 10:00 after the same report (47.75 h), Sun 15:00 after a
   * report on Fri 14:00 (49 h); one unavailable, one still online. Within 1 day: none; within 3
   * days: 3 of 5. Working days (BE): Tuesday is the first after Monday, Sunday comes before the
   * first after Friday (Monday), Wednesday is the second after Monday: 2 of 5 within 1, 3 of 5
   * within 3.
   */
  @Test
  void removalSharesAreOfAllIllegalItemsAndWorkingDaysByTheBelgianCalendar() {
    CliRun run = CliRun.of("report", "stats", "--format", "json", "--working-days", "BE",
        SAMPLE.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode removal = JsonMapper.builder().build().readTree(run.out()).get("timeToRemoval");
    assertThat(removal.get("of").asInt()).isEqualTo(5);
    assertThat(removal.get("within1Days").asDouble()).isEqualTo(0.0);
    assertThat(removal.get("within3Days").asDouble()).isEqualTo(0.6);
    assertThat(removal.get("within1WorkingDays").asDouble()).isEqualTo(0.4);
    assertThat(removal.get("within3WorkingDays").asDouble()).isEqualTo(0.6);
    // Per year: the three sample reports are of October 2026; five illegal items hosted in five
    // countries (NL, BE, US, SC, DE); no 2025 to compare with.
    JsonNode year = JsonMapper.builder().build().readTree(CliRun.of("report", "stats", "--format",
        "json", "--by", "year", SAMPLE.toString()).out()).get("periods");
    assertThat(year).hasSize(1);
    assertThat(year.get(0).get("period").asString()).isEqualTo("2026");
    assertThat(year.get(0).get("reports").asInt()).isEqualTo(3);
    assertThat(year.get(0).get("reportsWithIllegal").asInt()).isEqualTo(3);
    assertThat(year.get(0).get("illegal").asInt()).isEqualTo(5);
    assertThat(year.get(0).get("hostingCountries").asInt()).isEqualTo(5);
    assertThat(year.get(0).has("illegalYearOnYear")).isFalse();
    assertThat(CliRun.of("report", "stats", "--by", "week", SAMPLE.toString()).exitCode())
        .isEqualTo(2);
    CliRun none = CliRun.of("report", "stats", "--working-days", "XX", SAMPLE.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no bundled calendar for 'XX'");
  }
}
