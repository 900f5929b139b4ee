package org.hotlinekit.hashing.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;

/**
 * Finds every indexed PDQ hash within a Hamming distance of a query, exactly: the result is always
 * the brute-force result. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * PdqIndex index = PdqIndex.of(hashes);                 // multi-index hashing
 * List<PdqMatch> hits = index.search(query, 31);        // sorted by distance, then entry
 * List<PdqMatch> any = index.searchDihedral(all8, 31);  // rotated or mirrored copies too
 * }</pre>
 *
 * <p>How: multi-index hashing (Norouzi et al.). The 256 bits are cut into 16 chunks of 16 bits,
 * each with a table from chunk value to entries. Two hashes within distance {@code d} agree within
 * {@code d / 16} bits on at least one chunk (pigeonhole), so probing, in every chunk, the values
 * within that many bits of the query's chunk finds every match; each candidate is then checked on
 * all 256 bits. A candidate is counted once: only in the first chunk where it qualifies. When the
 * probed buckets hold more entries than a scan would read (clustered lists, large radii), the query
 * scans instead. Memory: 32 bytes of hash and 64 bytes of postings per entry, plus 4 MiB.
 */
public final class PdqIndex {
  private static final int CHUNKS = 16;
  private static final int BUCKETS = 1 << 16;

  /** Entry hashes, 4 longs each, most significant word first. */
  private final long[] words;
  private final int size;
  /** Per chunk: bucket start offsets (BUCKETS + 1) and the entries, grouped by bucket. */
  private final int[][] offsets;
  private final int[][] postings;

  private PdqIndex(long[] words, int size, int[][] offsets, int[][] postings) {
    this.words = words;
    this.size = size;
    this.offsets = offsets;
    this.postings = postings;
  }

  /**
   * Builds an index; entry {@code i} is {@code hashes.get(i)}.
   *
   * @param hashes the hashes to index
   * @return the index
   */
  public static PdqIndex of(List<PdqHash> hashes) {
    int n = hashes.size();
    long[] words = new long[4 * n];
    for (int i = 0; i < n; i++) {
      long[] w = Objects.requireNonNull(hashes.get(i), "hash").toWords();
      System.arraycopy(w, 0, words, 4 * i, 4);
    }
    return build(words, n);
  }

  private static PdqIndex build(long[] words, int n) {
    int[][] offsets = new int[CHUNKS][];
    int[][] postings = new int[CHUNKS][];
    for (int c = 0; c < CHUNKS; c++) {
      int[] counts = new int[BUCKETS + 1];
      for (int i = 0; i < n; i++) {
        counts[chunk(words, i, c) + 1]++;
      }
      for (int b = 0; b < BUCKETS; b++) {
        counts[b + 1] += counts[b];
      }
      int[] next = counts.clone();
      int[] list = new int[n];
      for (int i = 0; i < n; i++) {
        list[next[chunk(words, i, c)]++] = i;
      }
      offsets[c] = counts;
      postings[c] = list;
    }
    return new PdqIndex(words, n, offsets, postings);
  }

  /** Chunk c (0 = bits 255..240) of entry i. */
  private static int chunk(long[] words, int i, int c) {
    return (int) (words[4 * i + (c >>> 2)] >>> (48 - 16 * (c & 3))) & 0xffff;
  }

  private static int chunk(long[] q, int c) {
    return (int) (q[c >>> 2] >>> (48 - 16 * (c & 3))) & 0xffff;
  }

  /**
   * The number of entries.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * The hash of one entry.
   *
   * @param entry its position
   * @return the hash
   */
  public PdqHash hash(int entry) {
    Objects.checkIndex(entry, size);
    return PdqHash.fromWords(new long[] {
      words[4 * entry], words[4 * entry + 1], words[4 * entry + 2], words[4 * entry + 3]});
  }

  /**
   * Every entry within {@code maxDistance} of the query.
   *
   * @param query the query hash
   * @param maxDistance 0..256 (upstream recommends 31)
   * @return the matches sorted by distance, then entry; empty if none
   */
  public List<PdqMatch> search(PdqHash query, int maxDistance) {
    checkDistance(maxDistance);
    List<PdqMatch> out = new ArrayList<>();
    collect(query.toWords(), maxDistance, Dihedral.ORIG, out);
    out.sort(ORDER);
    return out;
  }

  /**
   * Every entry within {@code maxDistance} of any of the eight variants of an image, each entry
   * once, with its closest variant.
   *
   * @param query the eight hashes of the query image
   * @param maxDistance 0..256
   * @return the matches sorted by distance, then entry; empty if none
   */
  public List<PdqMatch> searchDihedral(DihedralPdqHashes query, int maxDistance) {
    checkDistance(maxDistance);
    Map<Integer, PdqMatch> best = new HashMap<>();
    for (Map.Entry<Dihedral, PdqHash> v : query.asMap().entrySet()) {
      List<PdqMatch> found = new ArrayList<>();
      collect(v.getValue().toWords(), maxDistance, v.getKey(), found);
      for (PdqMatch m : found) {
        best.merge(m.entry(), m, (a, b) -> b.distance() < a.distance() ? b : a);
      }
    }
    List<PdqMatch> out = new ArrayList<>(best.values());
    out.sort(ORDER);
    return out;
  }

  /**
   * Every entry within {@code maxDistance}, by scanning all entries: the oracle for {@link
   * #search}, and what {@link #search} does itself where the index would not be faster.
   *
   * @param query the query hash
   * @param maxDistance 0..256
   * @return the matches sorted by distance, then entry
   */
  public List<PdqMatch> scan(PdqHash query, int maxDistance) {
    checkDistance(maxDistance);
    List<PdqMatch> out = new ArrayList<>();
    scan(query.toWords(), maxDistance, Dihedral.ORIG, out);
    out.sort(ORDER);
    return out;
  }

  private static final Comparator<PdqMatch> ORDER =
      Comparator.comparingInt(PdqMatch::distance).thenComparingInt(PdqMatch::entry);

  private static void checkDistance(int maxDistance) {
    if (maxDistance < 0 || maxDistance > 256) {
      throw new IllegalArgumentException("maxDistance must be 0..256, got " + maxDistance);
    }
  }

  private void scan(long[] q, int maxDistance, Dihedral variant, List<PdqMatch> out) {
    long q0 = q[0];
    long q1 = q[1];
    long q2 = q[2];
    long q3 = q[3];
    long[] w = words;
    for (int i = 0, o = 0; i < size; i++, o += 4) {
      int d = Long.bitCount(w[o] ^ q0) + Long.bitCount(w[o + 1] ^ q1)
          + Long.bitCount(w[o + 2] ^ q2) + Long.bitCount(w[o + 3] ^ q3);
      if (d <= maxDistance) {
        out.add(new PdqMatch(i, d, variant));
      }
    }
  }

  private void collect(long[] q, int maxDistance, Dihedral variant, List<PdqMatch> out) {
    int perChunk = maxDistance / CHUNKS;
    int[] masks = Probes.masks(perChunk);
    // Choose: the probed buckets' total size, against a scan of everything.
    long candidates = 0;
    for (int c = 0; c < CHUNKS; c++) {
      int qc = chunk(q, c);
      int[] off = offsets[c];
      for (int m : masks) {
        int b = qc ^ m;
        candidates += off[b + 1] - off[b];
      }
    }
    if (candidates * 2 > size) {
      scan(q, maxDistance, variant, out);
      return;
    }
    int[] qChunks = new int[CHUNKS];
    for (int c = 0; c < CHUNKS; c++) {
      qChunks[c] = chunk(q, c);
    }
    long q0 = q[0];
    long q1 = q[1];
    long q2 = q[2];
    long q3 = q[3];
    for (int c = 0; c < CHUNKS; c++) {
      int[] off = offsets[c];
      int[] list = postings[c];
      for (int m : masks) {
        int b = qChunks[c] ^ m;
        for (int p = off[b], end = off[b + 1]; p < end; p++) {
          int i = list[p];
          int o = 4 * i;
          int d = Long.bitCount(words[o] ^ q0) + Long.bitCount(words[o + 1] ^ q1)
              + Long.bitCount(words[o + 2] ^ q2) + Long.bitCount(words[o + 3] ^ q3);
          // Most candidates fail the distance; only a match needs the duplicate check.
          if (d <= maxDistance && !seenInEarlierChunk(i, c, qChunks, perChunk)) {
            out.add(new PdqMatch(i, d, variant));
          }
        }
      }
    }
  }

  /** Whether entry i already qualified (and was therefore checked) in a chunk before c. */
  private boolean seenInEarlierChunk(int i, int c, int[] qChunks, int perChunk) {
    for (int e = 0; e < c; e++) {
      if (Integer.bitCount(chunk(words, i, e) ^ qChunks[e]) <= perChunk) {
        return true;
      }
    }
    return false;
  }

  /** The 16-bit masks of weight 0..k, by weight: the probes around a chunk value. */
  private static final class Probes {
    private static final ConcurrentHashMap<Integer, int[]> CACHE = new ConcurrentHashMap<>();

    static int[] masks(int maxWeight) {
      return CACHE.computeIfAbsent(Math.min(maxWeight, 16), Probes::compute);
    }

    private static int[] compute(int k) {
      return IntStream.range(0, BUCKETS)
          .filter(m -> Integer.bitCount(m) <= k)
          .boxed()
          .sorted(Comparator.comparingInt(Integer::bitCount))
          .mapToInt(Integer::intValue)
          .toArray();
    }
  }
}
