package org.hotlinekit.hashing.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.OutputWriteException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.internal.BinaryIo;

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
 * <p>How: multi-index hashing (Norouzi et al.). The 256 bits are cut into {@code m} chunks (16
 * of 16 bits below 4 million entries, about 12 of 21 bits at 10 million), each with a table from
 * chunk value to entries. Two hashes
 * within distance {@code d} agree within {@code d / m} bits on at least one chunk (pigeonhole), so
 * probing, in every chunk, the values within that many bits of the query's chunk finds every
 * match; each candidate is then checked on all 256 bits, and counted once: only in the first chunk
 * where it qualifies. When the probes and candidates would cost more than a scan (clustered lists,
 * large radii), the query scans instead. Memory at 10 million entries: 32 bytes of hash, 48 of
 * postings and 13 of tables per entry.
 */
public final class PdqIndex {
  /** Random memory reads cost about this many sequential entry reads of a scan. */
  private static final int RANDOM_ACCESS_COST = 16;

  /** Entry hashes, 4 longs each, most significant word first. */
  private final long[] words;
  private final int size;
  /** Chunk c covers bits [start[c], start[c] + width[c]) counted from the most significant. */
  private final int[] start;
  private final int[] width;
  /** Per chunk: bucket start offsets (2^width + 1) and the entries, grouped by bucket. */
  private final int[][] offsets;
  private final int[][] postings;

  private PdqIndex(long[] words, int size, int[] start, int[] width, int[][] offsets,
      int[][] postings) {
    this.words = words;
    this.size = size;
    this.start = start;
    this.width = width;
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
    // 16 chunks of 16 bits probe only 17 values per chunk at distance 31 and have small tables;
    // from 4 million entries their buckets get long, and about 12 chunks of ~21 bits (289 probes
    // each, short buckets) read less memory per query (measured with PdqIndexBenchmark).
    // Below 65,536 entries, chunks of about log2(n) bits (at least 8) keep the bucket tables
    // (2^bits offsets per chunk) from outweighing the entries: a 2-entry index is 33 KB, not 4 MB.
    int log2 = 63 - Long.numberOfLeadingZeros(Math.max(1, n));
    int bits = n < (1 << 16) ? Math.max(8, log2) : n < (1 << 22) ? 16 : Math.min(24, log2);
    int m = (256 + bits - 1) / bits;
    int[] width = new int[m];
    int[] start = new int[m];
    for (int c = 0, pos = 0; c < m; c++) {
      width[c] = 256 / m + (c < 256 % m ? 1 : 0);
      start[c] = pos;
      pos += width[c];
    }
    int[][] offsets = new int[m][];
    int[][] postings = new int[m][];
    for (int c = 0; c < m; c++) {
      int buckets = 1 << width[c];
      int[] counts = new int[buckets + 1];
      for (int i = 0; i < n; i++) {
        counts[chunk(words, 4 * i, start[c], width[c]) + 1]++;
      }
      for (int b = 0; b < buckets; b++) {
        counts[b + 1] += counts[b];
      }
      int[] next = java.util.Arrays.copyOf(counts, buckets);
      int[] list = new int[n];
      for (int i = 0; i < n; i++) {
        list[next[chunk(words, 4 * i, start[c], width[c])]++] = i;
      }
      offsets[c] = counts;
      postings[c] = list;
    }
    return new PdqIndex(words, n, start, width, offsets, postings);
  }

  /** Bits [from, from + w) (from the most significant) of the 4 words at {@code w[o..o+3]}. */
  private static int chunk(long[] w, int o, int from, int bits) {
    int word = from >>> 6;
    int offset = from & 63;
    long v;
    if (offset + bits <= 64) {
      v = w[o + word] >>> (64 - offset - bits);
    } else {
      int low = offset + bits - 64;
      v = (w[o + word] << low) | (w[o + word + 1] >>> (64 - low));
    }
    return (int) (v & ((1L << bits) - 1));
  }

  /** The file format: magic, version, then the arrays, then a CRC32C of everything before it. */
  private static final long MAGIC = 0x484c4b5044515831L; // "HLKPDQX1"

  private static final int FORMAT_VERSION = 1;

  /**
   * Saves the index to a file, atomically: a temporary file beside the target is written, forced
   * to disk and moved over the target, so a crash never leaves a half-written index.
   *
   * @param file the target file (replaced if it exists)
   * @throws OutputWriteException if writing fails
   */
  public void writeTo(Path file) {
    BinaryIo.writeFile(file, this::writeChannel);
  }

  /**
   * Writes the index in its file format to a channel, e.g. as a section of a larger file that
   * the caller makes durable and closes; {@link #read(ReadableByteChannel, long)} reads it back.
   *
   * @param ch where to write
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   */
  public void write(WritableByteChannel ch) {
    BinaryIo.writeSection(ch, this::writeChannel);
  }

  private void writeChannel(WritableByteChannel ch) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer header = ByteBuffer.allocate(8 + 4 + 4 + 4 + 8 * width.length);
    header.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(size).putInt(width.length);
    for (int c = 0; c < width.length; c++) {
      header.putInt(start[c]).putInt(width[c]);
    }
    BinaryIo.writeAll(ch, header.flip(), crc);
    BinaryIo.writeLongs(ch, words, crc);
    for (int c = 0; c < width.length; c++) {
      BinaryIo.writeInts(ch, offsets[c], crc);
      BinaryIo.writeInts(ch, postings[c], crc);
    }
    BinaryIo.writeAll(ch, ByteBuffer.allocate(8).putLong(crc.getValue()).flip(), null);
  }

  /**
   * Opens an index saved by {@link #writeTo(Path)}. Everything is checked before it is used: the
   * magic number, the format version, the sizes against the file length (before allocating), the
   * checksum, and the structure of the tables.
   *
   * @param file the file
   * @return the index
   * @throws InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is an index of another format version
   * @throws MalformedInputException if it is not an index, truncated or corrupt
   */
  public static PdqIndex read(Path file) {
    return BinaryIo.readFile(file, PdqIndex::readChannel);
  }

  /**
   * Reads an index written by {@link #write(WritableByteChannel)} from the next {@code length}
   * bytes of a channel, with the same checks as {@link #read(Path)}.
   *
   * @param ch the channel, positioned at the index
   * @param length the number of bytes the index occupies
   * @return the index
   * @throws InputReadException if reading fails
   * @throws UnsupportedInputException if it is an index of another format version
   * @throws MalformedInputException if it is not an index, truncated or corrupt
   */
  public static PdqIndex read(ReadableByteChannel ch, long length) {
    return BinaryIo.readSection(ch, length, PdqIndex::readChannel);
  }

  /**
   * Reads an index written by {@link #write(WritableByteChannel)} from a buffer holding exactly
   * its bytes (e.g. a section of a memory-mapped file), with the same checks as {@link
   * #read(Path)}: the tables are copied out of it in bulk.
   *
   * @param section the index's bytes, position to limit (the buffer's position is not moved)
   * @return the index
   * @throws UnsupportedInputException if it is an index of another format version
   * @throws MalformedInputException if it is not an index, truncated or corrupt
   */
  public static PdqIndex read(ByteBuffer section) {
    ByteBuffer b = section.slice().order(java.nio.ByteOrder.BIG_ENDIAN);
    long length = b.remaining();
    try {
      return readChannel(new java.nio.channels.ReadableByteChannel() {
        @Override
        public int read(ByteBuffer dst) {
          if (!b.hasRemaining()) {
            return -1;
          }
          int n = Math.min(dst.remaining(), b.remaining());
          ByteBuffer part = b.slice().limit(n);
          dst.put(part);
          b.position(b.position() + n);
          return n;
        }

        @Override
        public boolean isOpen() {
          return true;
        }

        @Override
        public void close() {
          // Nothing to release: the buffer belongs to the caller.
        }
      }, length, b);
    } catch (IOException e) {
      throw new MalformedInputException("corrupt PDQ index: " + e.getMessage());
    }
  }

  private static PdqIndex readChannel(ReadableByteChannel ch, long length) throws IOException {
    return readChannel(ch, length, null);
  }

  /**
   * Reads from a channel; when {@code mapped} is given (the same bytes, positioned as the channel
   * is), the large tables are copied from it in bulk instead of through the channel.
   */
  private static PdqIndex readChannel(ReadableByteChannel ch, long length, ByteBuffer mapped)
      throws IOException {
    ByteBuffer head = ByteBuffer.allocate(20);
    if (length < 28 || BinaryIo.readFully(ch, head) < 20) {
      throw new MalformedInputException("not a hotlinekit PDQ index: the file is too short");
    }
    head.flip();
    if (head.getLong() != MAGIC) {
      throw new MalformedInputException("not a hotlinekit PDQ index (wrong magic number)");
    }
    int version = head.getInt();
    if (version != FORMAT_VERSION) {
      throw new UnsupportedInputException(
          "PDQ index format version " + version + " is not supported (this is version "
              + FORMAT_VERSION + ")");
    }
    int n = head.getInt();
    int m = head.getInt();
    if (n < 0 || m < 11 || m > 256) {
      throw new MalformedInputException("corrupt PDQ index: " + n + " entries, " + m + " chunks");
    }
    ByteBuffer chunks = ByteBuffer.allocate(8 * m);
    BinaryIo.readFully(ch, chunks);
    chunks.flip();
    int[] start = new int[m];
    int[] width = new int[m];
    long expected = 20L + 8L * m + 32L * n + 8;
    int pos = 0;
    for (int c = 0; c < m; c++) {
      start[c] = chunks.getInt();
      width[c] = chunks.getInt();
      if (start[c] != pos || width[c] < 1 || width[c] > 24) {
        throw new MalformedInputException("corrupt PDQ index: bad chunk " + c);
      }
      pos += width[c];
      expected += 4L * ((1L << width[c]) + 1) + 4L * n;
    }
    if (pos != 256) {
      throw new MalformedInputException("corrupt PDQ index: chunks cover " + pos + " bits");
    }
    if (length != expected) {
      throw new MalformedInputException(
          "corrupt PDQ index: the file has " + length + " bytes, " + expected + " expected"
              + (length < expected ? " (truncated)" : ""));
    }
    CRC32C crc = new CRC32C();
    crc.update(head.flip());
    crc.update(chunks.flip());
    long[] words;
    int[][] offsets = new int[m][];
    int[][] postings = new int[m][];
    ByteBuffer sum = ByteBuffer.allocate(8);
    if (mapped != null) {
      // One checksum pass and bulk copies over the mapped bytes.
      ByteBuffer rest = mapped.slice();
      crc.update(rest.duplicate().limit(rest.remaining() - 8));
      words = new long[4 * n];
      rest.asLongBuffer().get(words);
      rest.position(rest.position() + 32 * n);
      for (int c = 0; c < m; c++) {
        offsets[c] = new int[(1 << width[c]) + 1];
        rest.asIntBuffer().get(offsets[c]);
        rest.position(rest.position() + 4 * offsets[c].length);
        postings[c] = new int[n];
        rest.asIntBuffer().get(postings[c]);
        rest.position(rest.position() + 4 * n);
      }
      sum.put(rest.slice().limit(8));
    } else {
      words = BinaryIo.readLongs(ch, 4 * n, crc);
      for (int c = 0; c < m; c++) {
        offsets[c] = BinaryIo.readInts(ch, (1 << width[c]) + 1, crc);
        postings[c] = BinaryIo.readInts(ch, n, crc);
      }
      BinaryIo.readFully(ch, sum);
    }
    if (sum.flip().getLong() != crc.getValue()) {
      throw new MalformedInputException("corrupt PDQ index: checksum mismatch");
    }
    for (int c = 0; c < m; c++) {
      checkTable(offsets[c], postings[c], n, c);
    }
    return new PdqIndex(words, n, start, width, offsets, postings);
  }

  private static void checkTable(int[] off, int[] list, int n, int c) {
    if (off[0] != 0 || off[off.length - 1] != n) {
      throw new MalformedInputException("corrupt PDQ index: table " + c + " does not add up");
    }
    for (int b = 1; b < off.length; b++) {
      if (off[b] < off[b - 1]) {
        throw new MalformedInputException("corrupt PDQ index: table " + c + " is not ordered");
      }
    }
    for (int i : list) {
      if (i < 0 || i >= n) {
        throw new MalformedInputException("corrupt PDQ index: entry out of range in table " + c);
      }
    }
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
    int m = width.length;
    int perChunk = maxDistance / m;
    int[] qChunks = new int[m];
    int[][] masks = new int[m][];
    for (int c = 0; c < m; c++) {
      qChunks[c] = chunk(q, 0, start[c], width[c]);
      masks[c] = Probes.masks(width[c], perChunk);
      if (masks[c] == null) {
        scan(q, maxDistance, variant, out);
        return;
      }
    }
    // Probe while that costs less than a scan (random reads against sequential ones); a clustered
    // list or a large radius can make the buckets long, and then the query scans instead.
    long budget = size / RANDOM_ACCESS_COST;
    long cost = 0;
    int found = out.size();
    long q0 = q[0];
    long q1 = q[1];
    long q2 = q[2];
    long q3 = q[3];
    for (int c = 0; c < m; c++) {
      int[] off = offsets[c];
      int[] list = postings[c];
      for (int mask : masks[c]) {
        int b = qChunks[c] ^ mask;
        int end = off[b + 1];
        int p = off[b];
        cost += 1 + end - p;
        if (cost > budget) {
          out.subList(found, out.size()).clear();
          scan(q, maxDistance, variant, out);
          return;
        }
        for (; p < end; p++) {
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
      if (Integer.bitCount(chunk(words, 4 * i, start[e], width[e]) ^ qChunks[e]) <= perChunk) {
        return true;
      }
    }
    return false;
  }

  /** The masks of {@code bits} bits with weight 0..k, by weight: the probes around a value. */
  private static final class Probes {
    /** More probes than this are never worth it: a scan is cheaper. */
    private static final long MAX_PROBES = 1L << 20;

    private static final int[] TOO_MANY = new int[0];
    private static final ConcurrentHashMap<Long, int[]> CACHE = new ConcurrentHashMap<>();

    /** The probes, or null if there are more than {@link #MAX_PROBES} (then scan). */
    static int[] masks(int bits, int maxWeight) {
      int k = Math.min(maxWeight, bits);
      int[] masks = CACHE.computeIfAbsent(((long) bits << 32) | k, key -> compute(bits, k));
      return masks == TOO_MANY ? null : masks;
    }

    private static int[] compute(int bits, int k) {
      long count = 0;
      for (int weight = 0; weight <= k; weight++) {
        count += binomial(bits, weight);
      }
      if (count > MAX_PROBES) {
        return TOO_MANY;
      }
      List<Integer> out = new ArrayList<>((int) count);
      for (int weight = 0; weight <= k; weight++) {
        combinations(bits, weight, 0, 0, out);
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long binomial(int n, int k) {
      long r = 1;
      for (int i = 1; i <= k; i++) {
        r = r * (n - k + i) / i;
      }
      return r;
    }

    private static void combinations(int bits, int left, int from, int mask, List<Integer> out) {
      if (left == 0) {
        out.add(mask);
        return;
      }
      for (int b = from; b <= bits - left; b++) {
        combinations(bits, left - 1, b + 1, mask | (1 << b), out);
      }
    }
  }
}
