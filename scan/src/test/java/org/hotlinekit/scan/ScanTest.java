package org.hotlinekit.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hotlinekit.categorisation.assertion.Basis;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.OutputWriteException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaFiles;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flow, checked against a simple model: the statuses and matches are exactly those of {@link
 * Triage} run on its own over the same files; the labels are those of the matched entries; the
 * report, results and summary say the same.
 */
class ScanTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Random blocks from a seed: a synthetic image with a strong PDQ hash. */
  static BufferedImage blocks(long seed, int w, int h) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int cell = 16;
    for (int by = 0; by < h; by += cell) {
      for (int bx = 0; bx < w; bx += cell) {
        int rgb = r.nextInt(0x1000000);
        for (int y = by; y < Math.min(h, by + cell); y++) {
          for (int x = bx; x < Math.min(w, bx + cell); x++) {
            img.setRGB(x, y, rgb);
          }
        }
      }
    }
    return img;
  }

  /**
   * A capture folder: three distinct images, a JPEG copy of the first, a truncated PNG, a text
   * file and a sub-folder with one more image.
   */
  static Path capture(Path dir) throws IOException {
    Path c = Files.createDirectories(dir.resolve("capture"));
    ImageIO.write(blocks(1, 256, 256), "png", c.resolve("a.png").toFile());
    ImageIO.write(blocks(1, 256, 256), "jpeg", c.resolve("a-copy.jpg").toFile());
    ImageIO.write(blocks(2, 200, 300), "png", c.resolve("b.png").toFile());
    ImageIO.write(blocks(3, 320, 240), "png", c.resolve("c.png").toFile());
    byte[] whole = Files.readAllBytes(c.resolve("b.png"));
    Files.write(c.resolve("truncated.png"), java.util.Arrays.copyOf(whole, whole.length / 3));
    Files.writeString(c.resolve("notes.txt"), "not an image\n");
    Files.createDirectories(c.resolve("sub dir"));
    ImageIO.write(blocks(4, 128, 128), "png", c.resolve("sub dir/d.png").toFile());
    return c;
  }

  /** A list: a.png's PDQ labelled B1, notes.txt's MD5 labelled A2, an unlabelled entry. */
  static HashList list(Path capture) {
    HashValue aPdq = HashValue.of(PdqHasher.create().hashImage(capture.resolve("a.png")).hash());
    HashValue notesMd5 = HashValue.of(Digester.of(DigestAlgorithm.MD5)
        .digest(capture.resolve("notes.txt")).get(DigestAlgorithm.MD5).orElseThrow());
    HashValue cPdq = HashValue.of(PdqHasher.create().hashImage(capture.resolve("c.png")).hash());
    return new HashList("partner.jsonl", "partner.jsonl", List.of(
        HashListEntry.builder("e-a", aPdq).label("B1").build(),
        HashListEntry.builder("e-notes", notesMd5).label("A2").build(),
        HashListEntry.builder("e-c", cPdq).build()));
  }

  private static Scan.Builder scan(HashList list) {
    return Scan.builder().list(list, "tc-ics").clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .timeZone(ZoneOffset.UTC).threads(2);
  }

  @Test
  void statusesAndMatchesAreThoseOfTriageOnItsOwn(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    HashList list = list(capture);
    ScanResult r = scan(list).build().run(List.of(capture));

    Triage model = Triage.builder().list(list).build();
    List<MediaFiles.Entry> files = MediaFiles.walk(List.of(capture));
    assertThat(r.items()).hasSize(files.size()).hasSize(7);
    assertThat(r.complete()).isTrue();
    for (int i = 0; i < files.size(); i++) {
      Triage.Outcome expected = model.triage(files.get(i));
      ScanItem got = r.items().get(i);
      assertThat(got.path()).isEqualTo(files.get(i).path().toString());
      assertThat(got.status()).as(got.name()).isEqualTo(expected.status());
      assertThat(got.outcome().matches()).as(got.name()).isEqualTo(expected.matches());
      assertThat(got.outcome().reason()).isEqualTo(expected.reason());
    }
    Map<String, Triage.Status> byName = new HashMap<>();
    r.items().forEach(it -> byName.put(it.name(), it.status()));
    assertThat(byName).containsEntry("capture/a.png", Triage.Status.KNOWN)
        .containsEntry("capture/a-copy.jpg", Triage.Status.KNOWN)
        .containsEntry("capture/c.png", Triage.Status.KNOWN)
        .containsEntry("capture/notes.txt", Triage.Status.KNOWN)
        .containsEntry("capture/b.png", Triage.Status.NEW)
        .containsEntry("capture/sub dir/d.png", Triage.Status.NEW)
        .containsEntry("capture/truncated.png", Triage.Status.UNVERIFIED);
    assertThat(r.count(Triage.Status.KNOWN)).isEqualTo(4);
    assertThat(r.count(Triage.Status.NEW)).isEqualTo(2);
    assertThat(r.count(Triage.Status.UNVERIFIED)).isEqualTo(1);
    assertThat(r.count(Triage.Status.FAILED)).isZero();
  }

  @Test
  void knownItemsCarryTheirEntriesLabelsAndTheReportIsWhatAStrictReaderAccepts(
      @TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    ScanResult r = scan(list(capture)).reportingHotline("BE-example")
        .sourceUrl("https://img.example.org/gallery/").build().run(List.of(capture));
    ScanItem a = item(r, "capture/a-copy.jpg");
    assertThat(a.labels()).singleElement().satisfies(l -> {
      assertThat(l.scheme().id()).isEqualTo("tc-ics");
      assertThat(l.label()).isEqualTo("B1");
      Basis.HashMatch b = (Basis.HashMatch) l.basis();
      assertThat(b.list()).isEqualTo("partner.jsonl");
      assertThat(b.entry()).isEqualTo("e-a");
      assertThat(b.signal()).contains(HashType.PDQ);
      assertThat(b.distance().getAsInt()).isBetween(1, 31);
      assertThat(l.at()).isEqualTo(NOW);
    });
    assertThat(item(r, "capture/notes.txt").labels()).singleElement()
        .satisfies(l -> assertThat(l.label()).isEqualTo("A2"));
    assertThat(item(r, "capture/c.png").labels()).isEmpty(); // its entry has no label
    assertThat(item(r, "capture/b.png").labels()).isEmpty();

    ReportDocument doc = r.report().orElseThrow();
    byte[] bytes = ReportJson.strict().write(doc);
    ReportDocument back = ReportJson.strict().read(bytes, "report.json").document();
    assertThat(back).isEqualTo(doc);
    assertThat(doc.reports()).singleElement().satisfies(rep -> {
      assertThat(rep.reportingHotline()).isEqualTo("BE-example");
      assertThat(rep.reference()).isEqualTo("scan-20261201T100000Z");
      assertThat(rep.sourceUrl()).isEqualTo("https://img.example.org/gallery/");
      assertThat(rep.items()).hasSize(7);
      for (ContentItem ci : rep.items()) {
        ScanItem it = r.items().stream().filter(x -> x.reportItem().orElseThrow()
            .equals(ci.id())).findFirst().orElseThrow();
        assertThat(ci.known()).isEqualTo(switch (it.status()) {
          case KNOWN -> java.util.Optional.of(true);
          case NEW -> java.util.Optional.of(false);
          default -> java.util.Optional.empty();
        });
        assertThat(ci.matchLabels()).isEqualTo(it.labels());
        assertThat(ci.assessments()).isEmpty();
        assertThat(ci.fingerprints()).extracting(f -> f.type()).startsWith(HashType.MD5,
            HashType.SHA1, HashType.SHA256);
      }
      ContentItem d = rep.items().stream().filter(ci -> ci.url().endsWith("d.png")).findFirst()
          .orElseThrow();
      assertThat(d.url()).isEqualTo("https://img.example.org/gallery/sub%20dir/d.png");
      assertThat(d.mediaType()).isEqualTo(MediaType.IMAGE);
      ContentItem t = rep.items().stream().filter(ci -> ci.url().endsWith("truncated.png"))
          .findFirst().orElseThrow();
      assertThat(t.memo().orElseThrow()).startsWith("unverified: PDQ not computed");
    });
  }

  @Test
  void withoutASourceUrlItemsAreNamedAsLocalFiles(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    ReportDocument doc = scan(list(capture)).build().run(List.of(capture)).report()
        .orElseThrow();
    assertThat(doc.reports().get(0).sourceUrl()).isEqualTo("urn:hotlinekit:scan:"
        + "scan-20261201T100000Z");
    assertThat(doc.reports().get(0).reportingHotline()).isEqualTo(Scan.LOCAL_HOTLINE);
    assertThat(doc.reports().get(0).items()).extracting(ContentItem::url)
        .contains("urn:hotlinekit:file:capture/sub%20dir/d.png");
  }

  @Test
  void labelsOutsideTheSchemeAreRefusedAndUndeclaredOnesAreNotAsserted(@TempDir Path dir)
      throws IOException {
    Path capture = capture(dir);
    HashList list = list(capture);
    assertThatThrownBy(() -> Scan.builder().list(list, "uk-sentencing"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("entry e-a has the label 'B1', which is not a uk-sentencing label");
    assertThatThrownBy(() -> Scan.builder().list(list, "tc-icz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown label scheme 'tc-icz'");

    ScanResult r = Scan.builder().list(list).threads(1).build().run(List.of(capture));
    assertThat(r.lists()).singleElement().satisfies(l -> {
      assertThat(l.labelScheme()).isEmpty();
      assertThat(l.labelled()).isEqualTo(2);
    });
    assertThat(item(r, "capture/a.png").labels()).isEmpty();
    assertThat(item(r, "capture/a.png").outcome().matches().get(0).entry().label())
        .contains("B1");
  }

  @Test
  void jurisdictionDependentLabelsNeedTheJurisdiction(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    HashValue bMd5 = HashValue.of(Digester.of(DigestAlgorithm.MD5)
        .digest(capture.resolve("b.png")).get(DigestAlgorithm.MD5).orElseThrow());
    HashList own = new HashList("own.jsonl", "own.jsonl", List.of(
        HashListEntry.builder("case-9", bMd5).label("national").build()));
    assertThatThrownBy(() -> Scan.builder().list(own, "iccam-classification").build())
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("jurisdiction");
    ScanResult r = Scan.builder().list(own, "iccam-classification").jurisdiction("BE").build()
        .run(List.of(capture));
    assertThat(item(r, "capture/b.png").labels()).singleElement()
        .satisfies(l -> assertThat(l.jurisdiction()).contains("BE"));
  }

  @Test
  void writesResultsReportAndSummaryThatAgree(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    ScanResult r = scan(list(capture)).build().run(List.of(capture));
    Path out = dir.resolve("out");
    r.writeTo(out);
    try (var s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "results.jsonl", "report.json", "summary.html");
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(out.resolve("results.jsonl"))) {
      lines.add(JSON.readTree(l));
    }
    assertThat(lines).hasSize(r.items().size());
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode n : lines) {
      counts.merge(n.get("status").asString(), 1, Integer::sum);
    }
    JsonNode a = lines.stream().filter(n -> n.get("name").asString().equals("capture/a.png"))
        .findFirst().orElseThrow();
    assertThat(a.get("status").asString()).isEqualTo("known");
    assertThat(a.get("matches").get(0).get("entry").asString()).isEqualTo("e-a");
    assertThat(a.get("labels").get(0).get("label").asString()).isEqualTo("B1");
    assertThat(a.get("md5").asString()).hasSize(32);
    assertThat(a.get("pdq").asString()).hasSize(64);
    assertThat(a.get("item").asString()).startsWith("item-");

    ReportJson.strict().read(out.resolve("report.json"));
    String html = Files.readString(out.resolve("summary.html"), StandardCharsets.UTF_8);
    assertThat(SummaryNumbers.counts(html)).isEqualTo(Map.of(
        "known", counts.getOrDefault("known", 0), "new", counts.getOrDefault("new", 0),
        "unverified", counts.getOrDefault("unverified", 0),
        "failed", counts.getOrDefault("failed", 0), "total", lines.size()));
    assertThat(SummaryNumbers.attribute(html, "data-label", "tc-ics B1")).isEqualTo(2);
    assertThat(SummaryNumbers.attribute(html, "data-label", "tc-ics A2")).isEqualTo(1);
    assertThat(SummaryNumbers.attribute(html, "data-list-files", "partner.jsonl")).isEqualTo(4);
    assertThat(html).doesNotContain("<img", "<script", "http://", "https://")
        .contains("default-src 'none'");

    // Results are never written over others.
    assertThatThrownBy(() -> r.writeTo(out)).isInstanceOf(OutputWriteException.class)
        .hasMessageContaining("not an empty folder");
  }

  @Test
  void namesInTheSummaryAreEscaped(@TempDir Path dir) throws IOException {
    Path c = Files.createDirectories(dir.resolve("c"));
    Files.writeString(c.resolve("<b>x&y.txt"), "text");
    HashValue md5 = HashValue.of(Digester.of(DigestAlgorithm.MD5).digest(c.resolve("<b>x&y.txt"))
        .get(DigestAlgorithm.MD5).orElseThrow());
    HashList l = new HashList("<i>list", "l", List.of(HashListEntry.builder("<e>", md5).build()));
    Scan.builder().list(l).build().run(List.of(c)).writeTo(dir.resolve("out"));
    String html = Files.readString(dir.resolve("out/summary.html"));
    assertThat(html).contains("&lt;b&gt;x&amp;y.txt", "&lt;i&gt;list", "&lt;e&gt;")
        .doesNotContain("<b>x", "<i>list", "<e>");
  }

  @Test
  void aCancelledScanIsNotWritten(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    int[] seen = {0};
    ScanResult r = scan(list(capture)).threads(1).progress((done, total) -> seen[0] = done)
        .cancelWhen(() -> seen[0] >= 2).build().run(List.of(capture));
    assertThat(r.complete()).isFalse();
    assertThat(r.items().size()).isLessThan(r.total());
    assertThatThrownBy(() -> r.writeTo(dir.resolve("out"))).isInstanceOf(
        IllegalStateException.class).hasMessageContaining("cancelled");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anEmptyFolderIsAnError(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Scan s = scan(list(capture(dir))).build();
    assertThatThrownBy(() -> s.run(List.of(empty))).isInstanceOf(InputReadException.class)
        .hasMessageContaining("no files to scan");
    assertThatThrownBy(() -> Scan.builder().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEmptyListIsRefusedUnlessAllowed(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    HashList empty = new HashList("empty.jsonl", "empty.jsonl", List.of());
    assertThatThrownBy(() -> Scan.builder().list(empty).build())
        .isInstanceOf(MalformedInputException.class);
    ScanResult r = Scan.builder().list(empty).allowEmptyLists().build().run(List.of(capture));
    assertThat(r.count(Triage.Status.KNOWN)).isZero();
  }

  @Test
  void aListFileIsReadWithItsFormatAndNcmecLabelsAreTcIcs(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    Path ncmec = dir.resolve("ncmec.xml");
    HashListFormat.ncmecHashSharingXml().write(list(capture).entries(), ncmec);
    ScanResult r = Scan.builder().list(ncmec).build().run(List.of(capture));
    assertThat(r.lists()).singleElement().satisfies(l -> assertThat(l.labelScheme())
        .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("tc-ics")));
    assertThat(item(r, "capture/a.png").labels()).extracting(l -> l.label()).containsExactly(
        "B1");
  }

  @Test
  void anIndexFileScansAsItsList(@TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    HashList list = list(capture);
    Path index = dir.resolve("partner.hlx");
    org.hotlinekit.hashing.match.IndexedList.of(list).writeTo(index);
    ScanResult fromIndex = Scan.builder().index(index, "tc-ics").build().run(List.of(capture));
    ScanResult fromList = Scan.builder().list(list, "tc-ics").build().run(List.of(capture));
    assertThat(fromIndex.items()).extracting(ScanItem::status)
        .isEqualTo(fromList.items().stream().map(ScanItem::status).toList());
    assertThat(item(fromIndex, "capture/a.png").labels()).extracting(l -> l.label())
        .containsExactly("B1");
    assertThatThrownBy(() -> Scan.builder().index(index, "sap"))
        .isInstanceOf(MalformedInputException.class);
  }

  /** Scanning a file names it by itself; two roots keep their own names. */
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void rootsAreNamedByThemselves(int threads, @TempDir Path dir) throws IOException {
    Path capture = capture(dir);
    ScanResult r = scan(list(capture)).threads(threads).build().run(List.of(
        capture.resolve("b.png"), capture.resolve("sub dir")));
    assertThat(r.items()).extracting(ScanItem::name).containsExactly("b.png", "sub dir/d.png");
  }

  private static ScanItem item(ScanResult r, String name) {
    return r.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  /** Reads the numbers a summary page marks with data attributes. */
  static final class SummaryNumbers {
    private SummaryNumbers() {}

    static Map<String, Integer> counts(String html) {
      Map<String, Integer> m = new HashMap<>();
      Matcher x = Pattern.compile("data-count=\"([a-z]+)\">(\\d+)<").matcher(html);
      while (x.find()) {
        m.put(x.group(1), Integer.parseInt(x.group(2)));
      }
      return m;
    }

    static int attribute(String html, String attr, String value) {
      Matcher x = Pattern.compile(attr + "=\"" + Pattern.quote(value) + "\">(\\d+)<")
          .matcher(html);
      assertThat(x.find()).as(attr + "=" + value).isTrue();
      return Integer.parseInt(x.group(1));
    }
  }
}
