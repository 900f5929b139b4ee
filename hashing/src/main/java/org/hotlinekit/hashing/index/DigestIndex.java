package org.hotlinekit.hashing.index;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;

/**
 * Exact lookup of digests (MD5, SHA-1 or SHA-256) in a list of millions. Immutable and thread-safe.
 *
 * <pre>{@code
 * DigestIndex index = DigestIndex.of(DigestAlgorithm.MD5, listDigests);
 * int[] entries = index.find(fileMd5);     // positions of equal entries, empty if none
 * }</pre>
 *
 * <p>Layout: the entries sorted by digest, as primitive arrays (the first 8 bytes, the rest, the
 * entry's position), and a directory from the top {@code log2(size) + 1} bits of a digest to its
 * range in the sorted order. Digests are uniformly distributed, so a range holds about half an
 * entry: a miss usually costs one memory read, a hit two or three. About 27 bytes per MD5 entry
 * (a {@code HashSet} of boxed digests costs about 140).
 */
public final class DigestIndex {
  private final DigestAlgorithm algorithm;
  private final int size;
  private final int directoryBits;
  private final int[] directory;
  /** First 8 bytes of each digest, big-endian, in sorted order. */
  private final long[] head;
  /** The remaining bytes, {@code tailWords} longs per digest (zero-padded), in sorted order. */
  private final long[] tail;
  private final int tailWords;
  /** The entry position of each sorted digest. */
  private final int[] entry;

  private DigestIndex(DigestAlgorithm algorithm, int size, int directoryBits, int[] directory,
      long[] head, long[] tail, int tailWords, int[] entry) {
    this.algorithm = algorithm;
    this.size = size;
    this.directoryBits = directoryBits;
    this.directory = directory;
    this.head = head;
    this.tail = tail;
    this.tailWords = tailWords;
    this.entry = entry;
  }

  /**
   * Builds an index; entry {@code i} is {@code digests.get(i)}.
   *
   * @param algorithm the algorithm of every digest
   * @param digests the digests
   * @return the index
   * @throws IllegalArgumentException if a digest is of another algorithm
   */
  public static DigestIndex of(DigestAlgorithm algorithm, List<Digest> digests) {
    Objects.requireNonNull(algorithm, "algorithm");
    int n = digests.size();
    int tailWords = (algorithm.byteLength() - 8 + 7) / 8;
    long[] keys = new long[n];
    long[] tails = new long[n * tailWords];
    for (int i = 0; i < n; i++) {
      Digest d = Objects.requireNonNull(digests.get(i), "digest");
      if (d.algorithm() != algorithm) {
        throw new IllegalArgumentException(
            "entry " + i + " is " + d.algorithm().jcaName() + ", not " + algorithm.jcaName());
      }
      byte[] b = d.toByteArray();
      keys[i] = word(b, 0);
      for (int t = 0; t < tailWords; t++) {
        tails[i * tailWords + t] = word(b, 8 + 8 * t);
      }
    }
    // Bucket by the top bits (a counting sort), then order each small bucket by (head, tail).
    int bits = Math.max(1, Math.min(30, 65 - Long.numberOfLeadingZeros(Math.max(1, n))));
    int[] directory = new int[(1 << bits) + 1];
    for (int i = 0; i < n; i++) {
      directory[(int) (keys[i] >>> (64 - bits)) + 1]++;
    }
    for (int b = 0; b < (1 << bits); b++) {
      directory[b + 1] += directory[b];
    }
    int[] order = new int[n];
    int[] next = Arrays.copyOf(directory, 1 << bits);
    for (int i = 0; i < n; i++) {
      order[next[(int) (keys[i] >>> (64 - bits))]++] = i;
    }
    for (int b = 0; b < (1 << bits); b++) {
      // Insertion sort: buckets hold about half an entry on average.
      for (int x = directory[b] + 1; x < directory[b + 1]; x++) {
        int v = order[x];
        int y = x - 1;
        while (y >= directory[b] && compare(keys, tails, tailWords, order[y], v) > 0) {
          order[y + 1] = order[y];
          y--;
        }
        order[y + 1] = v;
      }
    }
    long[] head = new long[n];
    long[] tail = new long[n * tailWords];
    int[] entry = new int[n];
    for (int s = 0; s < n; s++) {
      int i = order[s];
      head[s] = keys[i];
      System.arraycopy(tails, i * tailWords, tail, s * tailWords, tailWords);
      entry[s] = i;
    }
    return new DigestIndex(algorithm, n, bits, directory, head, tail, tailWords, entry);
  }

  private static int compare(long[] keys, long[] tails, int tw, int x, int y) {
    int c = Long.compareUnsigned(keys[x], keys[y]);
    for (int t = 0; c == 0 && t < tw; t++) {
      c = Long.compareUnsigned(tails[x * tw + t], tails[y * tw + t]);
    }
    return c != 0 ? c : Integer.compare(x, y);
  }

  /** Eight bytes big-endian from {@code off}, zero-padded past the end. */
  private static long word(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (off + i < b.length ? b[off + i] & 0xffL : 0);
    }
    return v;
  }

  /**
   * The algorithm of the indexed digests.
   *
   * @return the algorithm
   */
  public DigestAlgorithm algorithm() {
    return algorithm;
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
   * Whether any entry equals the digest.
   *
   * @param digest the digest to look up (of any algorithm; another algorithm is never found)
   * @return true if found
   */
  public boolean contains(Digest digest) {
    return first(digest) >= 0;
  }

  /**
   * The positions of all entries equal to the digest.
   *
   * @param digest the digest to look up
   * @return the entry positions in ascending order; empty if none
   */
  public int[] find(Digest digest) {
    int s = first(digest);
    if (s < 0) {
      return new int[0];
    }
    int e = s + 1;
    while (e < size && sameAt(e, head[s], s)) {
      e++;
    }
    int[] out = Arrays.copyOfRange(entry, s, e);
    Arrays.sort(out);
    return out;
  }

  /** The first sorted position holding the digest, or -1. */
  private int first(Digest digest) {
    if (digest.algorithm() != algorithm) {
      return -1;
    }
    byte[] b = digest.toByteArray();
    long key = word(b, 0);
    int bucket = (int) (key >>> (64 - directoryBits));
    for (int s = directory[bucket], end = directory[bucket + 1]; s < end; s++) {
      if (head[s] == key && tailEquals(s, b)) {
        return s;
      }
    }
    return -1;
  }

  private boolean tailEquals(int s, byte[] b) {
    for (int t = 0; t < tailWords; t++) {
      if (tail[s * tailWords + t] != word(b, 8 + 8 * t)) {
        return false;
      }
    }
    return true;
  }

  private boolean sameAt(int e, long key, int s) {
    if (head[e] != key) {
      return false;
    }
    for (int t = 0; t < tailWords; t++) {
      if (tail[e * tailWords + t] != tail[s * tailWords + t]) {
        return false;
      }
    }
    return true;
  }
}
