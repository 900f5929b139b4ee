package org.hotlinekit.iccam.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The exchange format: round trip, determinism, the published schema, and strictness. */
class ReportJsonTest {
  private static final ReportJson JSON = ReportJson.strict();

  @Test
  void theRichSampleReadsAndRoundTrips() {
    ReportDocument doc = JSON.read(Samples.reports()).document();
    assertThat(doc.reports()).hasSize(3);
    Report r = doc.reports().get(0);
    assertThat(r.items()).hasSize(4);
    assertThat(r.items().get(1).actions()).extracting(a -> a.type()).containsExactly(
        ActionType.REPORTED_TO_LEA, ActionType.REPORTED_TO_ISP, ActionType.REMOVED);
    assertThat(r.items().get(0).assessments().get(0).facts()).isPresent();
    assertThat(r.items().get(0).assessments().get(0).labels()).hasSize(2);

    byte[] written = JSON.write(doc);
    ReportDocument back = JSON.read(written, "written").document();
    assertThat(back).isEqualTo(doc);
    assertThat(JSON.write(back)).isEqualTo(written);
    assertThat(JSON.write(doc)).isEqualTo(written);
  }

  @Test
  void theSampleAndWhatIsWrittenValidateAgainstThePublishedSchema() throws Exception {
    Schema schema = Samples.schema();
    JsonMapper mapper = JsonMapper.builder().build();
    byte[] sample = Samples.reportBytes();
    List<Error> errors = schema.validate(mapper.readTree(sample));
    assertThat(errors).isEmpty();
    byte[] written = JSON.write(JSON.read(sample, "sample").document());
    assertThat(schema.validate(mapper.readTree(written))).isEmpty();
    // The schema is not vacuous: it refuses what the reader refuses.
    String bad = new String(sample, StandardCharsets.UTF_8)
        .replaceFirst("\"mediaType\": \"image\"", "\"mediaType\": \"hologram\"");
    assertThat(schema.validate(mapper.readTree(bad))).isNotEmpty();
    assertThatThrownBy(() -> read(bad)).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("\"mediaType\" must be one of");    // A hash-match basis names its signal type from the one vocabulary, and a distance >= 0.
    for (String wrong : List.of("\"signal\": \"md6\"", "\"distance\": -1")) {
      String badBasis = new String(sample, StandardCharsets.UTF_8).replaceFirst(
          wrong.startsWith("\"signal") ? "\"signal\": \"md5\"" : "\"distance\": 0", wrong);
      assertThat(schema.validate(mapper.readTree(badBasis))).as(wrong).isNotEmpty();
      assertThatThrownBy(() -> read(badBasis)).as(wrong)
          .isInstanceOf(ReportFormatException.class);
    }
  }

  /** Labels a hash match carried over sit on the item, each naming its list entry. */
  @Test
  void matchLabelsRoundTripAndSchemaAndReaderAgreeOnTheirRules() throws Exception {
    Schema schema = Samples.schema();
    java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
    org.hotlinekit.categorisation.assertion.LabelAssertion label =
        org.hotlinekit.categorisation.assertion.LabelAssertion.hashMatch(
            new org.hotlinekit.categorisation.scheme.SchemeRef("tc-ics", "2022"), "B1",
            "partner.xml", "entry-9", org.hotlinekit.core.hash.HashType.PDQ, 12, at);
    org.hotlinekit.iccam.model.ContentItem item = new org.hotlinekit.iccam.model.ContentItem(
        "item-1", "https://img.example.org/a.jpg", org.hotlinekit.iccam.model.MediaType.IMAGE,
        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(true),
        List.of(), List.of(label), List.of(), List.of(), java.util.Optional.empty());
    Report report = new Report("BE-1", "BE-example", at, java.time.ZoneId.of("Europe/Brussels"),
        "https://img.example.org/", java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty(), List.of(), java.util.Optional.empty(), List.of(item));
    ReportDocument doc = new ReportDocument(List.of(report));
    byte[] written = JSON.write(doc);
    assertThat(JSON.read(written, "w").document()).isEqualTo(doc);
    JsonMapper mapper = JsonMapper.builder().build();
    String text = new String(written, StandardCharsets.UTF_8);
    assertThat(text).contains("\"matchLabels\"", "\"entry-9\"");
    assertThat(schema.validate(mapper.readTree(text))).isEmpty();

    // Both refuse a match label on an item not known, and one with another basis.
    String notKnown = text.replace("\"known\" : true", "\"known\" : false");
    String manual = text.replaceFirst("\"type\" : \"hash_match\",[^}]*}",
        "\"type\" : \"manual\"}");
    for (String bad : List.of(notKnown, manual, text.replace("\"known\" : true,", ""))) {
      assertThat(bad).isNotEqualTo(text);
      assertThat(schema.validate(mapper.readTree(bad))).as(bad).isNotEmpty();
      assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(ReportFormatException.class);
    }
  }

  @Test
  void strictReadingNamesTheLocation() {
    String doc = "{\n  \"format\": \"hotlinekit-reports\",\n  \"version\": 1,\n  \"crit\": [],\n"
        + "  \"reports\": [\n    {\"reference\": \"R1\", \"reference\": \"R2\"}\n  ]\n}\n";
    assertThatThrownBy(() -> read(doc)).isInstanceOf(ReportFormatException.class)
        .hasMessage("test.json:6:25: duplicate member 'reference'");

    String clean = doc.replace(", \"reference\": \"R2\"", "");
    String crit = clean.replace("\"crit\": []", "\"crit\": [\"signed-urls\"]");
    assertThatThrownBy(() -> read(crit)).isInstanceOf(UnsupportedInputException.class)
        .hasMessage("test.json:4:12: critical extension 'signed-urls' is not understood by"
            + " this reader");

    String v2 = clean.replace("\"version\": 1", "\"version\": 2");
    assertThatThrownBy(() -> read(v2)).isInstanceOf(UnsupportedInputException.class)
        .hasMessage("test.json:3:14: report format version 2 is not supported (this reader"
            + " reads version 1)");

    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    String wrongType = sample.replaceFirst("\"cdn\": false", "\"cdn\": \"no\"");
    assertThatThrownBy(() -> read(wrongType)).isInstanceOf(ReportFormatException.class)
        .hasMessageMatching("test\\.json:\\d+:\\d+: \"cdn\" must be true or false");

    ReportJson small = ReportJson.builder().maxStringLength(20).build();
    assertThatThrownBy(() -> small.read(sample.getBytes(StandardCharsets.UTF_8), "test.json"))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageMatching("test\\.json:\\d+:\\d+: a string of \\d+ characters is over the"
            + " limit of 20");
    assertThatThrownBy(() -> ReportJson.builder().maxBytes(100).build()
        .read(sample.getBytes(StandardCharsets.UTF_8), "test.json"))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("split the export");
  }

  @Test
  void everyProblemIsCollected() {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    String bad = sample.replaceFirst("\"siteType\": \"image_host\"", "\"siteType\": \"darknet\"")
        .replaceFirst("\"gender\": \"both\"", "\"gender\": \"unknown\"")
        .replaceFirst("\"memo\": \"Invented", "\"colour\": \"red\", \"memo\": \"Invented");
    ReportFormatException e = (ReportFormatException) org.assertj.core.api.Assertions.catchThrowable(
        () -> read(bad));
    assertThat(e.problems()).extracting(Problem::reason).containsExactlyInAnyOrder(
        "unknown member \"colour\"",
        "unknown siteType 'darknet' (one of: not_determined, website, file_host, image_store,"
            + " image_board, forum, banner_site, link_site, social_networking, redirector,"
            + " web_archive, search_provider, image_host, blog, not_applicable)",
        "\"gender\" must be one of: not_determined, female, male, both");
    // With the option, the unknown member is skipped and listed.
    String unknownOnly = sample.replaceFirst("\"memo\": \"Invented",
        "\"colour\": \"red\", \"memo\": \"Invented");
    ReportJson.Result r = ReportJson.builder().ignoreUnknownFields().build()
        .read(unknownOnly.getBytes(StandardCharsets.UTF_8), "test.json");
    assertThat(r.ignored()).singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("unknown member \"colour\""));
  }

  /** A hosting IP is an IP address (issue 16): what a receiving hotline could act on. */
  @Test
  void aHostingIpThatIsNoAddressIsRefused() {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    String bad = sample.replaceFirst("\"ip\": \"[^\"]*\"",
        "\"ip\": \"999.1.2.3 definitely not an ip\"");
    assertThat(bad).isNotEqualTo(sample);
    assertThatThrownBy(() -> read(bad)).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("ip must be an IPv4 or IPv6 address");
  }

  @Test
  void invalidWorkflowSequencesAreRefusedAtTheAction() {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    // Removal before anything was done about the item.
    String bad = sample.replaceFirst("\"type\": \"reported_to_lea\"", "\"type\": \"removed\"");
    assertThatThrownBy(() -> read(bad)).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("item 2: removed at 2026-10-05T09:45:00Z is not possible in state"
            + " assessed");
  }

  @Test
  void otherInputIsRefusedClearly() {
    assertThatThrownBy(() -> read("\uFEFF{}")).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("byte order mark");
    assertThatThrownBy(() -> read("{\"format\": \"something-else\"}"))
        .isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("not a hotlinekit report document");
    assertThatThrownBy(() -> read("{\"format\": \"hotlinekit-reports\", \"version\": 1,"
        + " \"reports\": []} []")).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("unexpected content after the JSON document");
    assertThatThrownBy(() -> JSON.read(new byte[] {'{', (byte) 0xff, '}'}, "test.json"))
        .isInstanceOf(ReportFormatException.class).hasMessage("test.json:1:1: not UTF-8 text");
    // Nothing to report is a sender's mistake, not a document (issue 23).
    assertThatThrownBy(() -> read("{\"format\": \"hotlinekit-reports\", \"version\": 1,"
        + " \"reports\": []}")).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("\"reports\" is empty");
  }

  /**
   * The schema's IP pattern and the reader agree (issue 16, 23): edge cases and seeded random
   * IPv4 (octets 0..299, some with leading zeros) and IPv6 forms (full, compressed, with an IPv4
   * tail, with a zone).
   */
  @Test
  void theSchemasIpPatternAgreesWithTheReader() throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode schema;
    try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
      schema = mapper.readTree(in);
    }
    java.util.regex.Pattern ip = java.util.regex.Pattern.compile(
        schema.get("$defs").get("hosting").get("properties").get("ip").get("pattern").asString());
    List<String> candidates = new ArrayList<>(List.of("192.0.2.10", "999.1.2.3", "010.0.0.1",
        "0.0.0.0", "255.255.255.255", "256.0.0.1", "1.2.3", "1.2.3.4.5", "::", "::1",
        "::ffff:192.0.2.1", "2001:db8::1", "2001:DB8::1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9",
        "fe80::1%eth0", "2001:db8::1:192.0.2.1", ":::", "1::2::3", "[::1]", " 192.0.2.10"));
    java.util.Random r = new java.util.Random(7);
    for (int k = 0; k < 400; k++) {
      StringBuilder b = new StringBuilder();
      for (int o = 0; o < 4; o++) {
        int v = r.nextInt(300);
        b.append(o > 0 ? "." : "").append(r.nextInt(10) == 0 ? "0" + v : String.valueOf(v));
      }
      candidates.add(b.toString());
      byte[] six = new byte[16];
      r.nextBytes(six);
      for (int z = 0; z < 16; z++) {
        if (r.nextInt(3) == 0) {
          six[z] = 0;
        }
      }
      String a = java.net.InetAddress.getByAddress(six).getHostAddress();
      candidates.add(a);
      candidates.add(com.google.common.net.InetAddresses.toAddrString(
          java.net.InetAddress.getByAddress(six)));
    }
    for (String c : candidates) {
      boolean reader;
      try {
        new org.hotlinekit.iccam.model.Hosting(java.time.Instant.EPOCH, java.util.Optional.of(c),
            java.util.Optional.empty(), java.util.Optional.empty(),
            java.util.OptionalLong.empty(), false);
        reader = true;
      } catch (IllegalArgumentException e) {
        reader = false;
      }
      assertThat(ip.matcher(c).matches()).as(c).isEqualTo(reader);
    }
  }

  /**
   * What a receiving hotline cannot act on is refused (issue 23): an item or source URL that is
   * no URL, or a script; a report without items.
   */
  @Test
  void unactionableReportsAreRefused() throws Exception {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    Schema schema = Samples.schema();
    JsonMapper mapper = JsonMapper.builder().build();
    // The reader and the published schema agree on each of these (issue 23).
    for (String[] change : new String[][] {
        {"\"url\": \"https://img.example.org/a/IMG_0001.jpg\"", "\"url\": \"not a url\""},
        {"\"url\": \"https://img.example.org/a/IMG_0001.jpg\"",
            "\"url\": \"javascript:alert(1)\""},
        {"\"country\": \"NL\"", "\"country\": \"ZZ\""},
        {"\"country\": \"NL\"", "\"country\": \"UK\""},
        {"\"ip\": \"192.0.2.10\"", "\"ip\": \"999.1.2.3\""},
        {"\"ip\": \"192.0.2.10\"", "\"ip\": \"192.0.2.10 definitely not an ip\""}}) {
      assertThat(sample).contains(change[0]);
      String bad = sample.replaceFirst(java.util.regex.Pattern.quote(change[0]), change[1]);
      assertThatThrownBy(() -> read(bad)).as(change[1]).isInstanceOf(ReportFormatException.class);
      assertThat(schema.validate(mapper.readTree(bad))).as(change[1]).isNotEmpty();
    }
    String none = "{\"format\": \"hotlinekit-reports\", \"version\": 1, \"crit\": [],"
        + " \"reports\": []}";
    assertThat(schema.validate(mapper.readTree(none))).isNotEmpty();
    String url = "\"url\": \"https://img.example.org/a/IMG_0001.jpg\"";
    assertThat(sample).contains(url);
    for (String bad : new String[] {"not a url", "javascript:alert(1)", "data:text/plain,x",
        "/relative/path.jpg", "https://-bad-.example/x"}) {
      assertThatThrownBy(() -> read(sample.replace(url, "\"url\": \"" + bad + "\"")))
          .as(bad).isInstanceOf(ReportFormatException.class).hasMessageContaining("url");
    }
    String source = "\"sourceUrl\": \"https://example.org/gallery/123\"";
    assertThat(sample).contains(source);
    assertThatThrownBy(() -> read(sample.replace(source, "\"sourceUrl\": \"javascript:void(0)\"")))
        .isInstanceOf(ReportFormatException.class).hasMessageContaining("sourceUrl");
    assertThat(read(sample.replace(url, "\"url\": \"ftp://files.example.org/a.jpg\""))
        .document().reports()).hasSize(3);
  }

  /**
   * The ASCII fast path looks at eight bytes at a time: a non-ASCII byte at any offset (all
   * eight lanes, and the tail after the last whole word) must send the document to the strict
   * UTF-8 check, which refuses a bad byte and lets a good sequence through.
   */
  @Test
  void nonAsciiBytesAreNoticedAtEveryOffset() {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    int memo = sample.indexOf("\"memo\": \"Invented") + "\"memo\": \"".length();
    for (int pad = 0; pad < 20; pad++) {
      byte[] head = (sample.substring(0, memo) + "a".repeat(pad))
          .getBytes(StandardCharsets.UTF_8);
      byte[] rest = sample.substring(memo).getBytes(StandardCharsets.UTF_8);
      for (byte[] insert : List.of(new byte[] {(byte) 0xff}, "\u00e9".getBytes(
          StandardCharsets.UTF_8))) {
        byte[] doc = new byte[head.length + insert.length + rest.length];
        System.arraycopy(head, 0, doc, 0, head.length);
        System.arraycopy(insert, 0, doc, head.length, insert.length);
        System.arraycopy(rest, 0, doc, head.length + insert.length, rest.length);
        if (insert.length == 1) {
          assertThatThrownBy(() -> JSON.read(doc, "test.json")).as("0xff at %d", head.length)
              .isInstanceOf(ReportFormatException.class)
              .hasMessage("test.json:1:1: not UTF-8 text");
        } else {
          assertThat(JSON.read(doc, "test.json").document().toString()).as("é at %d",
              head.length).contains("a".repeat(pad) + "éInvented");
        }
      }
    }
  }

  /** An item's actions that are not an array: one clear problem (it was a NullPointerException). */
  @Test
  void actionsThatAreNotAnArrayAreAProblem() {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    int at = sample.indexOf("\"actions\": [");
    assertThat(at).isPositive();
    // The first action list holds objects without arrays: its first ']' closes it.
    String text = sample.substring(0, at) + "\"actions\": \"NL\"" + sample.substring(
        sample.indexOf(']', at) + 1);
    assertThatThrownBy(() -> read(text)).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("\"actions\" must be an array");
  }

  private static ReportJson.Result read(String text) {
    return JSON.read(text.getBytes(StandardCharsets.UTF_8), "test.json");
  }

  /** A file of more than 2 MiB (read in slices of 1 MiB) reads as its bytes do. */
  @Test
  void aLargeFileReadsAsItsBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      org.hotlinekit.iccam.model.ContentItem item = new org.hotlinekit.iccam.model.ContentItem(
          "item-" + i, "https://img.example.org/" + i + ".jpg",
          org.hotlinekit.iccam.model.MediaType.IMAGE, java.util.Optional.empty(),
          java.util.Optional.empty(), java.util.Optional.empty(), List.of(), List.of(),
          List.of(), List.of(), java.util.Optional.empty());
      reports.add(new Report("BE-" + i, "BE-example", at, java.time.ZoneId.of("Europe/Brussels"),
          "https://img.example.org/", java.util.Optional.empty(), java.util.Optional.empty(),
          java.util.Optional.empty(), List.of(), java.util.Optional.empty(), List.of(item)));
    }
    byte[] written = JSON.write(new ReportDocument(reports));
    assertThat(written.length).isGreaterThan(2 << 20);
    java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("big.json"), written);
    assertThat(JSON.read(file).document()).isEqualTo(JSON.read(written, "w").document());
  }
}
