package org.hotlinekit.hashing.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.OutputWriteException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.internal.BinaryIo;
import org.hotlinekit.hashing.internal.CheckedRegion;

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
 * of 16 bits below 4 million entries, about 12 of 21 bits from there in memory), each with a
 * table from chunk value to entries. Two hashes within distance {@code d} agree within {@code d /
 * m} bits on at least one chunk (pigeonhole), so probing, in every chunk, the values within that
 * many bits of the query's chunk finds every match; each candidate is then checked on all 256
 * bits, and counted once: only in the first chunk where it qualifies. When the probes and
 * candidates would cost more than a scan (clustered lists, large radii), the query scans instead.
 * Memory at 10 million entries: 32 bytes of hash, 48 of postings and 13 of tables per entry.
 *
 * <p>In a file ({@link #writeTo(Path)}) every posting also carries 96 further bits of its
 * entry's hash (the bits that follow its chunk), so an index read in place ({@link #map}) checks
 * its candidates against those first, reading each bucket in one sequential run, and reads an
 * entry's hash only for the few that may match: a query touches a few hundred pages of the file,
 * not one page per candidate, which is what makes a fresh mapping answer its first query in
 * milliseconds. The price is the file's size: 16 bytes per entry per chunk (288 bytes per entry
 * from 65,536 entries, 2.9 GB at 10 million).
 */
public final class PdqIndex {
  /** At most this many queries have their probes sorted together by {@link #searchAll}. */
  private static final int BATCH = 4096;

  /** Random memory reads cost about this many sequential entry reads of a scan. */
  private static final int RANDOM_ACCESS_COST = 16;

  /** Where the tables live: Java arrays (built or loaded) or a mapped file (in place). */
  private final Tables tables;
  private final int size;
  /** Chunk c covers bits [start[c], start[c] + width[c]) counted from the most significant. */
  private final int[] start;
  private final int[] width;

  private PdqIndex(Tables tables, int size, int[] start, int[] width) {
    this.tables = tables;
    this.size = size;
    this.start = start;
    this.width = width;
  }

  /**
   * Builds an index; entry {@code i} is {@code hashes.get(i)}.
   *
   * @param hashes the hashes to index
   * @return the index
   */
  public static PdqIndex of(List<PdqHash> hashes) {
    int n = hashes.size();
    if (n > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " hashes in one index");
    }
    long[] words = new long[4 * n];
    for (int i = 0; i < n; i++) {
      long[] w = Objects.requireNonNull(hashes.get(i), "hash").toWords();
      System.arraycopy(w, 0, words, 4 * i, 4);
    }
    // 16 chunks of 16 bits probe only 17 values per chunk at distance 31 and have small tables;
    // from 4 million entries their buckets get long, and about 12 chunks of ~21 bits (289 probes
    // each, short buckets) read less memory per query from arrays (measured with
    // PdqIndexBenchmark). A file keeps 16 bits (see fileBits).
    int log2 = 63 - Long.numberOfLeadingZeros(Math.max(1, n));
    return build(words, n, n < (1 << 22) ? fileBits(n) : Math.min(24, log2));
  }

  /** Builds with chunks of about {@code bits} bits (package-private for tests). */
  static PdqIndex of(List<PdqHash> hashes, int bits) {
    long[] words = new long[4 * hashes.size()];
    for (int i = 0; i < hashes.size(); i++) {
      System.arraycopy(hashes.get(i).toWords(), 0, words, 4 * i, 4);
    }
    return build(words, hashes.size(), bits);
  }

  private static PdqIndex build(long[] words, int n, int bits) {
    int[] width = widths(bits);
    int m = width.length;
    int[] start = starts(width);
    int[][] offsets = new int[m][];
    int[][] postings = new int[m][];
    Tables words4 = new Heap(words, null, null);
    for (int c = 0; c < m; c++) {
      int[][] table = chunkTable(words4, n, start[c], width[c]);
      offsets[c] = table[0];
      postings[c] = table[1];
    }
    return new PdqIndex(new Heap(words, offsets, postings), n, start, width);
  }

  /**
   * The chunk width of a file's index: 16 bits, and below 65,536 entries about log2(n) bits (at
   * least 8), which keeps the bucket tables (2^bits offsets per chunk) from outweighing the
   * entries: a 2-entry index is 33 KB, not 4 MB. In a file, candidates are read in sequence
   * (their postings carry bits of their hash), so the short buckets of wider chunks do not pay
   * for their many more probes, each a random read.
   */
  private static int fileBits(int n) {
    int log2 = 63 - Long.numberOfLeadingZeros(Math.max(1, n));
    return n < (1 << 16) ? Math.max(8, log2) : 16;
  }

  /** The widths of chunks of about {@code bits} bits that cover the 256. */
  private static int[] widths(int bits) {
    int m = (256 + bits - 1) / bits;
    int[] width = new int[m];
    for (int c = 0; c < m; c++) {
      width[c] = 256 / m + (c < 256 % m ? 1 : 0);
    }
    return width;
  }

  private static int[] starts(int[] width) {
    int[] start = new int[width.length];
    for (int c = 0, pos = 0; c < width.length; c++) {
      start[c] = pos;
      pos += width[c];
    }
    return start;
  }

  /**
   * One chunk's table, by a counting sort of the entries on the chunk's bits: {@code [0]} where
   * each bucket starts in {@code [1]} (and where the last ends), {@code [1]} the entries by bucket.
   */
  private static int[][] chunkTable(Tables t, int n, int from, int bits) {
    int buckets = 1 << bits;
    int[] counts = new int[buckets + 1];
    long[] w = new long[4];
    for (int i = 0; i < n; i++) {
      counts[chunk(t.hash(i, w), 0, from, bits) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      counts[b + 1] += counts[b];
    }
    int[] next = java.util.Arrays.copyOf(counts, buckets);
    int[] list = new int[n];
    for (int i = 0; i < n; i++) {
      list[next[chunk(t.hash(i, w), 0, from, bits)]++] = i;
    }
    return new int[][] {counts, list};
  }

  /**
   * {@code count} (1..64) bits of a hash from bit {@code from} (from the most significant,
   * wrapping around after bit 255), right-aligned.
   */
  static long cyclicBits(long[] w, int from, int count) {
    from &= 255;
    if (from + count <= 256) {
      return bitsAt(w, from, count);
    }
    int first = 256 - from;
    return (bitsAt(w, from, first) << (count - first)) | bitsAt(w, 0, count - first);
  }

  /** {@code count} (1..64) bits from bit {@code from}, within the 256, right-aligned. */
  private static long bitsAt(long[] w, int from, int count) {
    int word = from >>> 6;
    int off = from & 63;
    long v = w[word] << off;
    if (off + count > 64) {
      v |= w[word + 1] >>> (64 - off);
    }
    return v >>> (64 - count);
  }

  /**
   * A posting as a file keeps it: the 64 bits that follow chunk c's bits, then the 32 after those
   * (high half) and the entry (low half). Together with the chunk, 112 of the 256 bits.
   */
  private static long record0(long[] h, int after) {
    return cyclicBits(h, after, 64);
  }

  private static long record1(long[] h, int after, int entry) {
    return (cyclicBits(h, after + 64, 32) << 32) | (entry & 0xFFFFFFFFL);
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

  /**
   * The file format (version 3), a {@link CheckedRegion} of 4 KiB blocks whose data is,
   * little-endian: magic, version, entry count, chunk count, then each chunk's start and width;
   * zero padding to a multiple of 32 bytes; the entries' hashes (4 longs each); then per chunk its
   * bucket offsets (ints, padded to a multiple of 8 bytes) and its postings, 16 bytes each: the 64
   * bits of the entry's hash that follow the chunk (wrapping after bit 255), then a long of the 32
   * bits after those (high half) and the entry (low half). The chunks are 16 bits wide from 65,536
   * entries whatever the layout in memory; version 2 (postings of entries alone) is refused with
   * "rebuild it".
   */
  private static final long MAGIC = 0x484c4b5044515831L; // "HLKPDQX1"

  private static final int FORMAT_VERSION = 3;

  /**
   * At most this many entries: a chunk's postings (16 bytes each) fit one mapping of 2 GiB, the
   * hashes one Java array.
   */
  private static final int MAX_ENTRIES = (1 << 27) - 1;

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
   * the caller makes durable and closes; {@link #map(FileChannel, long, long)} opens it again.
   *
   * @param ch where to write
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   */
  public void write(WritableByteChannel ch) {
    BinaryIo.writeSection(ch, this::writeChannel);
  }

  private void writeChannel(WritableByteChannel ch) throws IOException {
    CheckedRegion.Writer out = new CheckedRegion.Writer(ch, CheckedRegion.PAGE_BLOCKS);
    int[] fileWidth = widths(fileBits(size));
    int[] fileStart = starts(fileWidth);
    int m = fileWidth.length;
    ByteBuffer header = ByteBuffer.allocate(headerBytes(m)).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(size).putInt(m).putInt(0);
    for (int c = 0; c < m; c++) {
      header.putInt(fileStart[c]).putInt(fileWidth[c]);
    }
    out.write(header.clear());
    long[] w = new long[4 * 8192];
    long[] h = new long[4];
    for (int from = 0; from < size; from += 8192) {
      int k = Math.min(8192, size - from);
      for (int i = 0; i < k; i++) {
        System.arraycopy(tables.hash(from + i, h), 0, w, 4 * i, 4);
      }
      out.writeLongs(w, 0, 4 * k);
    }
    // Per chunk: its bucket offsets by counting, then its postings scattered in bucket order
    // while the hashes are read in order (sequential reads, where gathering the hashes of the
    // postings in bucket order would read them at random).
    long[] records = new long[2 * size];
    for (int c = 0; c < m; c++) {
      int bits = fileWidth[c];
      int from = fileStart[c];
      int after = from + bits;
      int[] counts = new int[(1 << bits) + 1];
      for (int i = 0; i < size; i++) {
        counts[chunk(tables.hash(i, h), 0, from, bits) + 1]++;
      }
      for (int b = 0; b < 1 << bits; b++) {
        counts[b + 1] += counts[b];
      }
      out.writeInts(counts);
      out.align();
      int[] next = counts;
      for (int i = 0; i < size; i++) {
        tables.hash(i, h);
        int p = next[chunk(h, 0, from, bits)]++;
        records[2 * p] = record0(h, after);
        records[2 * p + 1] = record1(h, after, i);
      }
      out.writeLongs(records, 0, 2 * size);
    }
    out.finish();
  }

  /** The header's size: fixed fields and the chunk layout, padded to 32 bytes. */
  private static int headerBytes(int m) {
    return (24 + 8 * m + 31) & ~31;
  }

  /**
   * Opens an index saved by {@link #writeTo(Path)} into memory, every part checked: the magic
   * number, the format version, the sizes against the file length, every block of the file
   * against its CRC32C (one pass while the tables are copied), and the structure of the tables
   * as queries read them. The heap holds the hashes and the entries of the postings (about 100
   * bytes an entry), not the bits the file's postings carry; opening reads the whole file (a
   * 10M-entry index: 2.9 GB, seconds). {@link #map} opens in milliseconds.
   *
   * @param file the file
   * @return the index
   * @throws InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is an index of another format version
   * @throws MalformedInputException if it is not an index, truncated or corrupt
   */
  public static PdqIndex read(Path file) {
    return BinaryIo.readFile(file, (ch, length) -> load(ch, 0, length));
  }

  /**
   * Opens an index written by {@link #write(WritableByteChannel)} that occupies {@code [position,
   * position + length)} of a file into memory, with the checks of {@link #read(Path)}.
   *
   * @param ch the file, open for reading
   * @param position where the index starts
   * @param length the number of bytes the index occupies
   * @return the index
   * @throws InputReadException if reading fails
   * @throws UnsupportedInputException if it is an index of another format version
   * @throws MalformedInputException if it is not an index, truncated or corrupt
   */
  public static PdqIndex load(FileChannel ch, long position, long length) {
    return open(ch, position, length, true);
  }

  /**
   * Opens an index written by {@link #write(WritableByteChannel)} in place: the tables stay in
   * the memory-mapped file, so opening costs the header and the block checksums (0.1 % of the
   * file), not a pass over the tables, and needs no heap for them. Each 4 KiB block is checked
   * against its CRC32C the first time a query reads it (after a quarter of them, the rest in a
   * background pass): a corrupt block throws {@link MalformedInputException} from a query, never a wrong
   * result ({@link #checkAll()} checks everything at once). The way to open a large index:
   * queries read the bits their postings carry, in runs, and were measured faster than on the
   * index loaded or as built (at 1M random entries, radius 31, warm: about 135 against 340
   * microseconds; the first query on a fresh mapping of 10M entries, 19 ms with the opening).
   * Stays usable after the channel is closed; the mapping lasts until the index is
   * garbage-collected.
   *
   * @param ch the file, open for reading
   * @param position where the index starts
   * @param length the number of bytes the index occupies
   * @return the index
   * @throws InputReadException if reading fails
   * @throws UnsupportedInputException if it is an index of another format version
   * @throws MalformedInputException if it is not an index, truncated or corrupt
   */
  public static PdqIndex map(FileChannel ch, long position, long length) {
    return open(ch, position, length, false);
  }

  private static PdqIndex open(FileChannel ch, long position, long length, boolean load) {
    try {
      return open(CheckedRegion.open(ch, position, length, "PDQ index"), load);
    } catch (IOException e) {
      throw new InputReadException("could not read the PDQ index: "
          + InputReadException.reason(e), e);
    }
  }

  private static PdqIndex open(CheckedRegion r, boolean load) throws IOException {
    if (r.length() < 24) {
      throw new MalformedInputException("not a hotlinekit PDQ index: the file is too short");
    }
    r.check(0, Math.min(r.length(), 24));
    if (r.getLong(0) != MAGIC) {
      throw new MalformedInputException("not a hotlinekit PDQ index (wrong magic number)");
    }
    int version = r.getInt(8);
    if (version != FORMAT_VERSION) {
      throw new UnsupportedInputException(
          "PDQ index format version " + version + " is not supported (this is version "
              + FORMAT_VERSION + (version < FORMAT_VERSION ? "; rebuild it" : "") + ")");
    }
    int n = r.getInt(12);
    int m = r.getInt(16);
    if (n < 0 || n > MAX_ENTRIES || m < 11 || m > 256) {
      throw new MalformedInputException("corrupt PDQ index: " + n + " entries, " + m + " chunks");
    }
    long at = headerBytes(m);
    if (r.length() < at) {
      throw new MalformedInputException("corrupt PDQ index: the file is truncated");
    }
    int[] start = new int[m];
    int[] width = new int[m];
    int pos = 0;
    for (int c = 0; c < m; c++) {
      start[c] = r.getInt(24 + 8L * c);
      width[c] = r.getInt(28 + 8L * c);
      if (start[c] != pos || width[c] < 1 || width[c] > 24) {
        throw new MalformedInputException("corrupt PDQ index: bad chunk " + c);
      }
      pos += width[c];
    }
    if (pos != 256) {
      throw new MalformedInputException("corrupt PDQ index: chunks cover " + pos + " bits");
    }
    long wordsAt = at;
    long[] offsetsAt = new long[m];
    long[] postingsAt = new long[m];
    at += 32L * n;
    for (int c = 0; c < m; c++) {
      offsetsAt[c] = at;
      at = align8(at + 4L * ((1 << width[c]) + 1));
      postingsAt[c] = at;
      at += 16L * n;
    }
    if (r.length() != at) {
      throw new MalformedInputException("corrupt PDQ index: the file has " + r.length()
          + " bytes of tables, " + at + " expected" + (r.length() < at ? " (truncated)" : ""));
    }
    Mapped mapped = Mapped.of(r, n, wordsAt, start, width, offsetsAt, postingsAt);
    return new PdqIndex(load ? mapped.load(n) : mapped, n, start, width);
  }

  private static long align8(long v) {
    return (v + 7) & ~7L;
  }

  /**
   * Checks the whole index at once: every block of its file against its checksum and the
   * structure of its tables (what queries otherwise check as they read). A built index is
   * always whole.
   *
   * @throws MalformedInputException if anything is corrupt
   */
  public void checkAll() {
    tables.checkAll();
    for (int c = 0; c < width.length; c++) {
      int[] off = tables.offsets(c);
      if (off[0] != 0 || off[off.length - 1] != size) {
        throw new MalformedInputException("corrupt PDQ index: table " + c + " does not add up");
      }
      for (int b = 1; b < off.length; b++) {
        if (off[b] < off[b - 1]) {
          throw new MalformedInputException("corrupt PDQ index: table " + c + " is not ordered");
        }
      }
      for (int i : tables.postings(c)) {
        if (i < 0 || i >= size) {
          throw new MalformedInputException(
              "corrupt PDQ index: entry out of range in table " + c);
        }
      }
    }
    if (tables instanceof Mapped mapped) {
      mapped.checkPostingBits(size);
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
    tables.entry(entry);
    return PdqHash.fromWords(new long[] {tables.word(entry, 0), tables.word(entry, 1),
      tables.word(entry, 2), tables.word(entry, 3)});
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
    Tables t = tables;
    for (int i = 0; i < size; i++) {
      t.entry(i);
      int d = Long.bitCount(t.word(i, 0) ^ q0) + Long.bitCount(t.word(i, 1) ^ q1)
          + Long.bitCount(t.word(i, 2) ^ q2) + Long.bitCount(t.word(i, 3) ^ q3);
      if (d <= maxDistance) {
        out.add(new PdqMatch(i, d, variant));
      }
    }
  }

  private void collect(long[] q, int maxDistance, Dihedral variant, List<PdqMatch> out) {
    int[][] masks = masks(maxDistance);
    if (masks == null) {
      scan(q, maxDistance, variant, out);
      return;
    }
    Query query = new Query(q, maxDistance, variant, out);
    for (int c = 0; c < width.length && !query.overBudget; c++) {
      for (int mask : masks[c]) {
        probe(query, c, query.chunks[c] ^ mask);
        if (query.overBudget) {
          break;
        }
      }
    }
    query.finish();
  }

  /**
   * Every entry within {@code maxDistance} of each query: for each, what {@link #search} answers,
   * found together. The probes of all queries are sorted by bucket, chunk by chunk, so that a
   * batch reads each chunk's table in one pass in the order of its addresses (pages brought in
   * in sequence, cache lines read ahead) rather than one query's buckets at random after
   * another's: for a batch of hundreds of queries or more.
   *
   * @param queries the query hashes
   * @param maxDistance 0..256 (upstream recommends 31)
   * @return for each query in order, its matches sorted by distance, then entry
   */
  public List<List<PdqMatch>> searchAll(List<PdqHash> queries, int maxDistance) {
    checkDistance(maxDistance);
    if (queries.size() > BATCH) {
      // Batches of a bounded size: the sorted probes of one take at most a few MB.
      List<List<PdqMatch>> out = new ArrayList<>(queries.size());
      for (int from = 0; from < queries.size(); from += BATCH) {
        out.addAll(searchAll(queries.subList(from, Math.min(queries.size(), from + BATCH)),
            maxDistance));
      }
      return out;
    }
    int[][] masks = masks(maxDistance);
    List<List<PdqMatch>> out = new ArrayList<>(queries.size());
    Query[] qs = new Query[queries.size()];
    for (int k = 0; k < qs.length; k++) {
      List<PdqMatch> found = new ArrayList<>();
      out.add(found);
      long[] q = Objects.requireNonNull(queries.get(k), "query").toWords();
      if (masks == null) {
        scan(q, maxDistance, Dihedral.ORIG, found);
        found.sort(ORDER);
      } else {
        qs[k] = new Query(q, maxDistance, Dihedral.ORIG, found);
      }
    }
    if (masks == null) {
      return out;
    }
    for (int c = 0; c < width.length; c++) {
      long[] probes = new long[qs.length * masks[c].length];
      int count = 0;
      for (int k = 0; k < qs.length; k++) {
        if (!qs[k].overBudget) {
          for (int mask : masks[c]) {
            probes[count++] = ((long) (qs[k].chunks[c] ^ mask) << 32) | k;
          }
        }
      }
      java.util.Arrays.sort(probes, 0, count);
      for (int i = 0; i < count; i++) {
        Query query = qs[(int) probes[i]];
        if (!query.overBudget) {
          probe(query, c, (int) (probes[i] >>> 32));
        }
      }
    }
    for (Query query : qs) {
      query.finish();
      query.out.sort(ORDER);
    }
    return out;
  }

  /** The probes of every chunk at a distance, or null when there are too many (then scan). */
  private int[][] masks(int maxDistance) {
    int m = width.length;
    int[][] masks = new int[m][];
    for (int c = 0; c < m; c++) {
      masks[c] = Probes.masks(width[c], maxDistance / m);
      if (masks[c] == null) {
        return null;
      }
    }
    return masks;
  }

  /** A query under way: its chunks, the bits its postings are compared with, its cost so far. */
  private final class Query {
    final long[] q;
    final int maxDistance;
    final int perChunk;
    final Dihedral variant;
    final List<PdqMatch> out;
    /** Where its matches start in {@link #out} (a dihedral search shares one list). */
    final int found;
    final int[] chunks;
    /** In place: per chunk, the query's bits as the postings carry them (see the file format). */
    final long[] bits0;
    final long[] bits1;
    /** Probe while that costs less than a scan (random reads against sequential ones). */
    long cost;
    boolean overBudget;
    final long[] candidate = new long[4];

    Query(long[] q, int maxDistance, Dihedral variant, List<PdqMatch> out) {
      this.q = q;
      this.maxDistance = maxDistance;
      this.perChunk = maxDistance / width.length;
      this.variant = variant;
      this.out = out;
      this.found = out.size();
      int m = width.length;
      chunks = new int[m];
      bits0 = new long[m];
      bits1 = new long[m];
      for (int c = 0; c < m; c++) {
        chunks[c] = chunk(q, 0, start[c], width[c]);
        if (tables instanceof Mapped mapped) {
          bits0[c] = record0(q, mapped.after[c]);
          bits1[c] = record1(q, mapped.after[c], 0);
        }
      }
    }

    /**
     * A clustered list or a large radius can make the buckets long: then the query scans
     * instead, its matches from the probes dropped.
     */
    void finish() {
      if (overBudget) {
        out.subList(found, out.size()).clear();
        scan(q, maxDistance, variant, out);
      }
    }
  }

  /** Checks the candidates of bucket b of chunk c for a query, unless that exceeds its budget. */
  private void probe(Query query, int c, int b) {
    Tables t = tables;
    int p = t.offset(c, b);
    int end = t.offset(c, b + 1);
    if (p < 0 || end < p || end > size) {
      throw new MalformedInputException("corrupt PDQ index: table " + c + " is not ordered");
    }
    query.cost += 1 + end - p;
    if (query.cost > size / RANDOM_ACCESS_COST) {
      query.overBudget = true;
      return;
    }
    t.postings(c, p, end);
    long[] q = query.q;
    int maxDistance = query.maxDistance;
    int left = maxDistance - Integer.bitCount(b ^ query.chunks[c]);
    Mapped mapped = t instanceof Mapped x ? x : null;
    long bits0 = query.bits0[c];
    long bits1 = query.bits1[c];
    for (; p < end; p++) {
      // In place, each posting carries 96 bits of its hash: a lower bound on the distance that
      // sorts out nearly every candidate without reading its hash.
      if (mapped != null
          && Long.bitCount(mapped.bits0(c, p) ^ bits0)
              + Long.bitCount((mapped.bits1(c, p) ^ bits1) >>> 32) > left) {
        continue;
      }
      int i = t.posting(c, p);
      if (i < 0 || i >= size) {
        throw new MalformedInputException("corrupt PDQ index: entry out of range in table " + c);
      }
      t.entry(i);
      long w0 = t.word(i, 0);
      long w1 = t.word(i, 1);
      long w2 = t.word(i, 2);
      long w3 = t.word(i, 3);
      int d = Long.bitCount(w0 ^ q[0]) + Long.bitCount(w1 ^ q[1])
          + Long.bitCount(w2 ^ q[2]) + Long.bitCount(w3 ^ q[3]);
      // Most candidates fail the distance; only a match needs the duplicate check.
      if (d <= maxDistance) {
        found(query, c, i, d, w0, w1, w2, w3);
      }
    }
  }

  /**
   * A candidate within the distance: kept unless an earlier chunk found it. A method of its own,
   * out of the search loop: a near match that several chunks find is rare and arrives late, and
   * its branch inside the loop made the JIT compile the whole search again when it first came.
   */
  private void found(Query query, int c, int i, int d, long w0, long w1, long w2, long w3) {
    long[] candidate = query.candidate;
    candidate[0] = w0;
    candidate[1] = w1;
    candidate[2] = w2;
    candidate[3] = w3;
    if (!seenInEarlierChunk(candidate, c, query.chunks, query.perChunk)) {
      query.out.add(new PdqMatch(i, d, query.variant));
    }
  }

  /** Whether a hash already qualified (and was therefore checked) in a chunk before c. */
  private boolean seenInEarlierChunk(long[] hash, int c, int[] qChunks, int perChunk) {
    for (int e = 0; e < c; e++) {
      if (Integer.bitCount(chunk(hash, 0, start[e], width[e]) ^ qChunks[e]) <= perChunk) {
        return true;
      }
    }
    return false;
  }

  /** Where the hashes and the chunk tables live: Java arrays (built) or a mapped file (opened). */
  private abstract static class Tables {
    /** Word k (0..3, most significant first) of entry i's hash, after {@link #entry(int)}. */
    abstract long word(int i, int k);

    /** Where bucket b of chunk c starts in its postings (bucket b ends where b + 1 starts). */
    abstract int offset(int c, int b);

    /** The entry at position p of chunk c's postings, after {@link #postings(int, int, int)}. */
    abstract int posting(int c, int p);

    /** Makes entry i's hash readable: checks the block that holds it, if not done before. */
    abstract void entry(int i);

    /** Makes postings [from, to) of chunk c readable. */
    abstract void postings(int c, int from, int to);

    /** A copy of chunk c's bucket offsets. */
    abstract int[] offsets(int c);

    /** A copy of chunk c's postings. */
    abstract int[] postings(int c);

    /** Checks every block against its checksum. */
    abstract void checkAll();

    /** Entry i's hash (its block checked) in {@code into}, which it returns. */
    final long[] hash(int i, long[] into) {
      entry(i);
      for (int k = 0; k < 4; k++) {
        into[k] = word(i, k);
      }
      return into;
    }
  }

  /** Tables in Java arrays: a built index. */
  private static final class Heap extends Tables {
    private final long[] words;
    private final int[][] offsets;
    private final int[][] postings;

    Heap(long[] words, int[][] offsets, int[][] postings) {
      this.words = words;
      this.offsets = offsets;
      this.postings = postings;
    }

    @Override
    long word(int i, int k) {
      return words[4 * i + k];
    }

    @Override
    int offset(int c, int b) {
      return offsets[c][b];
    }

    @Override
    int posting(int c, int p) {
      return postings[c][p];
    }

    @Override
    void entry(int i) {
      // Arrays need no check.
    }

    @Override
    void postings(int c, int from, int to) {
      // Arrays need no check.
    }

    @Override
    int[] offsets(int c) {
      return offsets[c].clone();
    }

    @Override
    int[] postings(int c) {
      return postings[c].clone();
    }

    @Override
    void checkAll() {
      // Built in this process: nothing to check.
    }
  }

  /**
   * Tables read in place from a mapped file, each block checked on first use. The hashes are
   * mapped in parts of 2^25 entries (1 GiB), so an index may exceed one mapping's 2 GiB; each
   * chunk's postings (16 bytes each, see the file format) are one mapping.
   */
  private static final class Mapped extends Tables {
    private static final int PART_SHIFT = 25;
    private static final int PART_MASK = (1 << PART_SHIFT) - 1;

    private final CheckedRegion region;
    private final java.nio.LongBuffer[] words;
    private final long wordsAt;
    private final java.nio.IntBuffer[] offsets;
    private final long[] offsetsAt;
    private final java.nio.LongBuffer[] postings;
    private final long[] postingsAt;
    /** Where chunk c's posting bits start: the bit after the chunk. */
    private final int[] after;

    private Mapped(CheckedRegion region, java.nio.LongBuffer[] words, long wordsAt,
        java.nio.IntBuffer[] offsets, long[] offsetsAt, java.nio.LongBuffer[] postings,
        long[] postingsAt, int[] after) {
      this.region = region;
      this.words = words;
      this.wordsAt = wordsAt;
      this.offsets = offsets;
      this.offsetsAt = offsetsAt;
      this.postings = postings;
      this.postingsAt = postingsAt;
      this.after = after;
    }

    static Mapped of(CheckedRegion r, int n, long wordsAt, int[] start, int[] width,
        long[] offsetsAt, long[] postingsAt) throws IOException {
      java.nio.LongBuffer[] words = new java.nio.LongBuffer[(n + PART_MASK) >>> PART_SHIFT];
      for (int p = 0; p < words.length; p++) {
        long from = (long) p << PART_SHIFT;
        long count = Math.min(1L << PART_SHIFT, n - from);
        words[p] = r.map(wordsAt + 32 * from, 32 * count).asLongBuffer();
      }
      int m = width.length;
      java.nio.IntBuffer[] offsets = new java.nio.IntBuffer[m];
      java.nio.LongBuffer[] postings = new java.nio.LongBuffer[m];
      int[] after = new int[m];
      for (int c = 0; c < m; c++) {
        offsets[c] = r.map(offsetsAt[c], 4L * ((1 << width[c]) + 1)).asIntBuffer();
        postings[c] = r.map(postingsAt[c], 16L * n).asLongBuffer();
        after[c] = start[c] + width[c];
      }
      return new Mapped(r, words, wordsAt, offsets, offsetsAt, postings, postingsAt, after);
    }

    @Override
    long word(int i, int k) {
      return words[i >>> PART_SHIFT].get(((i & PART_MASK) << 2) + k);
    }

    @Override
    int offset(int c, int b) {
      region.checkAt(offsetsAt[c] + 4L * b);
      return offsets[c].get(b);
    }

    @Override
    int posting(int c, int p) {
      return (int) postings[c].get(2 * p + 1);
    }

    /** The first long of posting p of chunk c (see the file format). */
    long bits0(int c, int p) {
      return postings[c].get(2 * p);
    }

    /** The second long of posting p of chunk c: 32 bits of hash (high), the entry (low). */
    long bits1(int c, int p) {
      return postings[c].get(2 * p + 1);
    }

    @Override
    void entry(int i) {
      // Hashes start at a multiple of 32 bytes: one never straddles two blocks.
      region.checkAt(wordsAt + 32L * i);
    }

    @Override
    void postings(int c, int from, int to) {
      region.check(postingsAt[c] + 16L * from, postingsAt[c] + 16L * to);
    }

    @Override
    int[] offsets(int c) {
      int[] a = new int[offsets[c].capacity()];
      region.check(offsetsAt[c], offsetsAt[c] + 4L * a.length);
      offsets[c].get(0, a);
      return a;
    }

    @Override
    int[] postings(int c) {
      int n = postings[c].capacity() / 2;
      int[] a = new int[n];
      region.check(postingsAt[c], postingsAt[c] + 16L * n);
      for (int p = 0; p < n; p++) {
        a[p] = posting(c, p);
      }
      return a;
    }

    /**
     * Checks that every posting's bits are the bits of its entry's hash, which {@link
     * PdqIndex#checkAll()} adds to the blocks' checksums: a candidate is skipped on those bits.
     */
    void checkPostingBits(int size) {
      long[] h = new long[4];
      for (int c = 0; c < postings.length; c++) {
        for (int p = 0; p < size; p++) {
          int i = posting(c, p);
          if (i < 0 || i >= size) {
            throw new MalformedInputException(
                "corrupt PDQ index: entry out of range in table " + c);
          }
          hash(i, h);
          if (bits0(c, p) != record0(h, after[c]) || bits1(c, p) != record1(h, after[c], i)) {
            throw new MalformedInputException(
                "corrupt PDQ index: a posting's bits differ from its hash in table " + c);
          }
        }
      }
    }

    @Override
    void checkAll() {
      region.checkAll();
    }

    /** The tables copied into arrays, every block checked. */
    Heap load(int n) {
      region.checkAll();
      long[] w = new long[4 * n];
      for (int p = 0; p < words.length; p++) {
        words[p].get(0, w, p << (PART_SHIFT + 2), words[p].capacity());
      }
      int m = offsets.length;
      int[][] off = new int[m][];
      int[][] post = new int[m][];
      for (int c = 0; c < m; c++) {
        off[c] = offsets(c);
        post[c] = postings(c);
      }
      return new Heap(w, off, post);
    }
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
