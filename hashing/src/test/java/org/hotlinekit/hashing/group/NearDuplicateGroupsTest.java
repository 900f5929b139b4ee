package org.hotlinekit.hashing.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Oracle: the groups are the connected components that comparing every pair gives, on generated
 * sets with planted near-duplicate groups (chains, exact copies, singletons).
 */
class NearDuplicateGroupsTest {
  /** A random hash. */
  static PdqHash random(Random r) {
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  /** {@code h} with {@code k} distinct random bits flipped. */
  static PdqHash flip(PdqHash h, int k, Random r) {
    long[] w = h.toWords();
    Set<Integer> bits = new HashSet<>();
    while (bits.size() < k) {
      bits.add(r.nextInt(256));
    }
    for (int b : bits) {
      w[b >> 6] ^= 1L << (b & 63);
    }
    return PdqHash.fromWords(w);
  }

  /**
   * Planted groups: a base hash and copies of it within {@code spread} bits (some chained from a
   * copy, some exact), mixed with random singletons, shuffled.
   */
  static List<PdqHash> planted(int items, int spread, long seed) {
    Random r = new Random(seed);
    List<PdqHash> out = new ArrayList<>();
    while (out.size() < items) {
      PdqHash base = random(r);
      out.add(base);
      int copies = r.nextInt(4) == 0 ? 0 : r.nextInt(12);
      PdqHash last = base;
      for (int c = 0; c < copies && out.size() < items; c++) {
        int kind = r.nextInt(3);
        PdqHash copy = kind == 0 ? base : kind == 1 ? flip(base, r.nextInt(spread + 1), r)
            : flip(last, r.nextInt(spread + 1), r); // a chain: a copy of a copy
        out.add(copy);
        last = copy;
      }
    }
    java.util.Collections.shuffle(out, r);
    return out;
  }

  /** Brute force: union every pair within the distance. */
  static int[] bruteForce(List<PdqHash> h, int d) {
    int n = h.size();
    long[][] w = new long[n][];
    for (int i = 0; i < n; i++) {
      w[i] = h.get(i).toWords();
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int dist = Long.bitCount(w[i][0] ^ w[j][0]) + Long.bitCount(w[i][1] ^ w[j][1])
            + Long.bitCount(w[i][2] ^ w[j][2]) + Long.bitCount(w[i][3] ^ w[j][3]);
        if (dist <= d) {
          union(parent, i, j);
        }
      }
    }
    return parent;
  }

  static int find(int[] p, int x) {
    while (p[x] != x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  static void union(int[] p, int a, int b) {
    p[find(p, a)] = find(p, b);
  }

  /** Partitions compared as sets of sets. */
  static Set<Set<Integer>> partition(int n, java.util.function.IntUnaryOperator groupOf) {
    Map<Integer, Set<Integer>> m = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      m.computeIfAbsent(groupOf.applyAsInt(i), k -> new HashSet<>()).add(i);
    }
    return new HashSet<>(m.values());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void tenThousandItemsGroupAsBruteForceDoes(long seed) {
    List<PdqHash> hashes = planted(10_000, 20, seed);
    for (int d : new int[] {0, 10, 31}) {
      NearDuplicateGroups.Grouping g = NearDuplicateGroups.builder().maxDistance(d).threads(3)
          .build().group(hashes);
      int[] parent = bruteForce(hashes, d);
      assertThat(partition(hashes.size(), g::groupOf)).as("distance %d", d)
          .isEqualTo(partition(hashes.size(), i -> find(parent, i)));
      assertThat(g.groupCount()).isEqualTo(g.groups().size());
      assertThat(g.groups().stream().mapToInt(a -> a.length).sum()).isEqualTo(hashes.size());
    }
  }

  @Test
  void plantedGroupsAreFoundAndSingletonsStayAlone() {
    Random r = new Random(7);
    PdqHash a = random(r);
    PdqHash b = random(r);
    List<PdqHash> hashes = List.of(a, flip(a, 12, r), b, a, flip(b, 30, r), random(r));
    NearDuplicateGroups.Grouping g = NearDuplicateGroups.builder().build().group(hashes);
    assertThat(g.groups()).containsExactly(new int[] {0, 1, 3}, new int[] {2, 4}, new int[] {5});
    assertThat(g.groupOf(5)).isEqualTo(2);
    // The same pictures 32 bits apart are not linked at 31.
    assertThat(NearDuplicateGroups.builder().build().group(List.of(a, flip(a, 32, r)))
        .groupCount()).isEqualTo(2);
  }

  @Test
  void manyIdenticalHashesAreOneVertex() {
    Random r = new Random(9);
    PdqHash a = random(r);
    List<PdqHash> copies = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      copies.add(a);
    }
    copies.add(random(r));
    NearDuplicateGroups.Grouping g = NearDuplicateGroups.builder().build().group(copies);
    assertThat(g.groupCount()).isEqualTo(2);
    assertThat(g.groups().get(0)).hasSize(50_000);
  }

  /** With variants: a mirrored copy joins its original's group; the oracle is all pairs. */
  @Test
  void dihedralGroupsAreBruteForceOverAllVariants() {
    Random r = new Random(11);
    List<DihedralPdqHashes> images = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      images.add(dihedral(r));
    }
    // Plant mirrored copies: a copy whose original is another image's flipped variant.
    for (int i = 0; i < 40; i++) {
      DihedralPdqHashes src = images.get(r.nextInt(images.size()));
      Map<Dihedral, PdqHash> m = new EnumMap<>(Dihedral.class);
      for (Dihedral v : Dihedral.values()) {
        m.put(v, random(r));
      }
      m.put(Dihedral.ORIG, flip(src.get(Dihedral.FLIPX), r.nextInt(20), r));
      images.add(DihedralPdqHashes.of(m, 100));
    }
    NearDuplicateGroups.Grouping g = NearDuplicateGroups.builder().build()
        .groupDihedral(images);
    int n = images.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        for (Dihedral v : Dihedral.values()) {
          if (images.get(i).get(v).hammingDistance(images.get(j).get(Dihedral.ORIG)) <= 31) {
            union(parent, i, j);
          }
        }
      }
    }
    assertThat(partition(n, g::groupOf)).isEqualTo(partition(n, i -> find(parent, i)));
    assertThat(g.groupCount()).isLessThanOrEqualTo(400);
  }

  static DihedralPdqHashes dihedral(Random r) {
    Map<Dihedral, PdqHash> m = new EnumMap<>(Dihedral.class);
    for (Dihedral v : Dihedral.values()) {
      m.put(v, random(r));
    }
    return DihedralPdqHashes.of(m, 100);
  }
}
