package org.hotlinekit.hashing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The digest index against a HashMap oracle: hits, misses, duplicates, every algorithm. */
class DigestIndexTest {

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void agreesWithAHashMap(DigestAlgorithm algorithm) {
    for (long seed = 1; seed <= 4; seed++) {
      Random r = new Random(seed);
      int n = new int[] {0, 1, 1000, 50_000}[(int) seed - 1];
      Digest otherAlgorithm = random(algorithm == DigestAlgorithm.MD5 ? DigestAlgorithm.SHA1
          : DigestAlgorithm.MD5, r); // in the batch, never found
      checkAgainstOracle(seed, r, n, 10, 2_000, 2, rr -> random(algorithm, rr), otherAlgorithm);
    }
  }

  /**
   * Lists built to stress the ordered table: many digests sharing their first 8 or 16 bytes, the
   * all-zero prefix (the empty-slot marker, kept aside), and first words near 0 and near 2^64 (the
   * first and last home slots, where runs spill past the end of the home range). Queries are
   * drawn from the same skewed space, so most misses land inside runs.
   */
  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void agreesWithAHashMapOnSkewedLists(DigestAlgorithm algorithm) {
    for (long seed = 10; seed < 16; seed++) {
      Random r = new Random(seed);
      checkAgainstOracle(seed, r, 1 + r.nextInt(3_000), 8, 3_000, 3,
          rr -> skewed(algorithm, rr), null);
    }
  }

  /**
   * Builds an index of {@code n} digests from {@code source} (one in {@code dupEvery} a repeat of
   * an earlier one), asks {@code queries} digests (one in {@code hitEvery} taken from the list,
   * the others from the source) one by one and as one batch (plus {@code extra} if given), and
   * compares every answer with a HashMap of the list.
   */
  private static void checkAgainstOracle(long seed, Random r, int n, int dupEvery, int queries,
      int hitEvery, java.util.function.Function<Random, Digest> source, Digest extra) {
    List<Digest> list = new ArrayList<>();
    Map<Digest, List<Integer>> oracle = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Digest d = i > 0 && r.nextInt(dupEvery) == 0 ? list.get(r.nextInt(i)) : source.apply(r);
      list.add(d);
      oracle.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
    }
    DigestIndex index = DigestIndex.of(list.isEmpty() ? source.apply(r).algorithm()
        : list.get(0).algorithm(), list);
    assertThat(index.size()).isEqualTo(n);
    List<Digest> batch = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      Digest query = n > 0 && q % hitEvery == 0 ? list.get(r.nextInt(n)) : source.apply(r);
      int[] expected =
          oracle.getOrDefault(query, List.of()).stream().mapToInt(Integer::intValue).toArray();
      assertThat(index.find(query)).as("seed %d query %s", seed, query).containsExactly(expected);
      assertThat(index.contains(query)).as("seed %d query %s", seed, query)
          .isEqualTo(expected.length > 0);
      batch.add(query);
    }
    if (extra != null) {
      batch.add(extra);
    }
    boolean[] each = index.containsEach(batch);
    for (int k = 0; k < batch.size(); k++) {
      assertThat(each[k]).as("seed %d batch %d", seed, k)
          .isEqualTo(oracle.containsKey(batch.get(k)));
    }
  }

  /** A digest whose bytes come from a few prefixes, extremes and zero runs. */
  static Digest skewed(DigestAlgorithm a, Random r) {
    byte[] b = new byte[a.byteLength()];
    r.nextBytes(b);
    switch (r.nextInt(6)) {
      case 0 -> Arrays.fill(b, 0, 8, (byte) 0xff); // last home slot: spills past the end
      case 1 -> Arrays.fill(b, 0, 8, (byte) 0); // first home slot
      case 2 -> Arrays.fill(b, 0, 16, (byte) 0); // zero key: kept aside
      case 3 -> {
        Arrays.fill(b, 0, 7, (byte) 0x5a); // one shared first word, varying second
        b[7] = (byte) r.nextInt(2);
        if (r.nextBoolean()) {
          Arrays.fill(b, 8, 15, (byte) 0x11); // and often a shared second word too
          b[15] = (byte) r.nextInt(2);
        }
      }
      default -> { }
    }
    if (r.nextInt(4) == 0) {
      Arrays.fill(b, 16, b.length, (byte) r.nextInt(2)); // few distinct tails
    }
    if (r.nextInt(50) == 0) {
      Arrays.fill(b, (byte) 0); // the all-zero digest
    }
    return Digest.of(a, b);
  }

  @Test
  void digestsDifferingOnlyInTheTailAreDistinct() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[31] = 1;
    Digest da = Digest.of(DigestAlgorithm.SHA256, a);
    Digest db = Digest.of(DigestAlgorithm.SHA256, b);
    DigestIndex index = DigestIndex.of(DigestAlgorithm.SHA256, List.of(db, da));
    assertThat(index.find(da)).containsExactly(1);
    assertThat(index.find(db)).containsExactly(0);
  }

  @Test
  void otherAlgorithmsAreRefusedOrNeverFound() {
    Digest md5 = Digest.parse("d41d8cd98f00b204e9800998ecf8427e");
    Digest sha1 = Digest.parse("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    assertThatThrownBy(() -> DigestIndex.of(DigestAlgorithm.MD5, List.of(sha1)))
        .isInstanceOf(IllegalArgumentException.class);
    DigestIndex index = DigestIndex.of(DigestAlgorithm.MD5, List.of(md5));
    assertThat(index.find(sha1)).isEmpty();
    assertThat(index.find(md5)).containsExactly(0);
  }

  static Digest random(DigestAlgorithm a, Random r) {
    byte[] b = new byte[a.byteLength()];
    r.nextBytes(b);
    return Digest.of(a, b);
  }
}
