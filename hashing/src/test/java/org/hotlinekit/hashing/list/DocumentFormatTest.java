package org.hotlinekit.hashing.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * The document formats (NCMEC XML, StopNCII JSON, STIX 2.1): a fixture per format with good and
 * bad records, line numbers of the bad ones, withdrawn records, broken documents, write-then-read.
 */
class DocumentFormatTest {
  private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
  private static final String PDQ =
      "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

  @Test
  void ncmecXml() throws IOException {
    String text = fixture("ncmec.xml");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = read(HashListFormat.ncmecHashSharingXml(), text, got, false);

    assertThat(got).extracting(HashListEntry::id)
        .containsExactly("image1", "image1", "image1", "image1", "image2", "video1");
    assertThat(got.subList(0, 4)).extracting(e -> e.hash().type())
        .containsExactly(HashType.MD5, HashType.SHA1, HashType.PDQ, HashType.PHOTODNA);
    HashListEntry first = got.get(0);
    assertThat(first.hash().toString()).isEqualTo(MD5);
    assertThat(first.label()).contains("A1");
    assertThat(first.source()).contains("Example Member");
    assertThat(first.added()).contains(Instant.parse("2026-10-24T15:00:00Z"));
    assertThat(first.tags()).isEmpty();
    byte[] pdna = got.get(3).hash().toByteArray();
    for (int i = 0; i < pdna.length; i++) {
      assertThat(pdna[i] & 0xff).isEqualTo((i * 7) % 256);
    }
    assertThat(got.get(4).label()).contains("B2");
    assertThat(got.get(5).tags()).containsExactly("video");

    assertThat(r.entries()).isEqualTo(6);
    assertThat(r.withdrawn()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(3);
    assertThat(r.problems()).extracting(ReadReport.Problem::line).containsExactly(
        lineOf(text, "not-a-hash"), lineOf(text, "<id>image3") - 3,
        lineOf(text, "<timestamp>yesterday") + 4);
    assertThat(r.problems().get(0).reason())
        .isEqualTo("record image2: <md5>: md5 hash must be 32 hex digits, got 10 characters");
    assertThat(r.problems().get(1).reason()).contains("not an ISO-8601 instant");
    assertThat(r.problems().get(2).reason()).isEqualTo("record without an <id>");
  }

  @Test
  void ncmecXmlRefusesDoctypesAndOtherDocuments() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE q [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        + "<queryResult xmlns=\"" + NcmecXml.NS + "\"><images><image><id>&x;</id>"
        + "<fingerprints><md5>" + MD5 + "</md5></fingerprints></image></images></queryResult>";
    assertThatThrownBy(() -> read(HashListFormat.ncmecHashSharingXml(), xxe, new ArrayList<>(),
        false)).isInstanceOf(MalformedInputException.class)
        .hasMessage("test:2: a DOCTYPE is not allowed in a hash list");
    assertThatThrownBy(() -> read(HashListFormat.ncmecHashSharingXml(),
        "<status xmlns=\"" + NcmecXml.NS + "\"/>", new ArrayList<>(), false))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not an NCMEC hash sharing v2 queryResult");
    assertThatThrownBy(() -> read(HashListFormat.ncmecHashSharingXml(),
        "<queryResult xmlns=\"" + NcmecXml.NS + "\">\n<images>\n<image>", new ArrayList<>(),
        false)).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void stopNcii() throws IOException {
    String text = fixture("stopncii.json");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = read(HashListFormat.stopNcii(), text, got, false);

    assertThat(got).extracting(e -> e.hash().toString()).containsExactly(PDQ, MD5);
    assertThat(got).extracting(e -> e.hash().type()).containsExactly(HashType.PDQ, HashType.MD5);
    assertThat(got.get(0).added()).contains(Instant.ofEpochSecond(1_790_000_000L));
    assertThat(got.get(0).source()).contains("StopNCII");
    assertThat(r.withdrawn()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(3);
    List<Long> starts = linesOf(text, "{\"lastModtimestamp\"");
    assertThat(r.problems()).extracting(ReadReport.Problem::line)
        .containsExactly(starts.get(2), starts.get(3), starts.get(6));
    assertThat(r.problems().get(1).reason())
        .isEqualTo("field 'signalType': unsupported signal type 'VideoTMK'");
    assertThat(r.problems().get(2).reason()).contains("lastModtimestamp");
  }

  /**
   * Withdrawn records go to the withdrawal consumer (the holder must delete them), never to the
   * entries: NCMEC deleted records by id, StopNCII Withdrawn/Deleted records with their hash.
   */
  @Test
  void withdrawalsAreHandedOnNotDelivered() throws IOException {
    String ncmec = fixture("ncmec.xml");
    List<Withdrawal> gone = new ArrayList<>();
    List<HashListEntry> kept = new ArrayList<>();
    HashListFormat.ncmecHashSharingXml().read(new BufferedReader(new StringReader(ncmec)),
        "test", false, kept::add, gone::add);
    assertThat(gone).extracting(Withdrawal::id).containsExactly("image4", "video4");
    assertThat(gone).allSatisfy(w -> assertThat(w.hash()).isEmpty());
    assertThat(gone).extracting(Withdrawal::line).containsExactly(
        lineOf(ncmec, "<deletedImage>"), lineOf(ncmec, "<deletedVideo>"));
    assertThat(kept).extracting(HashListEntry::id).doesNotContain("image4", "video4");

    String stop = fixture("stopncii.json");
    gone.clear();
    HashListFormat.stopNcii().read(new BufferedReader(new StringReader(stop)), "test", false,
        e -> { }, gone::add);
    List<Long> starts = linesOf(stop, "{\"lastModtimestamp\"");
    assertThat(gone).extracting(Withdrawal::line).containsExactly(starts.get(4), starts.get(5));
    assertThat(gone).extracting(w -> w.hash().orElseThrow().toString()).containsOnly(PDQ);
    assertThat(gone).extracting(Withdrawal::id).containsOnly(PDQ);

    // A withdrawn signal this library never delivers is only counted; a withdrawn record whose
    // hash cannot be read is a problem (the holder cannot act on it), not silently dropped.
    String odd = "[{\"signalType\": \"VideoTMK\", \"hashValue\": \"abcd\", \"hashStatus\":"
        + " \"Deleted\"},\n{\"signalType\": \"ImagePDQ\", \"hashValue\": \"12\","
        + " \"hashStatus\": \"Withdrawn\"}]";
    gone.clear();
    ReadReport r = HashListFormat.stopNcii().read(new BufferedReader(new StringReader(odd)),
        "test", false, e -> { }, gone::add);
    assertThat(gone).isEmpty();
    assertThat(r.withdrawn()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.problems().get(0).line()).isEqualTo(2);
  }

  @Test
  void stopNciiStrictAndBroken() {
    String text = fixture("stopncii.json");
    assertThatThrownBy(() -> read(HashListFormat.stopNcii(), text, new ArrayList<>(), true))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("test:" + linesOf(text, "{\"lastModtimestamp\"").get(2) + ": ");
    assertThatThrownBy(() -> read(HashListFormat.stopNcii(), "{\"count\": 1}",
        new ArrayList<>(), false)).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("no 'hashRecords' array");
    assertThatThrownBy(() -> read(HashListFormat.stopNcii(),
        "{\"hashRecords\": [\n{\"hashStatus\": \"Active\", \"hashStatus\": \"Active\"}]}",
        new ArrayList<>(), false)).isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("test:2: ").hasMessageContaining("Duplicate");
  }

  @Test
  void stix() throws IOException {
    String text = fixture("stix.json");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = read(HashListFormat.stix(), text, got, false);

    assertThat(got).extracting(HashListEntry::id).containsExactly(
        "file--9a1f834d-2506-5367-baec-7aa63996ac43", "file--9a1f834d-2506-5367-baec-7aa63996ac43",
        "file--9a1f834d-2506-5367-baec-7aa63996ac43", "known-1", "known-1");
    // SSDEEP is a kind hotlinekit does not compare: carried with its text, counted, not dropped.
    assertThat(got).extracting(e -> e.hash().type()).containsExactlyInAnyOrder(HashType.MD5,
        HashType.SHA256, HashType.carried("SSDEEP"), HashType.SHA1, HashType.PDQ);
    assertThat(got.get(2).hash().toString()).isEqualTo("3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C");
    assertThat(r.carried()).isEqualTo(1);
    assertThat(r.carriedKinds()).containsExactly("SSDEEP");
    assertThat(got.get(3).hash().toString()).isEqualTo(SHA1);
    assertThat(got.get(4).hash().toString()).isEqualTo(PDQ);
    assertThat(got.get(4).label()).contains("A1");
    assertThat(got.get(4).added()).contains(Instant.parse("2026-09-01T00:00:00Z"));
    assertThat(r.rejected()).isEqualTo(3);
    List<Long> objects = linesOf(text, "{\"type\": ");
    assertThat(r.problems()).extracting(ReadReport.Problem::line)
        .containsExactly(objects.get(3), objects.get(4), objects.get(5));
    assertThat(r.problems().get(1).reason()).contains("unsupported pattern");
    assertThat(r.problems().get(2).reason()).contains("only STIX patterns");
  }

  /** write then read gives the same entries, for what each format carries, on random lists. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void writeThenReadIsIdentity(long seed, @TempDir Path dir) {
    Random r = new Random(seed);
    List<HashListEntry> ncmec = new ArrayList<>();
    List<HashListEntry> stop = new ArrayList<>();
    List<HashListEntry> stix = new ArrayList<>();
    HashType[] ncmecTypes = {HashType.MD5, HashType.SHA1, HashType.PDQ, HashType.PHOTODNA};
    for (int i = 0; i < 200; i++) {
      Instant t = Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000));
      HashValue v = HashListFormatTest.random(ncmecTypes[r.nextInt(4)], r);
      HashListEntry.Builder n = HashListEntry.builder("record <" + i + "> & co", v);
      if (r.nextBoolean()) {
        n.label(new String[] {"A1", "A2", "B1", "B2"}[r.nextInt(4)]);
      }
      if (r.nextBoolean()) {
        n.source("Member \"" + r.nextInt(5) + "\"");
      }
      if (r.nextBoolean()) {
        n.added(t);
      }
      if (r.nextBoolean()) {
        n.tags(List.of("video"));
      }
      ncmec.add(n.build());

      HashValue s = HashListFormatTest.random(r.nextBoolean() ? HashType.PDQ : HashType.MD5, r);
      HashListEntry.Builder sb = HashListEntry.builder(s.toString(), s).source("StopNCII");
      if (r.nextBoolean()) {
        sb.added(t);
      }
      stop.add(sb.build());

      // Every type STIX file hashes have a key for (all built-in ones but vPDQ).
      List<HashType> keyed = HashType.builtIn().stream().filter(x -> x != HashType.VPDQ).toList();
      HashType any = keyed.get(r.nextInt(keyed.size()));
      HashListEntry.Builder x =
          HashListEntry.builder("entry-" + i, HashListFormatTest.random(any, r)).added(t);
      if (r.nextBoolean()) {
        x.label("A" + r.nextInt(3));
      }
      stix.add(x.build());
    }
    // NCMEC groups images before videos; the round trip keeps each group's order.
    List<HashListEntry> ncmecOrder = new ArrayList<>();
    ncmec.stream().filter(e -> e.tags().isEmpty()).forEach(ncmecOrder::add);
    ncmec.stream().filter(e -> !e.tags().isEmpty()).forEach(ncmecOrder::add);
    assertRoundTrip(HashListFormat.ncmecHashSharingXml(), ncmec, ncmecOrder, dir.resolve("n"));
    assertRoundTrip(HashListFormat.stopNcii(), stop, stop, dir.resolve("s"));
    assertRoundTrip(HashListFormat.stix(), stix, stix, dir.resolve("x"));
  }

  @Test
  void stixWritingIsDeterministic() throws IOException {
    Instant created = Instant.parse("2026-11-23T00:00:00Z");
    List<HashListEntry> entries = List.of(
        HashListEntry.builder("a", HashValue.parse(HashType.MD5, MD5)).build(),
        HashListEntry.builder("b", HashValue.parse(HashType.PDQ, PDQ)).label("B1").build());
    StringWriter one = new StringWriter();
    StringWriter two = new StringWriter();
    HashListFormat.stix(created).write(entries, one);
    HashListFormat.stix(created).write(entries, two);
    assertThat(one.toString()).isEqualTo(two.toString())
        .contains("\"pattern\":\"[file:hashes.PDQ = '" + PDQ + "']\"")
        .contains("\"created\":\"2026-11-23T00:00:00Z\"");
    // Version-5 UUIDs: version nibble 5, variant bits 10.
    assertThat(StixBundle.uuid5("x").version()).isEqualTo(5);
    assertThat(StixBundle.uuid5("x").variant()).isEqualTo(2);
  }

  @Test
  void writersRefuseWhatTheirFormatCannotSay() {
    HashListEntry sha256 = HashListEntry.builder("x",
        HashListFormatTest.random(HashType.SHA256, new Random(1))).build();
    assertThatThrownBy(() -> HashListFormat.ncmecHashSharingXml().write(List.of(sha256),
        new StringWriter())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashListFormat.stopNcii().write(List.of(sha256),
        new StringWriter())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void photoDnaEncodings() {
    byte[] b = new byte[144];
    new Random(7).nextBytes(b);
    HashValue v = HashValue.of(HashType.PHOTODNA, b);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < b.length; i++) {
      csv.append(i == 0 ? "" : ",").append(b[i] & 0xff);
    }
    assertThat(HashValue.parsePhotoDna(v.toString())).isEqualTo(v);
    assertThat(HashValue.parsePhotoDna(java.util.Base64.getEncoder().encodeToString(b)))
        .isEqualTo(v);
    assertThat(HashValue.parsePhotoDna(csv.toString())).isEqualTo(v);
    assertThatThrownBy(() -> HashValue.parsePhotoDna("1,2,3"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("got 3");
    assertThatThrownBy(() -> HashValue.parsePhotoDna(csv.toString().replaceFirst("^\\d+", "256")))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> HashValue.parsePhotoDna("!".repeat(192)))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("base64");
  }

  private static void assertRoundTrip(HashListFormat f, List<HashListEntry> entries,
      List<HashListEntry> expected, Path file) {
    f.write(entries, file);
    List<HashListEntry> back = new ArrayList<>();
    ReadReport r = f.read(file, true, back::add);
    assertThat(back).isEqualTo(expected);
    assertThat(r.rejected()).isZero();
    assertThat(r.withdrawn()).isZero();
  }

  static String fixture(String name) {
    try (InputStream in = DocumentFormatTest.class.getResourceAsStream("formats/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long lineOf(String text, String needle) {
    List<Long> all = linesOf(text, needle);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static List<Long> linesOf(String text, String needle) {
    List<Long> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        out.add(i + 1L);
      }
    }
    return out;
  }

  private static ReadReport read(HashListFormat f, String text, List<HashListEntry> sink,
      boolean strict) throws IOException {
    return f.read(new BufferedReader(new StringReader(text)), "test", strict, sink::add);
  }
}
