package org.hotlinekit.hashing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdqIndexTest {

  /** The upstream regression lists: every (needle, haystack) pair within 31, 47 and 63. */
  @ParameterizedTest
  @ValueSource(ints = {31, 47, 63})
  void needlesInHaystackGiveExactlyTheExpectedPairs(int radius) {
    List<PdqHash> needles = parse(TestData.dataLines("pdq/hashlists/needles.txt"));
    List<PdqHash> haystack = parse(TestData.dataLines("pdq/hashlists/haystack.txt"));
    Set<String> expected = new TreeSet<>();
    for (String line : TestData.dataLines("pdq/hashlists/expected-pairs-upto-d63.tsv")) {
      if (line.startsWith("needle")) {
        continue;
      }
      String[] f = line.split("\t");
      if (Integer.parseInt(f[2]) <= radius) {
        expected.add(f[0] + "\t" + f[1] + "\t" + f[2]);
      }
    }
    PdqIndex index = PdqIndex.of(haystack);
    Set<String> actual = new TreeSet<>();
    for (int n = 0; n < needles.size(); n++) {
      for (PdqMatch m : index.search(needles.get(n), radius)) {
        actual.add((n + 1) + "\t" + (m.entry() + 1) + "\t" + m.distance());
      }
    }
    assertThat(actual).isEqualTo(expected);
    if (radius == 31) {
      assertThat(actual).hasSize(250);
    } else if (radius == 47) {
      assertThat(actual).hasSize(287);
    }
  }

  /** Index result == brute force, uniformly random lists, every radius class. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void equalsBruteForceOnRandomLists(long seed) {
    Random r = new Random(seed);
    List<PdqHash> list = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      list.add(random(r));
    }
    // Plant near-duplicates of some entries so that small radii have answers.
    for (int i = 0; i < 2_000; i++) {
      list.add(flip(list.get(r.nextInt(20_000)), r.nextInt(41), r));
    }
    PdqIndex index = PdqIndex.of(list);
    for (int q = 0; q < 250; q++) {
      PdqHash query = q % 2 == 0 ? flip(list.get(r.nextInt(list.size())), r.nextInt(40), r)
          : random(r);
      int radius = new int[] {0, 8, 16, 31, 32, 47, 63, 90}[q % 8];
      assertThat(index.search(query, radius)).as("query %d radius %d", q, radius)
          .isEqualTo(bruteForce(list, query, radius));
    }
  }

  /**
   * A list large enough for chunks wider than 16 bits (which straddle 64-bit words): still exact.
   */
  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void equalsBruteForceWithWideChunks(long seed) {
    Random r = new Random(seed);
    List<PdqHash> list = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      list.add(i % 10 == 9 ? flip(list.get(r.nextInt(i)), r.nextInt(41), r) : random(r));
    }
    PdqIndex index = PdqIndex.of(list);
    for (int q = 0; q < 120; q++) {
      PdqHash query = q % 2 == 0 ? flip(list.get(r.nextInt(list.size())), r.nextInt(40), r)
          : random(r);
      int radius = new int[] {0, 17, 31, 36, 47, 63}[q % 6];
      assertThat(index.search(query, radius)).as("query %d radius %d", q, radius)
          .isEqualTo(bruteForce(list, query, radius));
    }
  }

  /** Clustered lists (many near-identical entries): still exact, whether scanned or indexed. */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void equalsBruteForceOnClusteredLists(long seed) {
    Random r = new Random(seed);
    List<PdqHash> centres = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      centres.add(random(r));
    }
    List<PdqHash> list = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      list.add(flip(centres.get(r.nextInt(centres.size())), r.nextInt(41), r));
    }
    PdqIndex index = PdqIndex.of(list);
    for (int q = 0; q < 250; q++) {
      PdqHash query = flip(centres.get(r.nextInt(centres.size())), r.nextInt(48), r);
      int radius = new int[] {0, 8, 16, 31, 47, 63}[q % 6];
      assertThat(index.search(query, radius)).as("query %d radius %d", q, radius)
          .isEqualTo(bruteForce(list, query, radius));
    }
  }

  @Test
  void dihedralSearchReportsTheClosestVariantOnce() {
    Random r = new Random(5);
    PdqHash target = random(r);
    List<PdqHash> list = List.of(random(r), target, random(r));
    PdqIndex index = PdqIndex.of(list);
    Map<Dihedral, PdqHash> variants = new EnumMap<>(Dihedral.class);
    for (Dihedral d : Dihedral.values()) {
      variants.put(d, random(r));
    }
    variants.put(Dihedral.FLIPY, flip(target, 6, r));
    variants.put(Dihedral.ROT90, flip(target, 20, r));
    List<PdqMatch> hits = index.searchDihedral(DihedralPdqHashes.of(variants, 100), 31);
    assertThat(hits).containsExactly(new PdqMatch(1, 6, Dihedral.FLIPY));
    assertThat(index.search(variants.get(Dihedral.ORIG), 31)).isEmpty();
  }

  @Test
  void edgeCases() {
    PdqIndex empty = PdqIndex.of(List.of());
    assertThat(empty.search(PdqHash.zero(), 256)).isEmpty();
    PdqIndex one = PdqIndex.of(List.of(PdqHash.zero()));
    assertThat(one.search(PdqHash.zero(), 0)).containsExactly(new PdqMatch(0, 0, Dihedral.ORIG));
    assertThat(one.hash(0)).isEqualTo(PdqHash.zero());
    assertThatThrownBy(() -> one.search(PdqHash.zero(), 257))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> one.search(PdqHash.zero(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static List<PdqMatch> bruteForce(List<PdqHash> list, PdqHash q, int radius) {
    List<PdqMatch> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      int d = list.get(i).hammingDistance(q);
      if (d <= radius) {
        out.add(new PdqMatch(i, d, Dihedral.ORIG));
      }
    }
    out.sort(java.util.Comparator.comparingInt(PdqMatch::distance)
        .thenComparingInt(PdqMatch::entry));
    return out;
  }

  static PdqHash random(Random r) {
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  /** The hash with {@code bits} distinct random bits flipped. */
  static PdqHash flip(PdqHash h, int bits, Random r) {
    long[] w = h.toWords();
    Set<Integer> chosen = new TreeSet<>();
    while (chosen.size() < bits) {
      chosen.add(r.nextInt(256));
    }
    for (int k : chosen) {
      w[k >>> 6] ^= 1L << (k & 63);
    }
    return PdqHash.fromWords(w);
  }

  static List<PdqHash> parse(List<String> lines) {
    return lines.stream().map(String::strip).map(PdqHash::parse).collect(Collectors.toList());
  }

  /** The bits a file's postings carry, against reading them one at a time (wrapping at 256). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
  void cyclicBitsAreTheBitsInOrder(long seed) {
    Random r = new Random(seed);
    for (int k = 0; k < 2000; k++) {
      long[] w = {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
      int from = r.nextInt(300);
      int count = 1 + r.nextInt(64);
      long expected = 0;
      for (int b = 0; b < count; b++) {
        int bit = (from + b) % 256;
        expected = (expected << 1) | ((w[bit / 64] >>> (63 - bit % 64)) & 1);
      }
      assertThat(PdqIndex.cyclicBits(w, from, count)).as("from %d, %d bits", from, count)
          .isEqualTo(expected);
    }
  }
}
