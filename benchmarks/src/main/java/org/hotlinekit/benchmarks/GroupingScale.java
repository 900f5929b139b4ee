package org.hotlinekit.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.group.NearDuplicateGroups;

/**
 * Near-duplicate grouping at seizure scale, as a whole run: N synthetic PDQ hashes with planted
 * groups (copies within 20 bits, chains, exact copies) are grouped at distance 31, and the time
 * is printed with the measured cost of comparing all pairs on a sample, extrapolated to N. Run it
 * under {@code /usr/bin/time -v} for the peak memory.
 *
 * <pre>{@code java -cp benchmarks.jar org.hotlinekit.benchmarks.GroupingScale 1000000}</pre>
 */
public final class GroupingScale {
  private GroupingScale() {}

  /**
   * Runs.
   *
   * @param args the number of hashes (default 1,000,000)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<PdqHash> hashes = planted(n, new Random(1));
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      NearDuplicateGroups.Grouping g = NearDuplicateGroups.builder().build().group(hashes);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("round %d: %d hashes, %d groups, %.2f s%n", round, n, g.groupCount(), s);
    }
    // All pairs on a sample, to extrapolate: n * (n - 1) / 2 comparisons.
    int sample = 20_000;
    long[] w = new long[4 * sample];
    for (int i = 0; i < sample; i++) {
      System.arraycopy(hashes.get(i).toWords(), 0, w, 4 * i, 4);
    }
    long t0 = System.nanoTime();
    long linked = 0;
    for (int i = 0; i < sample; i++) {
      for (int j = i + 1; j < sample; j++) {
        int d = Long.bitCount(w[4 * i] ^ w[4 * j]) + Long.bitCount(w[4 * i + 1] ^ w[4 * j + 1])
            + Long.bitCount(w[4 * i + 2] ^ w[4 * j + 2])
            + Long.bitCount(w[4 * i + 3] ^ w[4 * j + 3]);
        if (d <= 31) {
          linked++;
        }
      }
    }
    double perPair = (System.nanoTime() - t0) / 1e9 / ((double) sample * (sample - 1) / 2);
    System.out.printf("all pairs: %.2f ns per pair on %d hashes (%d linked); %d hashes: %.0f s"
        + " on one core%n", perPair * 1e9, sample, linked, n, perPair * n * ((double) n - 1) / 2);
  }

  static List<PdqHash> planted(int n, Random r) {
    List<PdqHash> out = new ArrayList<>(n);
    while (out.size() < n) {
      PdqHash base = random(r);
      out.add(base);
      int copies = r.nextInt(4) == 0 ? 0 : r.nextInt(12);
      PdqHash last = base;
      for (int c = 0; c < copies && out.size() < n; c++) {
        int kind = r.nextInt(3);
        PdqHash copy = kind == 0 ? base : flip(kind == 1 ? base : last, r.nextInt(21), r);
        out.add(copy);
        last = copy;
      }
    }
    Collections.shuffle(out, r);
    return out;
  }

  private static PdqHash random(Random r) {
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  private static PdqHash flip(PdqHash h, int k, Random r) {
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
}
