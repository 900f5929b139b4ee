package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hotlinekit.examples.SampleImages;
import org.hotlinekit.examples.TestPki;
import org.hotlinekit.iccam.json.ReportJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hotlinekit scan} on the bundled samples and sample list, as the README's first command
 * runs it: what each sample comes out as (known by construction of the list), the folder it
 * writes, the summary page as headless Chromium renders it, sealing, and what is refused.
 */
class ScanCommandTest {
  private static final Path SAMPLES = Path.of("samples");
  private static final Path LIST = Path.of("lists/sample-list.jsonl");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path pkiDir;
  private static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  private static CliRun scan(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("scan", SAMPLES.toString(), "--list",
        LIST.toString(), "--labels", "tc-ics", "--out", out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  static List<JsonNode> results(Path out) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(out.resolve("results.jsonl"))) {
      lines.add(JSON.readTree(l));
    }
    return lines;
  }

  @Test
  void theBundledSamplesComeOutAsTheSampleListSays(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("case");
    CliRun r = scan(out);
    // Three samples cannot be fully checked (two weak PDQ hashes, one truncated JPEG): exit 3.
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).contains("scanned 9 files", "4 known, 2 new, 3 unverified, 0 failed",
        "labels of known files: tc-ics A2 3, tc-ics B2 1", "wrote " + out);
    Map<String, String> status = new HashMap<>();
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode n : results(out)) {
      status.put(n.get("name").asString(), n.get("status").asString());
      byName.put(n.get("name").asString(), n);
    }
    // The list holds tiles.png's PDQ hash (A2) and rings.png's MD5 (B2).
    assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of(
        "samples/tiles.png", "known", "samples/tiles.jpg", "known",
        "samples/tiles-mirrored.png", "known", "samples/rings.png", "known",
        "samples/rings-small.bmp", "new", "samples/stripes.gif", "new",
        "samples/gray-gradient.png", "unverified", "samples/too-small-4x4.png", "unverified",
        "samples/" + SampleImages.TRUNCATED, "unverified"));
    assertThat(byName.get("samples/tiles-mirrored.png").get("labels").get(0).get("label")
        .asString()).isEqualTo("A2");
    assertThat(byName.get("samples/" + SampleImages.TRUNCATED).get("reason").asString())
        .contains("truncated JPEG");
    // Digests in the results are the files' own (coreutils as the oracle).
    assertThat(byName.get("samples/rings.png").get("md5").asString())
        .isEqualTo(org.hotlinekit.examples.Coreutils.digest("md5sum",
            SAMPLES.resolve("rings.png")));
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "results.jsonl", "report.json", "summary.html");
    }
    CliRun validate = CliRun.of("report", "validate", out.resolve("report.json").toString());
    assertThat(validate.exitCode()).as(validate.out()).isZero();
  }

  /** The page as a browser renders it shows the numbers of results.jsonl. */
  @Test
  void theSummaryRendersInHeadlessChromiumWithTheNumbersOfTheResults(@TempDir Path dir)
      throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    Assumptions.assumeTrue(Files.isExecutable(chromium),
        "Debian's chromium is not installed (.ci/run installs it)");
    Path out = dir.resolve("case");
    assertThat(scan(out).exitCode()).isEqualTo(3);
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")),
        "--dump-dom", out.resolve("summary.html").toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom;
    try (InputStream in = p.getInputStream()) {
      dom = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(dom).as("rendered DOM").contains("<h1>Scan ");

    List<JsonNode> lines = results(out);
    Map<String, Integer> expected = new HashMap<>();
    Map<String, Integer> labels = new HashMap<>();
    Map<String, Integer> exactOrBin = new HashMap<>();
    for (JsonNode n : lines) {
      expected.merge(n.get("status").asString(), 1, Integer::sum);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (JsonNode l : n.get("labels")) {
        if (seen.add(l.get("scheme").asString() + " " + l.get("label").asString())) {
          labels.merge(l.get("scheme").asString() + " " + l.get("label").asString(), 1,
              Integer::sum);
        }
      }
      int best = Integer.MAX_VALUE;
      boolean exact = false;
      for (JsonNode m : n.get("matches")) {
        if (!m.get("type").asString().equals("pdq")) {
          exact = true;
        }
        best = Math.min(best, m.get("distance").asInt());
      }
      if (exact) {
        exactOrBin.merge("exact", 1, Integer::sum);
      } else if (best != Integer.MAX_VALUE) {
        int lo = best / 4 * 4;
        exactOrBin.merge(lo + "-" + (lo + 3), 1, Integer::sum);
      }
    }
    expected.put("total", lines.size());
    for (String s : List.of("known", "new", "unverified", "failed")) {
      expected.putIfAbsent(s, 0);
    }
    assertThat(numbers(dom, "data-count")).isEqualTo(expected);
    assertThat(numbers(dom, "data-label")).isEqualTo(labels);
    Map<String, Integer> bins = numbers(dom, "data-distance");
    bins.values().removeIf(v -> v == 0);
    assertThat(bins).isEqualTo(exactOrBin);
    assertThat(numbers(dom, "data-list-files")).isEqualTo(Map.of("sample-list.jsonl",
        expected.get("known")));
  }

  /** Values of {@code <td ... ATTR="KEY">N</td>} in a page. */
  private static Map<String, Integer> numbers(String html, String attr) {
    Map<String, Integer> m = new HashMap<>();
    Matcher x = Pattern.compile(attr + "=\"([^\"]+)\">(\\d+)<").matcher(html);
    while (x.find()) {
      m.put(x.group(1), Integer.parseInt(x.group(2)));
    }
    return m;
  }

  @Test
  void sealsTheReportInTheSameRun(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("case");
    CliRun r = scan(out, "--seal-to", p("recipient.pem"), "--key", p("signer.key"), "--cert",
        p("signer.pem"), "--hotline", "BE-example", "--reference", "BE-2026-000901");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).contains("report.p7m");
    Path opened = dir.resolve("opened.json");
    CliRun open = CliRun.of("packet", "open", "--in", out.resolve("report.p7m").toString(),
        "--key", p("recipient.key"), "--cert", p("recipient.pem"), "--trust", p("ca.pem"),
        "--out", opened.toString(), "--no-replay-check");
    assertThat(open.exitCode()).as(open.err()).isZero();
    var sent = ReportJson.strict().read(out.resolve("report.json")).document().reports();
    var got = ReportJson.strict().read(opened).document().reports();
    assertThat(got).isEqualTo(sent);
    assertThat(got.get(0).reference()).isEqualTo("BE-2026-000901");
    assertThat(got.get(0).reportingHotline()).isEqualTo("BE-example");
  }

  @Test
  void whatCannotBeSealedOrScannedLeavesNothing(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("case");
    CliRun noHotline = scan(out, "--seal-to", p("recipient.pem"), "--key", p("signer.key"),
        "--cert", p("signer.pem"));
    assertThat(noHotline.exitCode()).isEqualTo(2);
    assertThat(noHotline.err()).contains("--seal-to needs --hotline");
    CliRun caRecipient = scan(out, "--seal-to", p("ca.pem"), "--key", p("signer.key"),
        "--cert", p("signer.pem"), "--hotline", "BE-example");
    assertThat(caRecipient.exitCode()).isEqualTo(14);
    assertThat(caRecipient.err()).contains("nothing scanned or written");
    assertThat(out).doesNotExist();
    CliRun keyWithoutSeal = scan(out, "--key", p("signer.key"));
    assertThat(keyWithoutSeal.exitCode()).isEqualTo(2);

    CliRun unknownScheme = CliRun.of("scan", SAMPLES.toString(), "--list", LIST.toString(),
        "--labels", "tc-icz", "--out", out.toString());
    assertThat(unknownScheme.exitCode()).isEqualTo(2);
    assertThat(unknownScheme.err()).contains("unknown label scheme 'tc-icz'");
    CliRun wrongList = CliRun.of("scan", SAMPLES.toString(), "--list", LIST.toString(),
        "--labels", "other.jsonl=tc-ics", "--out", out.toString());
    assertThat(wrongList.exitCode()).isEqualTo(2);
    assertThat(wrongList.err()).contains("no --list or --index is named other.jsonl");
    CliRun wrongScheme = CliRun.of("scan", SAMPLES.toString(), "--list", LIST.toString(),
        "--labels", "sample-list.jsonl=uk-sentencing", "--out", out.toString());
    assertThat(wrongScheme.exitCode()).isEqualTo(1);
    assertThat(wrongScheme.err()).contains("entry sample-1 has the label 'A2', which is not a"
        + " uk-sentencing label");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun nothing = CliRun.of("scan", empty.toString(), "--list", LIST.toString(), "--out",
        out.toString());
    assertThat(nothing.exitCode()).isEqualTo(1);
    assertThat(nothing.err()).contains("no files to scan");
    assertThat(out).doesNotExist();

    // An earlier scan's folder is never written over.
    assertThat(scan(out).exitCode()).isEqualTo(3);
    byte[] before = Files.readAllBytes(out.resolve("results.jsonl"));
    CliRun again = scan(out);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("exists and is not an empty folder");
    assertThat(Files.readAllBytes(out.resolve("results.jsonl"))).isEqualTo(before);
  }

  @Test
  void withoutALabelSchemeLabelsStayOutOfTheReport(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("case");
    CliRun r = CliRun.of("scan", SAMPLES.toString(), "--list", LIST.toString(), "--out",
        out.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    JsonNode summary = JSON.readTree(r.out());
    assertThat(summary.get("known").asInt()).isEqualTo(4);
    assertThat(summary.get("labels").isEmpty()).isTrue();
    assertThat(Files.readString(out.resolve("report.json"))).doesNotContain("matchLabels");
    assertThat(Files.readString(out.resolve("summary.html"))).contains("not given: its 3"
        + " labels are in results.jsonl only");
  }

  /**
   * A seized folder with an archive holding copies of a listed image: found as known at their
   * in-archive paths; new pictures grouped for review.
   */
  @Test
  void archivesAndGroupsInASeizure(@TempDir Path dir) throws IOException {
    Path seized = Files.createDirectories(dir.resolve("seized"));
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
      for (String s : List.of("tiles.png", "tiles.jpg", "stripes.gif")) {
        z.putNextEntry(new java.util.zip.ZipEntry("from-phone/" + s));
        z.write(Files.readAllBytes(SAMPLES.resolve(s)));
        z.closeEntry();
      }
    }
    Files.write(seized.resolve("phone.zip"), zip.toByteArray());
    Files.copy(SAMPLES.resolve("stripes.gif"), seized.resolve("stripes-again.gif"));
    Files.copy(SAMPLES.resolve("rings.png"), seized.resolve("rings.png"));
    Files.copy(SAMPLES.resolve("rings-small.bmp"), seized.resolve("rings-small.bmp"));
    Path out = dir.resolve("case");
    CliRun r = CliRun.of("scan", seized.toString(), "--list", LIST.toString(), "--labels",
        "tc-ics", "--group", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 archives opened", "1 exact copies",
        "new pictures in 2 groups");
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode n : results(out)) {
      byName.put(n.get("name").asString(), n);
    }
    assertThat(byName.get("seized/phone.zip").get("archive").asBoolean()).isTrue();
    for (String s : List.of("tiles.png", "tiles.jpg")) {
      JsonNode n = byName.get("seized/phone.zip!/from-phone/" + s);
      assertThat(n.get("status").asString()).isEqualTo("known");
      assertThat(n.get("path").asString()).isEqualTo(seized.resolve("phone.zip")
          + "!/from-phone/" + s);
      assertThat(n.get("labels").get(0).get("label").asString()).isEqualTo("A2");
    }
    // The GIF is in the zip and in the folder: the later one names the first.
    assertThat(byName.get("seized/stripes-again.gif").get("sameAs").asString())
        .isEqualTo("seized/phone.zip!/from-phone/stripes.gif");
    // rings.png is known by its MD5; rings-small.bmp and the GIFs are new, in two groups.
    String g = byName.get("seized/stripes-again.gif").get("group").asString();
    assertThat(byName.get("seized/phone.zip!/from-phone/stripes.gif").get("group").asString())
        .isEqualTo(g);
    assertThat(byName.get("seized/rings-small.bmp").get("group").asString()).isNotEqualTo(g);
    assertThat(g).isEqualTo("g-1"); // two files: reviewed first
    String html = Files.readString(out.resolve("summary.html"));
    assertThat(html).contains("data-groups>2<", "data-archives>1<", "data-copies>1<");
  }

  /** Ctrl-C half-way through a scan leaves no results folder and no temporary files. */
  @Test
  void anInterruptedScanLeavesNothing(@TempDir Path dir) throws Exception {
    Path many = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 300; i++) {
      BufferedImage img = SampleImages.tiles(512, 512, i);
      ImageIO.write(img, "png", many.resolve(String.format("img-%03d.png", i)).toFile());
    }
    Path work = Files.createDirectories(dir.resolve("work"));
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HotlinekitCli.class.getName(), "scan",
        many.toString(), "--list", LIST.toAbsolutePath().toString(), "--threads", "1",
        "--progress", "--out", work.resolve("case").toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (InputStream err = p.getErrorStream()) {
      // The bar is drawn after the first file: the scan is under way.
      int c = err.read();
      assertThat(c).as("progress on stderr").isNotEqualTo(-1);
      assertThat(p.isAlive()).as("still scanning").isTrue();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
      assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
      err.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("stopped by SIGINT").isEqualTo(130);
    try (Stream<Path> s = Files.list(work)) {
      assertThat(s).isEmpty();
    }
  }

  private static String p(String name) {
    return pki.path(name).toString();
  }
}
