package org.hotlinekit.hashing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;
import org.hotlinekit.core.MalformedInputException;

/**
 * A region of a file, memory-mapped read-only, whose blocks (4 KiB, or 512 bytes for tables read
 * at random) are each checked against their CRC32C before their first use: opening costs the
 * trailer and the table of block checksums (0.1 % or 0.8 % of the data), not a pass over the
 * data, and a corrupt block is refused the first time anything reads it, never used. Once a
 * quarter of the blocks were checked one at a time, a daemon thread checks the rest in one
 * sequential pass (cheaper per page than reading them at random) and marks those it finds whole;
 * no read waits for it. Tables handed out by {@link #map} are views of the region's own mapping
 * where they fit one part, so that pass brings their pages in too.
 *
 * <p>Layout (little-endian): the data; one CRC32C per block of it (the last block may be
 * shorter); a 24-byte trailer: the data length (8 bytes), the CRC32C of the checksum table (4),
 * the block size's log2 (4) and the magic {@code HLKBLKS1} (8). {@link Writer} writes it.
 *
 * <p>The mappings stay valid after the channel is closed. A file must not be cut short or
 * rewritten in place while it is mapped (hotlinekit's writers replace files by a rename, which
 * is safe): the JDK then throws {@link InternalError} from the read that meets the missing page. Checked blocks are remembered in a
 * bit set written without locks: a lost update only makes a block be checked twice, and every bit
 * ever written stands for a block that was checked.
 */
public final class CheckedRegion {
  /** The default block size, 4 KiB (a page): for data read in sequence. */
  public static final int PAGE_BLOCKS = 12;

  /**
   * A small block size, 512 bytes, for tables read at random (hash tables, postings): the first
   * read of an entry checks 512 bytes, not a page; the checksums take 0.8 % of the data.
   */
  public static final int SMALL_BLOCKS = 9;

  private static final int MIN_SHIFT = 6;
  private static final int MAX_SHIFT = 20;
  private static final long MAGIC = 0x484c4b424c4b5331L; // "HLKBLKS1"
  private static final int TRAILER = 24;
  /** The data is mapped in parts of this size for checking and small reads. */
  private static final int PART_SHIFT = 30;

  private final FileChannel channel;
  private final long position;
  private final long length;
  private final int shift;
  private final ByteBuffer[] parts;
  private final int[] crcs;
  private final long[] checked;
  private final String what;
  /** Blocks checked one at a time (counted without locks: a lost count only delays the pass). */
  private int checkedOneByOne;
  /** After this many, the rest are checked in one pass (see verify). */
  private final int sweepAfter;
  /**
   * The thread of that pass, made with the region and started by verify: a read's hot path
   * compiled before the pass starts then holds no allocation of a class it never saw used,
   * which the JIT would compile as a trap (measured: the PDQ search was compiled again, at up
   * to half a second of one core, each time the pass started under it).
   */
  private final Thread pass;

  private CheckedRegion(FileChannel channel, long position, long length, int shift,
      ByteBuffer[] parts, int[] crcs, String what) {
    this.channel = channel;
    this.position = position;
    this.length = length;
    this.shift = shift;
    this.parts = parts;
    this.crcs = crcs;
    this.checked = new long[(crcs.length + 63) >>> 6];
    this.what = what;
    this.sweepAfter = Math.max(64, crcs.length / 4);
    this.pass = new Thread(this::checkRest, "hotlinekit-check " + what);
    pass.setDaemon(true);
  }

  /**
   * Opens the region that occupies {@code [position, position + size)} of a file: reads the
   * trailer and the block checksums, checks the checksums' own CRC32C, maps the data.
   *
   * @param ch the file, open for reading
   * @param position where the region starts
   * @param size the region's size, data, checksums and trailer together
   * @param what how errors name the region, e.g. "PDQ index"
   * @return the region
   * @throws MalformedInputException if the region is not one, truncated, or its checksums corrupt
   * @throws IOException if reading fails
   */
  public static CheckedRegion open(FileChannel ch, long position, long size, String what)
      throws IOException {
    if (size < TRAILER) {
      throw new MalformedInputException(what + ": the file is too short (truncated)");
    }
    ByteBuffer t = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, t, position + size - TRAILER, what);
    t.flip();
    long length = t.getLong();
    int tableCrc = t.getInt();
    int shift = t.getInt();
    if (t.getLong() != MAGIC) {
      throw new MalformedInputException(what + ": not a checked hotlinekit region (wrong magic"
          + " number at its end; truncated?)");
    }
    if (shift < MIN_SHIFT || shift > MAX_SHIFT || length < 0) {
      throw new MalformedInputException(what + ": a bad trailer (corrupt)");
    }
    long blocks = (length + (1L << shift) - 1) >>> shift;
    if (blocks > Integer.MAX_VALUE / 4
        || length + 4 * blocks + TRAILER != size) {
      throw new MalformedInputException(what + ": its size does not match its trailer"
          + " (truncated or corrupt)");
    }
    ByteBuffer table = ByteBuffer.allocate((int) (4 * blocks)).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, table, position + length, what);
    table.flip();
    CRC32C crc = new CRC32C();
    crc.update(table.duplicate());
    if ((int) crc.getValue() != tableCrc) {
      throw new MalformedInputException(what + ": checksum mismatch in its block checksums");
    }
    int[] crcs = new int[(int) blocks];
    table.asIntBuffer().get(crcs);
    int partCount = (int) ((length + (1L << PART_SHIFT) - 1) >>> PART_SHIFT);
    ByteBuffer[] parts = new ByteBuffer[partCount];
    for (int p = 0; p < partCount; p++) {
      long from = (long) p << PART_SHIFT;
      parts[p] = ch.map(FileChannel.MapMode.READ_ONLY, position + from,
          Math.min(1L << PART_SHIFT, length - from)).order(ByteOrder.LITTLE_ENDIAN);
    }
    return new CheckedRegion(ch, position, length, shift, parts, crcs, what);
  }

  /**
   * The data's length in bytes.
   *
   * @return the length
   */
  public long length() {
    return length;
  }

  /**
   * Maps {@code [from, from + size)} of the data as its own little-endian buffer, e.g. a table to
   * read in place; only while the channel given to {@link #open} is open. The caller checks the
   * blocks it reads ({@link #check}) before using them.
   *
   * @param from where, in the data
   * @param size how many bytes, at most 2 GiB
   * @return the buffer
   * @throws IOException if mapping fails
   */
  public ByteBuffer map(long from, long size) throws IOException {
    if (from < 0 || size < 0 || from + size > length || size > Integer.MAX_VALUE) {
      throw new MalformedInputException(what + ": a table lies outside its region");
    }
    if (size == 0) {
      return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
    }
    int part = (int) (from >>> PART_SHIFT);
    long at = from & ((1L << PART_SHIFT) - 1);
    if (at + size <= parts[part].capacity()) {
      // A view of the region's own mapping: the pages the checks bring in (above all the
      // one-pass check, see verify) are then mapped for the reader too; a fresh mapping would
      // fault on each page again.
      return parts[part].slice((int) at, (int) size).order(ByteOrder.LITTLE_ENDIAN);
    }
    return channel.map(FileChannel.MapMode.READ_ONLY, position + from, size)
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Checks every block that overlaps {@code [from, to)} of the data, each once in the region's
   * life.
   *
   * @param from the first byte
   * @param to one past the last byte
   * @throws MalformedInputException if a block's checksum does not match, or the range is outside
   *     the data
   */
  public void check(long from, long to) {
    if (from < 0 || to > length || from > to) {
      throw new MalformedInputException(what + ": a read outside its data (corrupt)");
    }
    if (from == to) {
      return;
    }
    // An int loop with an exclusive end (blocks are numbered by ints): a long counter, or an
    // inclusive end, costs the JIT a check it compiles as a trap and recompiles over.
    int end = (int) ((to - 1) >>> shift) + 1;
    for (int b = (int) (from >>> shift); b < end; b++) {
      checkBlock(b);
    }
  }

  /**
   * The block size's log2.
   *
   * @return the shift: the block of data offset {@code o} is {@code o >>> shift()}
   */
  public int shift() {
    return shift;
  }

  /**
   * Checks the block that holds data offset {@code at} unless it was checked before: the hot
   * path of a reader in place.
   *
   * @param at a data offset
   */
  public void checkAt(long at) {
    checkBlock((int) (at >>> shift));
  }

  /**
   * Checks one block unless it was checked before.
   *
   * @param block the block number ({@code offset >>> shift()})
   * @throws MalformedInputException if its checksum does not match
   */
  public void checkBlock(int block) {
    if ((checked[block >>> 6] & (1L << block)) == 0) {
      verify(block);
    }
  }

  private void verify(int block) {
    // Checking block by block reads at random, and a block first read at random cost 2 to 6 times
    // (about 4) one read in sequence (page faults; 7-19 against 3.3 microseconds, measured on a
    // 278 MB index). Once a quarter of the blocks were checked one at a time, what that cost is
    // about what one pass over all of them costs, and a pass over the rest starts (which brings
    // their pages in): the rule of renting until the rent paid equals the price, at most about
    // twice the cheapest way whatever reads come next. It runs in a thread of its own, so that no
    // read waits for it (a 10M-entry PDQ index is a pass of seconds), and it only marks the
    // blocks it found whole: a corrupt block is still refused by the read that needs it.
    if (++checkedOneByOne == sweepAfter) {
      pass.start();
    }
    long from = (long) block << shift;
    int size = (int) Math.min(1L << shift, length - from);
    ByteBuffer part = parts[(int) (from >>> PART_SHIFT)];
    int at = (int) (from & ((1L << PART_SHIFT) - 1));
    // Copied first: a file cut short under its mapping makes the copy throw an InternalError
    // (the JDK guards buffer copies), where the checksum's native loop would crash the JVM.
    byte[] bytes = new byte[size];
    part.get(at, bytes, 0, size);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, size);
    if ((int) crc.getValue() != crcs[block]) {
      throw new MalformedInputException(what + ": checksum mismatch in block " + block
          + " (the file is corrupt; rebuild it)");
    }
    checked[block >>> 6] |= 1L << block;
  }

  /**
   * Checks every block: what opening checks lazily, all at once, copying 64 KiB at a time (one
   * guarded copy and one checksum call per block, no allocation per block).
   */
  public void checkAll() {
    checkAll(true);
  }

  /** How many blocks are known to be whole (for tests). */
  int checkedBlocks() {
    int n = 0;
    for (long word : checked) {
      n += Long.bitCount(word);
    }
    return n;
  }

  /** The pass that verify starts: marks the whole blocks, leaves the rest to their readers. */
  private void checkRest() {
    try {
      checkAll(false);
    } catch (RuntimeException | InternalError e) {
      // A file cut short under its mapping (InternalError from the guarded copy): the read that
      // needs the missing page meets it itself.
    }
  }

  private void checkAll(boolean refuse) {
    int perChunk = Math.max(1, (1 << 16) >>> shift);
    byte[] buf = new byte[perChunk << shift];
    CRC32C crc = new CRC32C();
    for (int b = 0; b < crcs.length; b += perChunk) {
      int last = Math.min(crcs.length, b + perChunk);
      long from = (long) b << shift;
      long to = Math.min(length, (long) last << shift);
      // A chunk never crosses a part: parts are 1 GiB, a multiple of the chunk.
      ByteBuffer part = parts[(int) (from >>> PART_SHIFT)];
      part.get((int) (from & ((1L << PART_SHIFT) - 1)), buf, 0, (int) (to - from));
      for (int k = b; k < last; k++) {
        if ((checked[k >>> 6] & (1L << k)) != 0) {
          continue;
        }
        int off = (k - b) << shift;
        int size = (int) Math.min(1L << shift, length - ((long) k << shift));
        crc.reset();
        crc.update(buf, off, size);
        if ((int) crc.getValue() != crcs[k]) {
          if (refuse) {
            throw new MalformedInputException(what + ": checksum mismatch in block " + k
                + " (the file is corrupt; rebuild it)");
          }
          continue;
        }
        checked[k >>> 6] |= 1L << k;
      }
    }
  }

  /**
   * Copies {@code [from, from + dst.length)} of the data into {@code dst}, checking its blocks
   * first.
   *
   * @param from where, in the data
   * @param dst where to
   */
  public void read(long from, byte[] dst) {
    check(from, from + dst.length);
    int done = 0;
    while (done < dst.length) {
      long at = from + done;
      ByteBuffer part = parts[(int) (at >>> PART_SHIFT)];
      int in = (int) (at & ((1L << PART_SHIFT) - 1));
      int n = Math.min(dst.length - done, part.capacity() - in);
      part.get(in, dst, done, n);
      done += n;
    }
  }

  /**
   * The little-endian long at {@code from}, its blocks checked.
   *
   * @param from where, in the data
   * @return the value
   */
  public long getLong(long from) {
    byte[] b = new byte[8];
    read(from, b);
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /**
   * The little-endian int at {@code from}, its blocks checked.
   *
   * @param from where, in the data
   * @return the value
   */
  public int getInt(long from) {
    byte[] b = new byte[4];
    read(from, b);
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /**
   * A table of {@code count} longs at {@code from} in the data, read in place (mapped in parts of
   * 1 GiB, so it may exceed 2 GiB), each read checking its block first.
   *
   * @param from where the table starts, a multiple of 8
   * @param count its length in longs
   * @return the table
   * @throws IOException if mapping fails
   */
  public Longs longs(long from, long count) throws IOException {
    java.nio.LongBuffer[] p = new java.nio.LongBuffer[(int) ((count + Longs.MASK) >>> Longs.SHIFT)];
    for (int k = 0; k < p.length; k++) {
      long first = (long) k << Longs.SHIFT;
      p[k] = map(from + 8 * first, 8 * Math.min(1L << Longs.SHIFT, count - first)).asLongBuffer();
    }
    return new Longs(this, from, count, p);
  }

  /**
   * A table of {@code count} ints at {@code from} in the data, read in place like {@link #longs}.
   *
   * @param from where the table starts, a multiple of 4
   * @param count its length in ints
   * @return the table
   * @throws IOException if mapping fails
   */
  public Ints ints(long from, long count) throws IOException {
    java.nio.IntBuffer[] p = new java.nio.IntBuffer[(int) ((count + Ints.MASK) >>> Ints.SHIFT)];
    for (int k = 0; k < p.length; k++) {
      long first = (long) k << Ints.SHIFT;
      p[k] = map(from + 4 * first, 4 * Math.min(1L << Ints.SHIFT, count - first)).asIntBuffer();
    }
    return new Ints(this, from, count, p);
  }

  /** Longs read in place, each read checking its block (see {@link #longs}). */
  public static final class Longs {
    static final int SHIFT = 27;
    static final long MASK = (1L << SHIFT) - 1;
    private final CheckedRegion region;
    private final long at;
    private final long count;
    private final java.nio.LongBuffer[] parts;

    Longs(CheckedRegion region, long at, long count, java.nio.LongBuffer[] parts) {
      this.region = region;
      this.at = at;
      this.count = count;
      this.parts = parts;
    }

    /**
     * Element {@code i}, its block checked.
     *
     * @param i the index, {@code 0 <= i < count}
     * @return the value
     */
    public long get(long i) {
      region.checkAt(at + 8 * i);
      return parts[(int) (i >>> SHIFT)].get((int) (i & MASK));
    }

    /**
     * All elements in one array, their blocks checked.
     *
     * @return the copy
     * @throws IllegalStateException if there are more than an array holds
     */
    public long[] toArray() {
      if (count > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many longs for one array: " + count);
      }
      region.check(at, at + 8 * count);
      long[] a = new long[(int) count];
      for (int p = 0; p < parts.length; p++) {
        parts[p].get(0, a, p << SHIFT, parts[p].capacity());
      }
      return a;
    }

    /**
     * The number of elements.
     *
     * @return the count
     */
    public long count() {
      return count;
    }
  }

  /** Ints read in place, each read checking its block (see {@link #ints}). */
  public static final class Ints {
    static final int SHIFT = 28;
    static final long MASK = (1L << SHIFT) - 1;
    private final CheckedRegion region;
    private final long at;
    private final long count;
    private final java.nio.IntBuffer[] parts;

    Ints(CheckedRegion region, long at, long count, java.nio.IntBuffer[] parts) {
      this.region = region;
      this.at = at;
      this.count = count;
      this.parts = parts;
    }

    /**
     * Element {@code i}, its block checked.
     *
     * @param i the index, {@code 0 <= i < count}
     * @return the value
     */
    public int get(long i) {
      region.checkAt(at + 4 * i);
      return parts[(int) (i >>> SHIFT)].get((int) (i & MASK));
    }

    /**
     * All elements in one array, their blocks checked.
     *
     * @return the copy
     * @throws IllegalStateException if there are more than an array holds
     */
    public int[] toArray() {
      if (count > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many ints for one array: " + count);
      }
      region.check(at, at + 4 * count);
      int[] a = new int[(int) count];
      for (int p = 0; p < parts.length; p++) {
        parts[p].get(0, a, p << SHIFT, parts[p].capacity());
      }
      return a;
    }

    /**
     * The number of elements.
     *
     * @return the count
     */
    public long count() {
      return count;
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at, String what)
      throws IOException {
    long p = at;
    while (b.hasRemaining()) {
      int r = ch.read(b, p);
      if (r < 0) {
        throw new MalformedInputException(what + ": the file ends too early (truncated)");
      }
      p += r;
    }
  }

  /**
   * Writes a region: the data passes through it to the target channel, its block checksums are
   * computed on the way, and {@link #finish} appends them and the trailer.
   */
  public static final class Writer implements WritableByteChannel {
    private final WritableByteChannel out;
    private final int shift;
    private final int block;
    private final ByteBuffer scratch = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private int[] crcs = new int[1024];
    private int blocks;
    private CRC32C current = new CRC32C();
    private int inBlock;
    private long written;

    /**
     * A writer to a channel, from its current position, with 4 KiB blocks.
     *
     * @param out the target
     */
    public Writer(WritableByteChannel out) {
      this(out, PAGE_BLOCKS);
    }

    /**
     * A writer to a channel, from its current position.
     *
     * @param out the target
     * @param shift the block size's log2, e.g. {@link #PAGE_BLOCKS} or {@link #SMALL_BLOCKS}
     */
    public Writer(WritableByteChannel out, int shift) {
      if (shift < MIN_SHIFT || shift > MAX_SHIFT) {
        throw new IllegalArgumentException("block shift " + shift);
      }
      this.out = out;
      this.shift = shift;
      this.block = 1 << shift;
    }

    @Override
    public boolean isOpen() {
      return out.isOpen();
    }

    @Override
    public void close() {
      // The target channel belongs to the caller.
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = src.remaining();
      ByteBuffer seen = src.duplicate();
      while (seen.hasRemaining()) {
        int k = Math.min(seen.remaining(), block - inBlock);
        current.update(seen.duplicate().limit(seen.position() + k));
        seen.position(seen.position() + k);
        inBlock += k;
        if (inBlock == block) {
          endBlock();
        }
      }
      while (src.hasRemaining()) {
        out.write(src);
      }
      written += n;
      return n;
    }

    private void endBlock() {
      if (blocks == crcs.length) {
        crcs = java.util.Arrays.copyOf(crcs, blocks * 2);
      }
      crcs[blocks++] = (int) current.getValue();
      current = new CRC32C();
      inBlock = 0;
    }

    /**
     * Writes longs, little-endian.
     *
     * @param a the values
     * @throws IOException if writing fails
     */
    public void writeLongs(long[] a) throws IOException {
      writeLongs(a, 0, a.length);
    }

    /**
     * Writes {@code a[from, from + count)}, little-endian.
     *
     * @param a the values
     * @param from the first
     * @param count how many
     * @throws IOException if writing fails
     */
    public void writeLongs(long[] a, int from, int count) throws IOException {
      for (int i = from, end = from + count; i < end; ) {
        int k = Math.min(end - i, scratch.capacity() / 8);
        scratch.clear();
        scratch.asLongBuffer().put(a, i, k);
        scratch.limit(8 * k);
        write(scratch);
        i += k;
      }
    }

    /**
     * Writes ints, little-endian.
     *
     * @param a the values
     * @throws IOException if writing fails
     */
    public void writeInts(int[] a) throws IOException {
      for (int i = 0; i < a.length; ) {
        int k = Math.min(a.length - i, scratch.capacity() / 4);
        scratch.clear();
        scratch.asIntBuffer().put(a, i, k);
        scratch.limit(4 * k);
        write(scratch);
        i += k;
      }
    }

    /**
     * Pads with zero bytes to a multiple of 8 bytes from the region's start.
     *
     * @throws IOException if writing fails
     */
    public void align() throws IOException {
      int pad = (int) (-written & 7);
      if (pad > 0) {
        write(ByteBuffer.allocate(pad));
      }
    }

    /**
     * The number of data bytes written so far: the offset of whatever is written next.
     *
     * @return the count
     */
    public long written() {
      return written;
    }

    /**
     * Appends the block checksums and the trailer; the writer is done.
     *
     * @throws IOException if writing fails
     */
    public void finish() throws IOException {
      if (inBlock > 0) {
        endBlock();
      }
      ByteBuffer table = ByteBuffer.allocate(4 * blocks).order(ByteOrder.LITTLE_ENDIAN);
      table.asIntBuffer().put(crcs, 0, blocks);
      CRC32C crc = new CRC32C();
      crc.update(table.duplicate());
      ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
      trailer.putLong(written).putInt((int) crc.getValue()).putInt(shift).putLong(MAGIC);
      trailer.flip();
      while (table.hasRemaining()) {
        out.write(table);
      }
      while (trailer.hasRemaining()) {
        out.write(trailer);
      }
    }
  }
}
