package org.hotlinekit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives in a seizure: walked as streams, nested, named {@code a.zip!/x.jpg}; every refusal (a
 * zip bomb, too deep, truncated, encrypted) is a clear item and the rest of the seizure goes on.
 */
class ArchiveScanTest {
  private static byte[] png(long seed, int w, int h) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ImageIO.write(ScanTest.blocks(seed, w, h), "png", b);
    return b.toByteArray();
  }

  private static byte[] jpeg(long seed, int w, int h) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ImageIO.write(ScanTest.blocks(seed, w, h), "jpeg", b);
    return b.toByteArray();
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  static byte[] tar(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(b)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry te = new TarArchiveEntry(e.getKey());
        te.setSize(e.getValue().length);
        t.putArchiveEntry(te);
        t.write(e.getValue());
        t.closeArchiveEntry();
      }
    }
    return b.toByteArray();
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GzipCompressorOutputStream(b)) {
      o.write(data);
    }
    return b.toByteArray();
  }

  private static HashList listOf(byte[] image) {
    HashValue pdq = HashValue.of(PdqHasher.create().hashImage(image).hash());
    return new HashList("partner.jsonl", "partner.jsonl", List.of(
        HashListEntry.builder("e-1", pdq).label("A1").build()));
  }

  private static Map<String, ScanItem> byName(ScanResult r) {
    Map<String, ScanItem> m = new LinkedHashMap<>();
    r.items().forEach(it -> m.put(it.name(), it));
    return m;
  }

  @Test
  void nestedZipInTarGzIsWalkedAndCopiesOfAListedImageAreKnownAtTheirPaths(@TempDir Path dir)
      throws IOException {
    byte[] listed = png(1, 256, 256);
    byte[] other = png(2, 200, 200);
    Path seized = Files.createDirectories(dir.resolve("seized"));
    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("deep/copy.jpg", jpeg(1, 256, 256));
    inner.put("deep/other.png", other);
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("photos/listed.png", listed);
    outer.put("photos/inner.zip", zip(inner));
    outer.put("notes.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(seized.resolve("case.tar.gz"), gzip(tar(outer)));
    Files.write(seized.resolve("plain.png"), png(3, 128, 128));
    Files.write(seized.resolve("single.png.gz"), gzip(listed));

    ScanResult r = Scan.builder().list(listOf(listed), "tc-ics").build()
        .run(List.of(seized));
    Map<String, ScanItem> items = byName(r);
    assertThat(items.keySet()).containsExactly(
        "seized/case.tar.gz",
        "seized/case.tar.gz!/photos/listed.png",
        "seized/case.tar.gz!/photos/inner.zip",
        "seized/case.tar.gz!/photos/inner.zip!/deep/copy.jpg",
        "seized/case.tar.gz!/photos/inner.zip!/deep/other.png",
        "seized/case.tar.gz!/notes.txt",
        "seized/plain.png",
        "seized/single.png.gz",
        "seized/single.png.gz!/single.png");
    assertThat(items.get("seized/case.tar.gz").archive()).isTrue();
    assertThat(items.get("seized/case.tar.gz").status()).isEqualTo(Triage.Status.NEW);
    assertThat(items.get("seized/case.tar.gz!/photos/inner.zip").archive()).isTrue();
    for (String known : List.of("seized/case.tar.gz!/photos/listed.png",
        "seized/case.tar.gz!/photos/inner.zip!/deep/copy.jpg",
        "seized/single.png.gz!/single.png")) {
      ScanItem it = items.get(known);
      assertThat(it.status()).as(known).isEqualTo(Triage.Status.KNOWN);
      assertThat(it.labels()).extracting(l -> l.label()).containsExactly("A1");
      assertThat(it.path()).endsWith(known.substring("seized/".length()));
    }
    assertThat(items.get("seized/case.tar.gz!/photos/inner.zip!/deep/other.png").status())
        .isEqualTo(Triage.Status.NEW);
    assertThat(items.get("seized/case.tar.gz!/notes.txt").status())
        .isEqualTo(Triage.Status.UNVERIFIED);
    // The same bytes at two places: decided once, the later one names the first.
    assertThat(items.get("seized/single.png.gz!/single.png").sameAs())
        .contains("seized/case.tar.gz!/photos/listed.png");
    // The report names entries by their in-archive paths and passes the strict reader.
    var doc = r.report().orElseThrow();
    org.hotlinekit.iccam.json.ReportJson.strict().read(
        org.hotlinekit.iccam.json.ReportJson.strict().write(doc), "r.json");
    assertThat(doc.reports().get(0).items()).extracting(i -> i.url()).contains(
        "urn:hotlinekit:file:seized/case.tar.gz%21/photos/inner.zip%21/deep/copy.jpg");
  }

  @Test
  void aZipBombStopsAtItsLimitAndTheRestGoesOn(@TempDir Path dir) throws IOException {
    Path seized = Files.createDirectories(dir.resolve("seized"));
    // 256 MiB of zeros deflate to about 250 KB: over 200 times its size.
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] mb = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        z.write(mb);
      }
      z.closeEntry();
      z.putNextEntry(new ZipEntry("after.png"));
      z.write(png(5, 64, 64));
      z.closeEntry();
    }
    byte[] bomb = b.toByteArray();
    Files.write(seized.resolve("a-bomb.zip"), bomb);
    Files.write(seized.resolve("b-nested.zip"), zip(Map.of("bomb.zip", bomb)));
    Files.write(seized.resolve("c.png"), png(6, 100, 100));

    ScanResult r = Scan.builder().list(listOf(png(7, 64, 64))).build().run(List.of(seized));
    Map<String, ScanItem> items = byName(r);
    ScanItem top = items.get("seized/a-bomb.zip");
    assertThat(top.status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(top.outcome().reason().orElseThrow()).contains("limit maxRatio", "zip bomb");
    ScanItem zeros = items.get("seized/a-bomb.zip!/zeros.bin");
    assertThat(zeros.status()).isEqualTo(Triage.Status.FAILED);
    assertThat(zeros.outcome().reason().orElseThrow()).contains("limit maxRatio");
    assertThat(items).doesNotContainKey("seized/a-bomb.zip!/after.png");
    // Nested: the inner bomb is stopped, its own digests cannot be complete, and the outer
    // archive is not fully checked either.
    assertThat(items.get("seized/b-nested.zip!/bomb.zip").status())
        .isEqualTo(Triage.Status.FAILED);
    assertThat(items.get("seized/b-nested.zip").status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(items.get("seized/b-nested.zip").outcome().reason().orElseThrow())
        .contains("limit maxRatio");
    assertThat(items.get("seized/c.png").status()).isEqualTo(Triage.Status.NEW);
  }

  @Test
  void archivesNestedTooDeepAreHashedButNotOpened(@TempDir Path dir) throws IOException {
    Path seized = Files.createDirectories(dir.resolve("seized"));
    byte[] level = zip(Map.of("x.png", png(8, 64, 64)));
    for (int i = 0; i < 6; i++) {
      level = zip(Map.of("level" + i + ".zip", level));
    }
    Files.write(seized.resolve("deep.zip"), level);
    ScanResult r = Scan.builder().list(listOf(png(9, 64, 64)))
        .archives(new ArchiveLimits(3, 1000, 1L << 30, 200)).build().run(List.of(seized));
    List<String> names = r.items().stream().map(ScanItem::name).toList();
    assertThat(names).containsExactly("seized/deep.zip", "seized/deep.zip!/level5.zip",
        "seized/deep.zip!/level5.zip!/level4.zip",
        "seized/deep.zip!/level5.zip!/level4.zip!/level3.zip");
    ScanItem last = r.items().get(3);
    assertThat(last.archive()).isTrue();
    assertThat(last.status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(last.outcome().reason().orElseThrow()).contains("nested more than 3 deep");
    assertThat(last.outcome().hashes().orElseThrow().digests().asMap()).hasSize(3);
    // The walked levels themselves were read completely: new, with their digests.
    assertThat(r.items().get(0).status()).isEqualTo(Triage.Status.NEW);
    // With archives off, the file is hashed and not opened.
    ScanResult off = Scan.builder().list(listOf(png(9, 64, 64))).archives(ArchiveLimits.none())
        .build().run(List.of(seized));
    assertThat(off.items()).singleElement().satisfies(it -> {
      assertThat(it.archive()).isFalse();
      assertThat(it.status()).isEqualTo(Triage.Status.UNVERIFIED);
    });
  }

  @Test
  void aTruncatedArchiveKeepsWhatWasReadAndSaysWhere(@TempDir Path dir) throws IOException {
    Path seized = Files.createDirectories(dir.resolve("seized"));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("1.png", png(10, 64, 64));
    entries.put("2.png", png(11, 300, 300));
    entries.put("3.png", png(12, 64, 64));
    byte[] whole = zip(entries);
    int cut = whole.length / 2;
    Files.write(seized.resolve("cut.zip"), Arrays.copyOf(whole, cut));
    Files.write(seized.resolve("cut.tar.gz"), Arrays.copyOf(gzip(tar(entries)), cut));
    Files.write(seized.resolve("z.png"), png(13, 64, 64));
    ScanResult r = Scan.builder().list(listOf(png(9, 64, 64))).build().run(List.of(seized));
    Map<String, ScanItem> items = byName(r);
    for (String a : List.of("seized/cut.zip", "seized/cut.tar.gz")) {
      assertThat(items.get(a).status()).as(a).isEqualTo(Triage.Status.UNVERIFIED);
      assertThat(items.get(a).outcome().reason().orElseThrow()).as(a)
          .startsWith("not walked to its end: truncated or corrupt");
      assertThat(items.get(a + "!/1.png").status()).isEqualTo(Triage.Status.NEW);
    }
    assertThat(items.get("seized/z.png").status()).isEqualTo(Triage.Status.NEW);
  }

  @Test
  void anEncryptedEntryIsReportedNotSkipped(@TempDir Path dir) throws IOException {
    Path seized = Files.createDirectories(dir.resolve("seized"));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("secret.png", png(14, 64, 64));
    entries.put("open.png", png(15, 64, 64));
    // Stored with sizes in the local headers, as a zip tool writing to a file does.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zo = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        ze.setMethod(ZipEntry.STORED);
        ze.setSize(e.getValue().length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(e.getValue());
        ze.setCrc(crc.getValue());
        zo.putNextEntry(ze);
        zo.write(e.getValue());
        zo.closeEntry();
      }
    }
    byte[] z = out.toByteArray();
    // Mark the first entry as encrypted (general purpose bit 0), in its local header and in the
    // central directory, as an encrypting zip tool writes it.
    z[6] |= 1;
    for (int i = 0; i + 4 < z.length; i++) {
      if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2) {
        z[i + 8] |= 1;
        break;
      }
    }
    Files.write(seized.resolve("locked.zip"), z);
    ScanResult r = Scan.builder().list(listOf(png(9, 64, 64))).build().run(List.of(seized));
    Map<String, ScanItem> items = byName(r);
    ScanItem secret = items.get("seized/locked.zip!/secret.png");
    assertThat(secret.status()).isEqualTo(Triage.Status.FAILED);
    assertThat(secret.outcome().reason().orElseThrow()).contains("encrypted");
    assertThat(items.get("seized/locked.zip!/open.png").status()).isEqualTo(Triage.Status.NEW);

    // Deflated with its sizes after the data, the stream cannot find the next entry: the walk
    // stops there and says so.
    byte[] d = zip(entries);
    d[6] |= 1;
    Files.write(seized.resolve("locked.zip"), d);
    Map<String, ScanItem> again = byName(Scan.builder().list(listOf(png(9, 64, 64))).build()
        .run(List.of(seized)));
    assertThat(again.get("seized/locked.zip!/secret.png").outcome().reason().orElseThrow())
        .contains("encrypted");
    assertThat(again.get("seized/locked.zip").status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(again.get("seized/locked.zip").outcome().reason().orElseThrow())
        .contains("cannot read past entry secret.png", "were not checked");
  }

  @Test
  void bzip2AndXzStreamsAreOpened(@TempDir Path dir) throws IOException {
    Path seized = Files.createDirectories(dir.resolve("seized"));
    byte[] listed = png(16, 128, 128);
    Map<String, byte[]> entries = Map.of("in/x.png", listed);
    ByteArrayOutputStream bz = new ByteArrayOutputStream();
    try (OutputStream o = new BZip2CompressorOutputStream(bz)) {
      o.write(tar(entries));
    }
    ByteArrayOutputStream xz = new ByteArrayOutputStream();
    try (OutputStream o = new XZCompressorOutputStream(xz)) {
      o.write(listed);
    }
    Files.write(seized.resolve("a.tar.bz2"), bz.toByteArray());
    Files.write(seized.resolve("b.png.xz"), xz.toByteArray());
    ScanResult r = Scan.builder().list(listOf(listed)).build().run(List.of(seized));
    assertThat(byName(r)).containsKeys("seized/a.tar.bz2!/in/x.png", "seized/b.png.xz!/b.png");
    assertThat(byName(r).get("seized/a.tar.bz2!/in/x.png").status())
        .isEqualTo(Triage.Status.KNOWN);
    assertThat(byName(r).get("seized/b.png.xz!/b.png").status()).isEqualTo(Triage.Status.KNOWN);
  }

  /** Entry names are untrusted: one no path can hold (a NUL) is kept in the name, not fatal. */
  @Test
  void anEntryNameNoPathCanHoldIsReportedNotFatal(@TempDir Path dir) throws IOException {
    Path seized = Files.createDirectories(dir.resolve("seized"));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("bad\u0000name.png", png(17, 64, 64));
    entries.put("fine.png", png(18, 64, 64));
    // A zip's names are counted bytes, so a NUL survives (a tar's would end the name).
    Files.write(seized.resolve("odd.zip"), zip(entries));
    ScanResult r = Scan.builder().list(listOf(png(9, 64, 64))).build().run(List.of(seized));
    assertThat(r.items()).extracting(ScanItem::status).doesNotContain(Triage.Status.FAILED);
    assertThat(r.items()).extracting(ScanItem::name).contains(
        "seized/odd.zip!/bad\u0000name.png", "seized/odd.zip!/fine.png");
    assertThat(r.items()).hasSize(3);
    assertThat(Flow.pathOf("a\u0000b").toString()).isEqualTo("a?b");
  }
}
