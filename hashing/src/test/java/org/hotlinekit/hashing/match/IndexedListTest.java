package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Saved and reopened indexed lists answer exactly like freshly built ones; bad files refused. */
class IndexedListTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void reopenedListMatchesLikeTheOriginal(long seed, @TempDir Path dir) {
    Random r = new Random(seed);
    HashList list = randomList(r, 2_000);
    Path file = dir.resolve("list.hlx");
    IndexedList.of(list).writeTo(file);
    IndexedList back = IndexedList.read(file);
    assertThat(back.list()).isEqualTo(list);

    Matcher fresh = Matcher.builder().list(list).build();
    Matcher reopened = Matcher.builder().list(back).build();
    for (HashListEntry e : list.entries().subList(0, 300)) {
      HashValue query = e.hash();
      if (query.type() == HashType.PDQ && r.nextBoolean()) {
        long[] w = query.asPdq().orElseThrow().toWords();
        w[r.nextInt(4)] ^= r.nextLong() & r.nextLong() & r.nextLong();
        query = HashValue.of(PdqHash.fromWords(w));
      }
      assertThat(reopened.match(query)).isEqualTo(fresh.match(query));
    }
  }

  @Test
  void truncatedFlippedAndForeignFilesAreRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("list.hlx");
    IndexedList.of(randomList(new Random(9), 300)).writeTo(file);
    byte[] good = Files.readAllBytes(file);
    Path bad = dir.resolve("bad.hlx");
    for (int cut : new int[] {0, 7, 19, 40, good.length / 3, good.length / 2, good.length - 9,
        good.length - 1}) {
      Files.write(bad, java.util.Arrays.copyOf(good, cut));
      assertThatThrownBy(() -> IndexedList.read(bad)).as("cut at %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
    Random r = new Random(10);
    HashList original = randomList(new Random(9), 300);
    Matcher intact = Matcher.builder().list(original).build();
    for (int i = 0; i < 200; i++) {
      byte[] flipped = good.clone();
      int at = 12 + r.nextInt(good.length - 12); // past the magic and version
      flipped[at] ^= (byte) (1 << r.nextInt(8));
      Files.write(bad, flipped);
      // Refused when opened, or by the match that reads the bad block (never a wrong answer),
      // and in any case by checkAll().
      IndexedList opened;
      try {
        opened = IndexedList.read(bad);
      } catch (MalformedInputException refused) {
        continue;
      }
      Matcher m = Matcher.builder().list(opened).build();
      for (HashListEntry e : original.entries()) {
        try {
          assertThat(m.match(e.hash())).as("bit flipped at %d", at)
              .isEqualTo(intact.match(e.hash()));
        } catch (MalformedInputException refused) {
          assertThat(refused).hasMessageContaining(bad.toString());
        }
      }
      assertThatThrownBy(opened::checkAll).as("bit flipped at %d", at)
          .isInstanceOf(MalformedInputException.class);
    }
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(8, 8);
    Files.write(bad, future);
    assertThatThrownBy(() -> IndexedList.read(bad))
        .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("version 8");
    // A version 2 file (magic HLKLIST1, the JSON-lines layout) is refused with the way out.
    byte[] older = good.clone();
    ByteBuffer.wrap(older).putLong(0, 0x484c4b4c49535431L).putInt(8, 2);
    Files.write(bad, older);
    assertThatThrownBy(() -> IndexedList.read(bad))
        .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("rebuild");
  }

  /**
   * Format version 6: every section boundary cut (refused on opening), a byte flipped at the
   * start, middle and end of every section (refused on opening or by checkAll()), and no path
   * of the building machine in the file.
   */
  @Test
  void everySectionIsCheckedAndNoPathIsKept(@TempDir Path dir) throws Exception {
    HashList list = new HashList("partner", dir.resolve("secret-folder/partner.jsonl")
        .toString(), randomList(new Random(21), 300).entries());
    Path file = dir.resolve("list.hlx");
    IndexedList.of(list).writeTo(file);
    byte[] good = Files.readAllBytes(file);
    assertThat(new String(good, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("secret-folder").contains("partner.jsonl");
    ByteBuffer head = ByteBuffer.wrap(good);
    int count = head.getInt(12);
    List<long[]> sections = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int p = 16 + 20 * i;
      sections.add(new long[] {head.getInt(p), head.getLong(p + 4), head.getLong(p + 12)});
    }
    assertThat(sections).extracting(s -> (int) s[0]).contains(1, 2, 3, 30, 31, 40);
    Path bad = dir.resolve("bad.hlx");
    for (long[] s : sections) {
      for (long cut : new long[] {s[1], s[1] + s[2] / 2, s[1] + s[2] - 1}) {
        if (cut >= good.length) {
          continue;
        }
        Files.write(bad, java.util.Arrays.copyOf(good, (int) cut));
        assertThatThrownBy(() -> IndexedList.read(bad)).as("section %d cut at %d", s[0], cut)
            .isInstanceOf(MalformedInputException.class);
      }
      if (s[2] > 0) {
        for (long at : new long[] {s[1], s[1] + s[2] / 2, s[1] + s[2] - 1}) {
          byte[] flipped = good.clone();
          flipped[(int) at] ^= 0x10;
          Files.write(bad, flipped);
          assertThatThrownBy(() -> IndexedList.read(bad).checkAll())
              .as("section %d flipped at %d", s[0], at)
              .isInstanceOf(MalformedInputException.class);
        }
      }
    }
    // The entries stay encoded until asked for, and decode to the list (source: its file name).
    IndexedList opened = IndexedList.read(file);
    assertThat(opened.size()).isEqualTo(300);
    assertThat(opened.source()).isEqualTo("partner.jsonl");
    assertThat(opened.list().entries()).isEqualTo(list.entries());
    assertThat(opened.labels()).isEqualTo(new java.util.TreeSet<>(list.entries().stream()
        .flatMap(e -> e.label().stream()).toList()));
    Files.writeString(bad, "d41d8cd98f00b204e9800998ecf8427e\n".repeat(10));
    assertThatThrownBy(() -> IndexedList.read(bad))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("wrong magic number");
  }

  @Test
  void emptyListAndPhotoDnaOnly(@TempDir Path dir) {
    byte[] pdna = new byte[144];
    HashList list = new HashList("pdna", "test", List.of(
        HashListEntry.builder("x", HashValue.of(HashType.PHOTODNA, pdna)).build()));
    for (HashList l : List.of(list, new HashList("empty", "test", List.of()))) {
      Path file = dir.resolve(l.name());
      IndexedList.of(l).writeTo(file);
      assertThat(IndexedList.read(file).list()).isEqualTo(l);
    }
  }

  static HashList randomList(Random r, int n) {
    List<HashListEntry> entries = new ArrayList<>();
    HashType[] types = {HashType.MD5, HashType.SHA1, HashType.SHA256, HashType.PDQ,
        HashType.PDQ, HashType.PHOTODNA};
    for (int i = 0; i < n; i++) {
      HashType t = types[r.nextInt(types.length)];
      byte[] b = new byte[t.byteLength()];
      r.nextBytes(b);
      HashListEntry.Builder e = HashListEntry.builder("e" + i, HashValue.of(t, b));
      if (r.nextBoolean()) {
        e.label("A" + r.nextInt(3)).added(Instant.ofEpochSecond(r.nextInt(1 << 30)));
      }
      if (t == HashType.PDQ && r.nextBoolean()) {
        e.quality(r.nextInt(101));
      }
      entries.add(e.build());
    }
    return new HashList("list-" + n, "random ünïcode source", entries);
  }
}
