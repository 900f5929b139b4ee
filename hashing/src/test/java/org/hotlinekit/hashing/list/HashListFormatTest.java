package org.hotlinekit.hashing.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/** Each list format: good and bad lines, line numbers, strict mode, and write-then-read. */
class HashListFormatTest {
  private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  private static final String PDQ =
      "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";
  private static final String SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void plainHexKeepsGoodLinesAndReportsBadOnes() throws IOException {
    String text = String.join("\n",
        "# an MD5 list",
        MD5,
        "",
        MD5.toUpperCase(),
        MD5.substring(1),
        MD5 + "00",
        "  " + MD5 + "  ",
        MD5.replace('d', 'x'));
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = read(HashListFormat.plainHex(HashType.MD5), text, got);
    assertThat(got).hasSize(3).allMatch(e -> e.hash().toString().equals(MD5));
    assertThat(r.lines()).isEqualTo(8);
    assertThat(r.entries()).isEqualTo(3);
    assertThat(r.rejected()).isEqualTo(3);
    assertThat(r.problems()).extracting(ReadReport.Problem::line).containsExactly(5L, 6L, 8L);
    assertThat(r.problems().get(0).toString())
        .isEqualTo("test.txt:5: md5 hash must be 32 hex digits, got 31 characters");
    assertThat(r.problems().get(2).toString()).contains("not a hex digit at position 1");
  }

  @Test
  void strictModeFailsAtTheFirstBadLine() {
    String text = MD5 + "\n" + "nope\n" + MD5 + "\n";
    List<HashListEntry> got = new ArrayList<>();
    assertThatThrownBy(() -> read(HashListFormat.plainHex(HashType.MD5), text, got, true))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("test.txt:2: ");
    assertThat(got).hasSize(1);
  }

  @Test
  void threatExchangeLines() throws IOException {
    String text = String.join("\n",
        "pdq " + PDQ,
        "video_md5 " + MD5,
        "video_sha256 " + SHA256,
        "pdq  " + PDQ,
        "photo_md5 " + MD5,
        "pdq " + MD5,
        "pdq");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = read(HashListFormat.threatExchange(), text, got);
    // An unknown signal type is carried (kept and written back), not dropped.
    assertThat(got).extracting(e -> e.hash().type()).containsExactly(HashType.PDQ, HashType.MD5,
        HashType.SHA256, HashType.carried("photo_md5"));
    assertThat(r.carried()).isEqualTo(1);
    assertThat(r.problems()).extracting(ReadReport.Problem::line).containsExactly(4L, 6L, 7L);
  }

  @Test
  void pythonThreatExchangeCsv() throws IOException {
    String text = String.join("\n",
        "signal_type,signal_str,collab,category,tags",
        "pdq," + PDQ + ",Example Collab,POSITIVE_CLASS,tag1 tag2",
        "video_md5," + MD5 + ",\"Collab, with comma\",DISPUTED,",
        "pdq," + PDQ + ",x,y",
        "pdq," + PDQ.substring(2) + ",x,y,z",
        "text_tlsh,abc,x,y,z",
        "pdq,\"" + PDQ + ",x,y,z");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = read(HashListFormat.pythonThreatExchangeCsv(), text, got);
    assertThat(got).hasSize(3);
    assertThat(got.get(2).hash().type()).isEqualTo(HashType.carried("text_tlsh"));
    assertThat(got.get(0).source()).contains("Example Collab");
    assertThat(got.get(0).label()).contains("POSITIVE_CLASS");
    assertThat(got.get(0).tags()).containsExactly("tag1", "tag2");
    assertThat(got.get(1).source()).contains("Collab, with comma");
    assertThat(got.get(1).tags()).isEmpty();
    assertThat(r.problems()).extracting(ReadReport.Problem::line)
        .containsExactly(4L, 5L, 7L);
    assertThat(r.problems().get(0).reason()).isEqualTo("expected 5 comma-separated fields, got 4");
    assertThat(r.problems().get(2).reason()).isEqualTo("unterminated quoted field");
  }

  @Test
  void jsonLines() throws IOException {
    String text = String.join("\n",
        "{\"id\":\"a\",\"type\":\"pdq\",\"hash\":\"" + PDQ + "\",\"quality\":90,\"label\":\"A1\","
            + "\"tags\":[\"x\",\"y\"],\"added\":\"2026-11-01T10:00:00Z\",\"source\":\"hotline-be\"}",
        "{\"id\":\"b\",\"type\":\"md5\",\"hash\":\"" + MD5 + "\"}",
        "{\"id\":\"c\",\"type\":\"md5\",\"hash\":\"" + MD5 + "\",\"id\":\"d\"}",
        "{\"id\":\"e\",\"type\":\"md5\",\"hash\":\"" + MD5 + "\",\"colour\":\"red\"}",
        "{\"id\":\"f\",\"type\":\"md5\"}",
        "{\"id\":\"g\",\"type\":\"crc32\",\"hash\":\"00\"}",
        "{\"id\":\"h\",\"type\":\"md5\",\"hash\":\"" + MD5 + "\",\"quality\":50}",
        "{\"id\":\"i\",\"type\":\"pdq\",\"hash\":\"" + PDQ + "\",\"added\":\"yesterday\"}",
        "[1,2]",
        "{\"id\":7,\"type\":\"md5\",\"hash\":\"" + MD5 + "\"}",
        "{not json");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = read(HashListFormat.jsonLines(), text, got);
    assertThat(got).extracting(HashListEntry::id).containsExactly("a", "b");
    HashListEntry a = got.get(0);
    assertThat(a.quality()).hasValue(90);
    assertThat(a.label()).contains("A1");
    assertThat(a.tags()).containsExactly("x", "y");
    assertThat(a.added()).contains(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(a.source()).contains("hotline-be");
    assertThat(a.hash().asPdq()).contains(PdqHash.parse(PDQ));
    assertThat(r.problems()).extracting(ReadReport.Problem::line)
        .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(r.problems().get(0).reason()).contains("Duplicate");
    assertThat(r.problems().get(1).reason()).isEqualTo("unknown field 'colour'");
    assertThat(r.problems().get(2).reason()).isEqualTo("missing field 'hash'");
    assertThat(r.problems().get(4).reason()).contains("PDQ only");
  }

  /** write then read gives the same entries, for every format, on seeded random lists. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void writeThenReadIsIdentity(long seed, @TempDir Path dir) throws IOException {
    Random r = new Random(seed);
    List<HashListEntry> md5s = new ArrayList<>();
    List<HashListEntry> mixed = new ArrayList<>();
    List<HashListEntry> pytx = new ArrayList<>();
    List<HashListEntry> rich = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      HashValue md5 = random(HashType.MD5, r);
      HashValue pdq = random(HashType.PDQ, r);
      md5s.add(HashListEntry.builder(md5.toString(), md5).build());
      mixed.add(HashListEntry.builder(pdq.toString(), pdq).build());
      HashListEntry.Builder p = HashListEntry.builder(pdq.toString(), pdq);
      if (r.nextBoolean()) {
        p.source("collab \"" + r.nextInt(3) + "\", inc");
      }
      if (r.nextBoolean()) {
        p.label("POSITIVE_CLASS");
      }
      if (r.nextBoolean()) {
        p.tags(List.of("a" + r.nextInt(9), "b"));
      }
      pytx.add(p.build());
      HashType type = HashType.builtIn().get(r.nextInt(HashType.builtIn().size()));
      HashListEntry.Builder b = HashListEntry.builder("entry-" + i, random(type, r));
      if (type == HashType.PDQ && r.nextBoolean()) {
        b.quality(r.nextInt(101));
      }
      if (r.nextBoolean()) {
        b.label(new String[] {"A1", "A2", "B1", "B2", "A"}[r.nextInt(5)]);
      }
      if (r.nextBoolean()) {
        b.tags(List.of("t" + r.nextInt(5), "ü\"\\"));
      }
      if (r.nextBoolean()) {
        b.added(Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000)));
      }
      if (r.nextBoolean()) {
        b.source("source " + r.nextInt(3));
      }
      rich.add(b.build());
    }
    assertRoundTrip(HashListFormat.plainHex(HashType.MD5), md5s, dir.resolve("a.txt"));
    assertRoundTrip(HashListFormat.threatExchange(), mixed, dir.resolve("b.te"));
    assertRoundTrip(HashListFormat.jsonLines(), rich, dir.resolve("c.jsonl"));
    assertRoundTrip(HashListFormat.pythonThreatExchangeCsv(), pytx, dir.resolve("d.csv"));
  }

  private static void assertRoundTrip(HashListFormat f, List<HashListEntry> entries, Path file) {
    f.write(entries, file);
    List<HashListEntry> back = new ArrayList<>();
    ReadReport r = f.read(file, true, back::add);
    assertThat(back).isEqualTo(entries);
    assertThat(r.rejected()).isZero();
  }

  @Test
  void writersRefuseWhatTheirFormatCannotSay() {
    HashListEntry sha1 = HashListEntry.builder("x", random(HashType.SHA1, new Random(1))).build();
    assertThatThrownBy(() -> HashListFormat.plainHex(HashType.MD5).write(List.of(sha1),
        new StringWriter())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashListFormat.threatExchange().write(List.of(sha1),
        new StringWriter())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void notUtf8IsMalformed(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("bad.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
    assertThatThrownBy(() -> HashListFormat.plainHex(HashType.MD5).read(file, false, e -> { }))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not UTF-8");
  }

  static HashValue random(HashType type, Random r) {
    if (type == HashType.VPDQ) {
      java.nio.ByteBuffer v = java.nio.ByteBuffer.allocate(HashType.VPDQ_FRAME_BYTES
          * (1 + r.nextInt(5)));
      for (int frame = r.nextInt(3); v.hasRemaining(); frame += 1 + r.nextInt(3)) {
        byte[] pdq = new byte[32];
        r.nextBytes(pdq);
        v.putInt(frame).put((byte) r.nextInt(101)).put(pdq).putDouble(frame / 29.97);
      }
      return HashValue.of(type, v.array());
    }
    byte[] b = new byte[type.byteLength()];
    r.nextBytes(b);
    return HashValue.of(type, b);
  }

  private static ReadReport read(HashListFormat f, String text, List<HashListEntry> sink)
      throws IOException {
    return read(f, text, sink, false);
  }

  private static ReadReport read(HashListFormat f, String text, List<HashListEntry> sink,
      boolean strict) throws IOException {
    return f.read(new BufferedReader(new StringReader(text)), "test.txt", strict, sink::add);
  }
}
