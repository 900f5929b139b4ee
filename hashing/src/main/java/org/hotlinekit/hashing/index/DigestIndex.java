package org.hotlinekit.hashing.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.internal.BinaryIo;
import org.hotlinekit.hashing.internal.CheckedRegion;

/**
 * Exact lookup of digests (MD5, SHA-1 or SHA-256) in a list of millions. Immutable and thread-safe.
 *
 * <pre>{@code
 * DigestIndex index = DigestIndex.of(DigestAlgorithm.MD5, listDigests);
 * int[] entries = index.find(fileMd5);     // positions of equal entries, empty if none
 * }</pre>
 *
 * <p>Layout: an <em>ordered</em> open-addressing table sized for a load of about 3/4. A slot holds
 * the digest's first 16 bytes as two longs (a whole MD5); the entry's position is in a parallel
 * {@code int} array and the bytes after the 16th (SHA-1, SHA-256) in a per-entry array. Digests
 * are uniform, so the home slot is the first 8 bytes scaled to the table: monotone in the digest.
 * Entries sit in digest order, each at its home slot or just after the entry before it, so a
 * lookup reads forward from the home slot only until it meets its digest, a greater one or an
 * empty slot: about 2.5 slots for a miss as for a hit (plain linear probing reads about 8.5 for a
 * miss at this load), which is one or two cache lines and no second array for an MD5.
 * {@link #containsEach} touches those lines for a batch of queries before probing, so their
 * memory latency overlaps. About 27 bytes per MD5 entry including its position (a {@code
 * HashSet} of boxed digests costs about 140). The all-zero first 16 bytes mark an empty slot;
 * entries whose first 16 bytes are zero are kept in a short side list instead.
 */
public final class DigestIndex {
  private static final int EMPTY = -1;
  /** Empty slots after the last used one, so that probes and batch touches stay in bounds. */
  private static final int SLACK = 8;
  private static final int BATCH = 64;

  private final DigestAlgorithm algorithm;
  private final int size;
  /** Home slots are spread over {@code [0, capacity)}; the table has {@code slots} slots. */
  private final int capacity;
  private final int slots;
  /** Where the tables live: Java arrays (built or loaded) or a mapped file (in place). */
  private final Tables tables;
  /** Positions of the entries whose first 16 bytes are zero, ascending. */
  private final int[] zeroEntries;
  private final int tailWords;

  private DigestIndex(DigestAlgorithm algorithm, int size, int capacity, int slots,
      Tables tables, int[] zeroEntries, int tailWords) {
    this.algorithm = algorithm;
    this.size = size;
    this.capacity = capacity;
    this.slots = slots;
    this.tables = tables;
    this.zeroEntries = zeroEntries;
    this.tailWords = tailWords;
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
    int tailWords = tailWords(algorithm);
    int capacity = capacityFor(n);
    long[] w0 = new long[n];
    long[] w1 = new long[n];
    long[] tails = new long[n * tailWords];
    int[] order = new int[n];
    int keyed = 0;
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      Digest d = Objects.requireNonNull(digests.get(i), "digest");
      if (d.algorithm() != algorithm) {
        throw new IllegalArgumentException(
            "entry " + i + " is " + d.algorithm().jcaName() + ", not " + algorithm.jcaName());
      }
      w0[i] = d.word(0);
      w1[i] = d.word(1);
      for (int t = 0; t < tailWords; t++) {
        tails[i * tailWords + t] = d.word(2 + t);
      }
      if ((w0[i] | w1[i]) == 0) {
        zeros++;
      } else {
        order[keyed++] = i;
      }
    }
    int[] zeroEntries = new int[zeros];
    for (int i = 0, z = 0; z < zeros; i++) {
      if ((w0[i] | w1[i]) == 0) {
        zeroEntries[z++] = i;
      }
    }
    int[] sorted = sortByKey(Arrays.copyOf(order, keyed), w0, w1);
    int last = -1;
    int[] position = new int[keyed];
    for (int j = 0; j < keyed; j++) {
      last = Math.max(home(w0[sorted[j]], capacity), last + 1);
      position[j] = last;
    }
    int slots = Math.max(capacity, last + 1) + SLACK;
    if (slots > MAX_SLOTS || slots < 0) {
      throw new IllegalArgumentException("too many digests for one index: " + n);
    }
    long[] table = new long[2 * slots];
    int[] entries = new int[slots];
    Arrays.fill(entries, EMPTY);
    for (int j = 0; j < keyed; j++) {
      int i = sorted[j];
      int s = position[j];
      table[2 * s] = w0[i];
      table[2 * s + 1] = w1[i];
      entries[s] = i;
    }
    return new DigestIndex(algorithm, n, capacity, slots,
        new Heap(table, entries, tails, tailWords), zeroEntries, tailWords);
  }

  private static int tailWords(DigestAlgorithm algorithm) {
    return (algorithm.byteLength() + 7) / 8 - 2;
  }

  private static int capacityFor(int n) {
    long capacity = n + (long) n / 3 + 16;
    if (capacity > MAX_SLOTS / 2) {
      throw new IllegalArgumentException("too many digests for one index: " + n);
    }
    return (int) capacity;
  }

  /** At most this many slots, so that the table of two longs per slot is one Java array. */
  private static final int MAX_SLOTS = Integer.MAX_VALUE / 2 - 16;

  /**
   * Entry positions in ascending order of their first 16 bytes (unsigned), equal keys in
   * position order: a stable radix sort on the first 8 bytes, then runs of equal first words
   * (rare: duplicates, or crafted lists) sorted by the next 8.
   */
  private static int[] sortByKey(int[] idx, long[] w0, long[] w1) {
    int n = idx.length;
    int[] tmp = new int[n];
    int[] count = new int[1 << 16];
    for (int shift = 0; shift < 64; shift += 16) {
      Arrays.fill(count, 0);
      for (int i : idx) {
        count[(int) (w0[i] >>> shift) & 0xffff]++;
      }
      for (int b = 0, sum = 0; b < count.length; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i : idx) {
        tmp[count[(int) (w0[i] >>> shift) & 0xffff]++] = i;
      }
      int[] swap = idx;
      idx = tmp;
      tmp = swap;
    }
    for (int from = 0; from < n; ) {
      int to = from + 1;
      while (to < n && w0[idx[to]] == w0[idx[from]]) {
        to++;
      }
      if (to - from > 1) {
        Integer[] run = new Integer[to - from];
        for (int k = 0; k < run.length; k++) {
          run[k] = idx[from + k];
        }
        Arrays.sort(run, (a, b) -> Long.compareUnsigned(w1[a], w1[b])); // stable
        for (int k = 0; k < run.length; k++) {
          idx[from + k] = run[k];
        }
      }
      from = to;
    }
    return idx;
  }

  /** The home slot: the first 8 bytes as a fraction of 2^64, scaled to the capacity. */
  private static int home(long head, int capacity) {
    return (int) Math.multiplyHigh(head >>> 1, (long) capacity << 1);
  }

  /** Whether key (a0, a1) sorts after (b0, b1), unsigned. */
  private static boolean after(long a0, long a1, long b0, long b1) {
    int c = Long.compareUnsigned(a0, b0);
    return c > 0 || (c == 0 && Long.compareUnsigned(a1, b1) > 0);
  }

  private static final long MAGIC = 0x484c4b4447535831L; // "HLKDGSX1"
  /**
   * Version 3: a {@link CheckedRegion} whose data is, little-endian: magic, version, algorithm,
   * entry count, capacity, slot count, tail words, zero-key count; padding to 48 bytes; the slots'
   * keys (2 longs each); their entries (ints); the zero-key entries; padding to 8 bytes; the tails.
   * (Version 2 was big-endian with one checksum; version 1 unordered, 12 bytes per slot.)
   */
  private static final int FORMAT_VERSION = 3;
  private static final int HEADER_BYTES = 48;

  /**
   * Saves the index to a file, atomically (a temporary file, forced to disk, then moved).
   *
   * @param file the target (replaced if it exists)
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
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
    CheckedRegion.Writer out = new CheckedRegion.Writer(ch, CheckedRegion.SMALL_BLOCKS);
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(algorithm.ordinal()).putInt(size)
        .putInt(capacity).putInt(slots).putInt(tailWords).putInt(zeroEntries.length);
    out.write(header.clear());
    int step = 1 << 16;
    long[] keys = new long[2 * step];
    for (int from = 0; from < slots; from += step) {
      int k = Math.min(step, slots - from);
      for (int j = 0; j < k; j++) {
        keys[2 * j] = tables.key(from + j, 0);
        keys[2 * j + 1] = tables.key(from + j, 1);
      }
      out.writeLongs(keys, 0, 2 * k);
    }
    int[] ints = new int[step];
    for (int from = 0; from < slots; from += step) {
      int k = Math.min(step, slots - from);
      for (int j = 0; j < k; j++) {
        ints[j] = tables.entry(from + j);
      }
      out.writeInts(java.util.Arrays.copyOf(ints, k));
    }
    out.writeInts(zeroEntries);
    out.align();
    long[] tail = new long[Math.max(1, tailWords) * step];
    for (int from = 0; from < size && tailWords > 0; from += step) {
      int k = Math.min(step, size - from);
      for (int j = 0; j < k; j++) {
        for (int t = 0; t < tailWords; t++) {
          tail[j * tailWords + t] = tables.tail(from + j, t);
        }
      }
      out.writeLongs(tail, 0, k * tailWords);
    }
    out.finish();
  }

  /**
   * Opens an index saved by {@link #writeTo(Path)} into memory, every part checked: magic number,
   * version and sizes, every 512-byte block against its CRC32C (one pass while the tables are
   * copied), slot bounds and entry positions as lookups read them; {@link #checkAll()} adds the
   * table's whole structure.
   *
   * @param file the file
   * @return the index
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not a digest index, truncated or corrupt
   */
  public static DigestIndex read(Path file) {
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
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not a digest index, truncated or corrupt
   */
  public static DigestIndex load(FileChannel ch, long position, long length) {
    return open(ch, position, length, true);
  }

  /**
   * Opens an index written by {@link #write(WritableByteChannel)} in place, as {@link
   * PdqIndex#map} does: opening costs the header and the block checksums; each block is checked
   * against its CRC32C the first time a lookup reads it (a corrupt block throws {@link
   * MalformedInputException} from that lookup, never a wrong answer); lookups are slower than on
   * a loaded index.
   *
   * @param ch the file, open for reading
   * @param position where the index starts
   * @param length the number of bytes the index occupies
   * @return the index
   * @throws InputReadException if reading fails
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not a digest index, truncated or corrupt
   */
  public static DigestIndex map(FileChannel ch, long position, long length) {
    return open(ch, position, length, false);
  }

  private static DigestIndex open(FileChannel ch, long position, long length, boolean load) {
    try {
      return open(CheckedRegion.open(ch, position, length, "digest index"), load);
    } catch (IOException e) {
      throw new InputReadException("could not read the digest index: "
          + InputReadException.reason(e), e);
    }
  }

  private static DigestIndex open(CheckedRegion r, boolean load) throws IOException {
    if (r.length() < 12) {
      throw new MalformedInputException("not a hotlinekit digest index: the file is too short");
    }
    if (r.getLong(0) != MAGIC) {
      throw new MalformedInputException("not a hotlinekit digest index (wrong magic number)");
    }
    int version = r.getInt(8);
    if (version != FORMAT_VERSION) {
      throw new UnsupportedInputException("digest index format version " + version
          + " is not supported (this is version " + FORMAT_VERSION
          + (version < FORMAT_VERSION ? "; rebuild the index from its list)" : ")"));
    }
    if (r.length() < HEADER_BYTES) {
      throw new MalformedInputException("corrupt digest index: the file is truncated");
    }
    int alg = r.getInt(12);
    int n = r.getInt(16);
    int capacity = r.getInt(20);
    int slots = r.getInt(24);
    int tailWords = r.getInt(28);
    int zeros = r.getInt(32);
    if (alg < 0 || alg >= DigestAlgorithm.values().length) {
      throw new MalformedInputException("corrupt digest index: unknown algorithm " + alg);
    }
    DigestAlgorithm algorithm = DigestAlgorithm.values()[alg];
    if (n < 0 || capacity <= n || capacity > MAX_SLOTS / 2 || slots < capacity + SLACK
        || slots > MAX_SLOTS || (long) slots > (long) capacity + n + SLACK || zeros < 0 || zeros > n
        || tailWords != tailWords(algorithm)) {
      throw new MalformedInputException("corrupt digest index: bad sizes");
    }
    long entriesAt = HEADER_BYTES + 16L * slots;
    long zerosAt = entriesAt + 4L * slots;
    long tailsAt = (zerosAt + 4L * zeros + 7) & ~7L;
    long expected = tailsAt + 8L * n * tailWords;
    if (r.length() != expected) {
      throw new MalformedInputException("corrupt digest index: the file has " + r.length()
          + " bytes of tables, " + expected + " expected"
          + (r.length() < expected ? " (truncated)" : ""));
    }
    int[] zeroEntries = new int[zeros];
    for (int z = 0; z < zeros; z++) {
      zeroEntries[z] = r.getInt(zerosAt + 4L * z);
      if (zeroEntries[z] < 0 || zeroEntries[z] >= n || (z > 0 && zeroEntries[z - 1] >= zeroEntries[z])) {
        throw new MalformedInputException("corrupt digest index: bad zero-key entry " + z);
      }
    }
    Mapped t = new Mapped(r, r.longs(HEADER_BYTES, 2L * slots), r.ints(entriesAt, slots),
        r.longs(tailsAt, (long) n * tailWords), tailWords);
    return new DigestIndex(algorithm, n, capacity, slots, load ? t.load() : t, zeroEntries,
        tailWords);
  }

  /**
   * Checks the whole index at once: every block of its file against its checksum and the whole
   * structure of its table (what lookups otherwise check as they read). A built index is always
   * whole.
   *
   * @throws MalformedInputException if anything is corrupt
   */
  public void checkAll() {
    tables.checkAll();
    checkStructure(size, capacity, slots, tables, zeroEntries);
  }

  /**
   * What lookups rely on, checked for a file whose checksums are right but whose content may have
   * been crafted: every entry exactly once; keys in order; each key at or after its home slot
   * with no empty slot between; empty slots at the end; zero-key entries ascending.
   */
  private static void checkStructure(
      int n, int capacity, int slots, Tables t, int[] zeroEntries) {
    boolean[] seen = new boolean[n];
    int used = 0;
    long prev0 = 0;
    long prev1 = 0;
    for (int s = 0; s < slots; s++) {
      long k0 = t.key(s, 0);
      long k1 = t.key(s, 1);
      int i = t.entry(s);
      if ((k0 | k1) == 0) {
        if (i != EMPTY) {
          throw new MalformedInputException("corrupt digest index: bad slot " + s);
        }
        continue;
      }
      int home = home(k0, capacity);
      if (i < 0 || i >= n || seen[i] || s >= slots - SLACK || home > s
          || (home < s && t.entry(s - 1) == EMPTY) || after(prev0, prev1, k0, k1)) {
        throw new MalformedInputException("corrupt digest index: bad slot " + s);
      }
      seen[i] = true;
      used++;
      prev0 = k0;
      prev1 = k1;
    }
    for (int z = 0; z < zeroEntries.length; z++) {
      int i = zeroEntries[z];
      if (i < 0 || i >= n || seen[i] || (z > 0 && zeroEntries[z - 1] >= i)) {
        throw new MalformedInputException("corrupt digest index: bad zero-key entry " + z);
      }
      seen[i] = true;
      used++;
    }
    if (used != n) {
      throw new MalformedInputException("corrupt digest index: entries missing from the table");
    }
  }

  /** Where the slots and tails live: Java arrays (built) or a mapped file (opened). */
  private abstract static class Tables {
    /** Word k (0 or 1) of slot s's key: bytes 0..7 or 8..15 of the digest, big-endian. */
    abstract long key(int s, int k);

    /** The entry of slot s, or {@link #EMPTY}. */
    abstract int entry(int s);

    /** Word t of entry i's bytes after the 16th. */
    abstract long tail(int i, int t);

    /** Checks every block against its checksum. */
    abstract void checkAll();
  }

  /** Tables in Java arrays: a built index. */
  private static final class Heap extends Tables {
    private final long[] table;
    private final int[] entries;
    private final long[] tails;
    private final int tailWords;

    Heap(long[] table, int[] entries, long[] tails, int tailWords) {
      this.table = table;
      this.entries = entries;
      this.tails = tails;
      this.tailWords = tailWords;
    }

    @Override
    long key(int s, int k) {
      return table[2 * s + k];
    }

    @Override
    int entry(int s) {
      return entries[s];
    }

    @Override
    long tail(int i, int t) {
      return tails[i * tailWords + t];
    }

    @Override
    void checkAll() {
      // Built in this process: nothing to check.
    }
  }

  /** Tables read in place from a mapped file, each block checked on first use. */
  private static final class Mapped extends Tables {
    private final CheckedRegion region;
    private final CheckedRegion.Longs table;
    private final CheckedRegion.Ints entries;
    private final CheckedRegion.Longs tails;
    private final int tailWords;

    Mapped(CheckedRegion region, CheckedRegion.Longs table, CheckedRegion.Ints entries,
        CheckedRegion.Longs tails, int tailWords) {
      this.region = region;
      this.table = table;
      this.entries = entries;
      this.tails = tails;
      this.tailWords = tailWords;
    }

    @Override
    long key(int s, int k) {
      return table.get(2L * s + k);
    }

    @Override
    int entry(int s) {
      return entries.get(s);
    }

    @Override
    long tail(int i, int t) {
      return tails.get((long) i * tailWords + t);
    }

    @Override
    void checkAll() {
      region.checkAll();
    }

    /** The tables copied into arrays, every block checked. */
    Heap load() {
      region.checkAll();
      return new Heap(table.toArray(), entries.toArray(), tails.toArray(), tailWords);
    }
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
    if (digest.algorithm() != algorithm || size == 0) {
      return false;
    }
    long q0 = digest.word(0);
    long q1 = digest.word(1);
    return probe(home(q0, capacity), q0, q1, digest);
  }

  /**
   * Looks many digests up at once, faster than one by one: the table reads of a batch are issued
   * together, so the processor overlaps their memory latency.
   *
   * @param queries the digests to look up
   * @return for each query, whether any entry equals it
   */
  public boolean[] containsEach(List<Digest> queries) {
    int n = queries.size();
    boolean[] out = new boolean[n];
    if (size == 0) {
      return out;
    }
    int[] homes = new int[BATCH];
    long[] q0 = new long[BATCH];
    long[] q1 = new long[BATCH];
    Digest[] ds = new Digest[BATCH];
    long sink = 0;
    Tables t = tables;
    for (int from = 0; from < n; from += BATCH) {
      int count = Math.min(BATCH, n - from);
      // Read the queries first and the table second: the table loads then depend on nothing
      // but words already read, so the processor has the whole batch in flight at once.
      for (int k = 0; k < count; k++) {
        Digest d = queries.get(from + k);
        ds[k] = d.algorithm() == algorithm ? d : null;
        if (ds[k] != null) {
          q0[k] = d.word(0);
          q1[k] = d.word(1);
        }
      }
      for (int k = 0; k < count; k++) {
        if (ds[k] != null) {
          int s = home(q0[k], capacity);
          homes[k] = s;
          // The home slot's cache line and the next: a probe reads ~2.5 slots of 16 bytes.
          sink += t.key(s, 0) + t.key(s + 4, 0);
        }
      }
      for (int k = 0; k < count; k++) {
        if (ds[k] != null) {
          out[from + k] = probe(homes[k], q0[k], q1[k], ds[k]);
        }
      }
    }
    if (sink == 42) {
      // Keeps the touching loads from being optimised away; never true in practice, harmless.
      Thread.onSpinWait();
    }
    return out;
  }

  private boolean probe(int home, long q0, long q1, Digest d) {
    if ((q0 | q1) == 0) {
      for (int i : zeroEntries) {
        if (tailEquals(i, d)) {
          return true;
        }
      }
      return false;
    }
    Tables t = tables;
    for (int s = home; ; s++) {
      if (s >= slots) {
        throw outOfSlots();
      }
      long k0 = t.key(s, 0);
      long k1 = t.key(s, 1);
      if (k0 == q0 && k1 == q1) {
        if (tailWords == 0 || tailEquals(entryAt(s), d)) {
          return true;
        }
      } else if ((k0 | k1) == 0 || after(k0, k1, q0, q1)) {
        return false;
      }
    }
  }

  /**
   * The positions of all entries equal to the digest.
   *
   * @param digest the digest to look up
   * @return the entry positions in ascending order; empty if none
   */
  public int[] find(Digest digest) {
    if (digest.algorithm() != algorithm || size == 0) {
      return new int[0];
    }
    long q0 = digest.word(0);
    long q1 = digest.word(1);
    if ((q0 | q1) == 0) {
      return Arrays.stream(zeroEntries).filter(i -> tailEquals(i, digest)).toArray();
    }
    int[] found = new int[0];
    Tables t = tables;
    for (int s = home(q0, capacity); ; s++) {
      if (s >= slots) {
        throw outOfSlots();
      }
      long k0 = t.key(s, 0);
      long k1 = t.key(s, 1);
      if (k0 == q0 && k1 == q1) {
        int i = entryAt(s);
        if (tailEquals(i, digest)) {
          found = Arrays.copyOf(found, found.length + 1);
          found[found.length - 1] = i;
        }
      } else if ((k0 | k1) == 0 || after(k0, k1, q0, q1)) {
        break;
      }
    }
    Arrays.sort(found);
    return found;
  }

  /** The entry of a used slot, checked to be one. */
  private int entryAt(int s) {
    int i = tables.entry(s);
    if (i < 0 || i >= size) {
      throw new MalformedInputException("corrupt digest index: bad slot " + s);
    }
    return i;
  }

  private static MalformedInputException outOfSlots() {
    return new MalformedInputException("corrupt digest index: a lookup ran past the last slot");
  }

  /** Whether entry i's bytes after the 16th equal the digest's. */
  private boolean tailEquals(int i, Digest d) {
    for (int t = 0; t < tailWords; t++) {
      if (tables.tail(i, t) != d.word(2 + t)) {
        return false;
      }
    }
    return true;
  }
}
