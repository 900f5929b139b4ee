package org.hotlinekit.hashing.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.hashing.match.IndexedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fingerprint kinds hotlinekit cannot compare are carried: kept on read, written back on write,
 * counted in the read report, kept through an index file, never dropped silently.
 */
class CarriedFingerprintsTest {
  private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";

  private static List<HashListEntry> read(HashListFormat f, Path file, ReadReport[] report) {
    List<HashListEntry> out = new ArrayList<>();
    report[0] = f.read(file, true, out::add);
    return out;
  }

  @Test
  void ncmecPdnaNetcleanAndTmkRoundTrip(@TempDir Path dir) throws Exception {
    String pdna = "0a".repeat(144);
    Path in = Files.writeString(dir.resolve("ncmec.xml"), "<?xml version=\"1.0\"?>\n"
        + "<queryResult xmlns=\"https://hashsharing.ncmec.org/hashsharing/v2\"><images>\n"
        + "<image><member>Example ESP</member><id>r1</id><classification>A1</classification>"
        + "<fingerprints><md5>" + MD5 + "</md5><pdna>" + pdna + "</pdna>"
        + "<netclean>9f8e7d6c5b4a39281706f5e4d3c2b1a0</netclean>"
        + "<tmk_pdqf>AAECAwQFBgcICQoLDA0ODw==</tmk_pdqf></fingerprints></image>\n"
        + "</images></queryResult>\n");
    HashListFormat ncmec = HashListFormat.ncmecHashSharingXml();
    ReadReport[] r = new ReadReport[1];
    List<HashListEntry> first = read(ncmec, in, r);
    assertThat(first).extracting(e -> e.hash().type()).containsExactly(HashType.MD5,
        HashType.PHOTODNA, HashType.carried("netclean"), HashType.carried("tmk_pdqf"));
    assertThat(r[0].carried()).isEqualTo(2);
    assertThat(r[0].carriedKinds()).containsExactly("netclean", "tmk_pdqf");
    assertThat(r[0].rejected()).isZero();

    Path out = dir.resolve("again.xml");
    ncmec.write(first, out);
    assertThat(Files.readString(out)).contains("<netclean>9f8e7d6c5b4a39281706f5e4d3c2b1a0"
        + "</netclean>").contains("<tmk_pdqf>AAECAwQFBgcICQoLDA0ODw==</tmk_pdqf>");
    assertThat(read(ncmec, out, r)).isEqualTo(first);

    // Through hotlinekit's own formats and an index file, nothing is lost either.
    Path jsonl = dir.resolve("list.jsonl");
    HashListFormat.jsonLines().write(first, jsonl);
    assertThat(read(HashListFormat.jsonLines(), jsonl, r)).isEqualTo(first);
    Path index = dir.resolve("list.hlx");
    IndexedList.of(new HashList("ncmec", in.toString(), first)).writeTo(index);
    assertThat(IndexedList.read(index).list().entries()).isEqualTo(first);
  }

  @Test
  void anUnknownStixHashKindRoundTrips(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("stix.json"), "{\"type\": \"bundle\", \"objects\": ["
        + "{\"type\": \"file\", \"spec_version\": \"2.1\", \"id\": \"file--1\", \"hashes\": {"
        + "\"MD5\": \"" + MD5 + "\", \"TLSH\": \"T1A2B3C4D5E6\", \"SHA3-256\": \"abcdef0123\"}}]}");
    HashListFormat stix = HashListFormat.stix(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    ReadReport[] r = new ReadReport[1];
    List<HashListEntry> first = read(stix, in, r);
    assertThat(first).extracting(e -> e.hash().type()).containsExactlyInAnyOrder(HashType.MD5,
        HashType.carried("TLSH"), HashType.carried("SHA3-256"));
    assertThat(r[0].carriedKinds()).containsExactly("SHA3-256", "TLSH");
    Path out = dir.resolve("again.json");
    stix.write(first, out);
    // (The writer dates indicators; the file object had no date, so compare what was carried.)
    assertThat(read(stix, out, r)).extracting(e -> e.id() + " " + e.hash().type() + " "
        + e.hash()).containsExactlyInAnyOrderElementsOf(first.stream().map(e -> e.id() + " "
        + e.hash().type() + " " + e.hash()).toList());
  }

  @Test
  void aListOfOnlyCarriedKindsIsNotSilentlyEmpty() {
    HashList onlyCarried = new HashList("c", "c.jsonl", List.of(HashListEntry.builder("x",
        org.hotlinekit.core.hash.HashValue.carried(HashType.carried("netclean"), "ab12")).build()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        org.hotlinekit.hashing.match.Matcher.builder().list(onlyCarried).build())
        .isInstanceOf(org.hotlinekit.core.MalformedInputException.class)
        .hasMessageContaining("none of a kind hotlinekit matches");
  }

  @Test
  void jsonLinesSayWhatIsCarried(@TempDir Path dir) throws Exception {
    // An unknown type without "carried": true is an error (a typo must not become a carried kind).
    Path typo = Files.writeString(dir.resolve("typo.jsonl"),
        "{\"id\": \"a\", \"type\": \"pqd\", \"hash\": \"" + MD5 + "\"}\n");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = HashListFormat.jsonLines().read(typo, false, got::add);
    assertThat(got).isEmpty();
    assertThat(r.problems().get(0).reason()).contains("unknown hash type 'pqd'")
        .contains("\"carried\": true");
  }
}
