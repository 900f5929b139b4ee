package org.hotlinekit.examples.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.examples.Coreutils;
import org.hotlinekit.examples.TestPki;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.packet.OpenedPacket;
import org.hotlinekit.iccam.stats.KpiReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every recipe runs, and what it prints is checked against an independent computation. */
class RecipesTest {
  private static final Path SAMPLES = Path.of("samples");
  private static final Path REPORTS = Path.of("reports/sample-reports.json");

  @TempDir static Path pkiDir;
  private static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  private static List<String> lines(Consumer<PrintStream> recipe) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      recipe.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void hashAFileGivesWhatCoreutilsAndThePdqHasherGive() throws Exception {
    Path tiles = SAMPLES.resolve("tiles.png");
    List<String> out = lines(o -> HashAFile.run(o, tiles));
    assertThat(out).containsExactly(
        "md5 " + coreutils("md5sum", tiles),
        "sha1 " + coreutils("sha1sum", tiles),
        "sha256 " + coreutils("sha256sum", tiles),
        "pdq " + PdqHasher.create().hashImage(tiles).hash() + " quality "
            + PdqHasher.create().hashImage(tiles).quality());
    Path text = Path.of("pom.xml");
    assertThat(lines(o -> HashAFile.run(o, text))).contains("md5 " + coreutils("md5sum", text))
        .endsWith("pdq does not apply: not an image");
  }

  /** A list holding tiles.png's PDQ (label B1) and stripes.gif's MD5, in hotlinekit JSON lines. */
  private static Path list(Path dir) {
    Path list = dir.resolve("list.jsonl");
    HashValue tiles = HashValue.of(PdqHasher.create().hashImage(SAMPLES.resolve("tiles.png"))
        .hash());
    HashValue stripes = HashValue.of(Digester.of(DigestAlgorithm.MD5)
        .digest(SAMPLES.resolve("stripes.gif")).get(DigestAlgorithm.MD5).orElseThrow());
    Instant added = Instant.parse("2026-01-01T00:00:00Z");
    HashListFormat.jsonLines().write(List.of(
        HashListEntry.builder("tiles", tiles).label("B1").added(added).build(),
        HashListEntry.builder("stripes", stripes).added(added).build()), list);
    return list;
  }

  @Test
  void matchAgainstAList(@TempDir Path dir) {
    Path list = list(dir);
    List<String> known = lines(o -> MatchAgainstAList.run(o, list, SAMPLES.resolve("tiles.jpg")));
    assertThat(known.get(0)).isEqualTo("list: 2 entries, 0 rejected");
    assertThat(known.get(1)).startsWith("match: my-list entry tiles (pdq, distance ")
        .endsWith(" label B1");
    List<String> exact = lines(o -> MatchAgainstAList.run(o, list,
        SAMPLES.resolve("stripes.gif")));
    assertThat(exact).contains("match: my-list entry stripes (md5, distance 0)");
    assertThat(lines(o -> MatchAgainstAList.run(o, list, SAMPLES.resolve("rings.png"))))
        .endsWith("no match");
  }

  @Test
  void triageAFolder(@TempDir Path dir) {
    Path list = list(dir);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<Triage.Status, Integer> totals;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      totals = TriageAFolder.run(out, list, SAMPLES);
    }
    // The same split as the CLI's triage test: the two tiles copies, the mirror and the GIF are
    // known; the gradient (PDQ quality 28) and the 4x4 image (quality 0) have PDQ hashes too weak
    // to match, so they are unverified, not new; so is the truncated JPEG (PDQ not computed).
    assertThat(totals).containsEntry(Triage.Status.KNOWN, 4).containsEntry(Triage.Status.NEW, 2)
        .containsEntry(Triage.Status.UNVERIFIED, 3).doesNotContainKey(Triage.Status.FAILED);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("known\t" + SAMPLES.resolve("tiles-mirrored.png"))
        .contains("new\t" + SAMPLES.resolve("rings.png"))
        .contains("unverified\t" + SAMPLES.resolve("gray-gradient.png") + "\tPDQ quality 28");
  }

  @Test
  void scanAFolder(@TempDir Path dir) throws IOException {
    Path list = list(dir);
    Path out = dir.resolve("out");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ScanAFolder.run(o, list, SAMPLES, out);
    }
    // The list holds tiles.png's PDQ (B1) and stripes.gif's MD5 (unlabelled); as triageAFolder.
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("known\tsamples/tiles-mirrored.png\t[tc-ics B1]")
        .contains("known\tsamples/stripes.gif\t[]")
        .contains("4 known, 2 new, 3 unverified, 0 failed");
    ReportJson.strict().read(out.resolve("report.json"));
    assertThat(out.resolve("summary.html")).isRegularFile();
    assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(9);
  }

  @Test
  void deriveLabels() throws IOException {
    List<String> out = lines(o -> DeriveLabels.run(o, Path.of("facts/baseline.json"), "BE"));
    // One line per built-in scheme; the baseline facts are illegal everywhere (ICCAM baseline).
    assertThat(out).hasSize(org.hotlinekit.categorisation.scheme.Schemes.builtIn().size());
    assertThat(out).contains("iccam-classification: baseline");
  }

  @Test
  void sealThenOpenAReport(@TempDir Path dir) throws Exception {
    Path packet = dir.resolve("case.p7m");
    List<String> sealed = lines(o -> SealAReport.run(o, SAMPLES.resolve("tiles.png"),
        pki.path("signer.key"), pki.path("signer.pem"), pki.path("recipient.pem"), packet));
    assertThat(sealed).singleElement().asString().startsWith("sealed 1 report with 1 item into ");
    // The packet opens with OpenSSL too (decrypt and verify: the recipient's view).
    Process p = new ProcessBuilder("openssl", "cms", "-decrypt", "-inform", "DER", "-in",
        packet.toString(), "-recip", pki.path("recipient.pem").toString(), "-inkey",
        pki.path("recipient.key").toString()).redirectErrorStream(false).start();
    byte[] signed = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(signed).isNotEmpty();

    String md5 = coreutils("md5sum", SAMPLES.resolve("tiles.png"));
    OpenedPacket[] opened = new OpenedPacket[1];
    List<String> out = lines(o -> opened[0] = OpenAPacket.run(o, packet,
        pki.path("recipient.key"), pki.path("recipient.pem"), pki.path("ca.pem")));
    assertThat(out.get(0)).startsWith("verified: signed by CN=Example Hotline Signer at ");
    assertThat(out).contains("BE-2026-000001 item-1 md5 " + md5);
    assertThat(opened[0].document().reports()).singleElement()
        .extracting(Report::reference).isEqualTo("BE-2026-000001");
  }

  @Test
  void computeKpis() {
    List<Report> reports = ReportJson.strict().read(REPORTS).document().reports();
    int items = reports.stream().mapToInt(r -> r.items().size()).sum();
    KpiReport[] k = new KpiReport[1];
    List<String> out = lines(o -> k[0] = ComputeKpis.run(o, REPORTS));
    assertThat(out).startsWith("reports " + reports.size(), "content items " + items);
    assertThat(k[0].contentItems()).isEqualTo(items);
  }

  private static String coreutils(String tool, Path file) {
    return Coreutils.digest(tool, file);
  }
}
