package org.hotlinekit.hashing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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
      List<Digest> list = new ArrayList<>();
      Map<Digest, List<Integer>> oracle = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Digest d = i > 0 && r.nextInt(10) == 0 ? list.get(r.nextInt(i)) : random(algorithm, r);
        list.add(d);
        oracle.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
      }
      DigestIndex index = DigestIndex.of(algorithm, list);
      assertThat(index.size()).isEqualTo(n);
      List<Digest> batch = new ArrayList<>();
      for (int q = 0; q < 2_000; q++) {
        Digest query = n > 0 && q % 2 == 0 ? list.get(r.nextInt(n)) : random(algorithm, r);
        int[] expected =
            oracle.getOrDefault(query, List.of()).stream().mapToInt(Integer::intValue).toArray();
        assertThat(index.find(query)).as("seed %d query %d", seed, q).containsExactly(expected);
        assertThat(index.contains(query)).isEqualTo(expected.length > 0);
        batch.add(query);
      }
      batch.add(random(algorithm == DigestAlgorithm.MD5 ? DigestAlgorithm.SHA1
          : DigestAlgorithm.MD5, r));
      boolean[] each = index.containsEach(batch);
      for (int k = 0; k < batch.size(); k++) {
        assertThat(each[k]).as("batch %d", k).isEqualTo(oracle.containsKey(batch.get(k)));
      }
    }
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
