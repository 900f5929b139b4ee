package org.hotlinekit.hashing.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.internal.BinaryIo;

/**
 * Exact lookup of digests (MD5, SHA-1 or SHA-256) in a list of millions. Immutable and thread-safe.
 *
 * <pre>{@code
 * DigestIndex index = DigestIndex.of(DigestAlgorithm.MD5, listDigests);
 * int[] entries = index.find(fileMd5);     // positions of equal entries, empty if none
 * }</pre>
 *
 * <p>Layout: an open-addressing table with linear probing, sized for a load of about 3/4, whose
 * slots are two longs: the digest's first 8 bytes, and the entry's position with 4 more bytes of
 * the digest. Digests are uniformly distributed, so the first 8 bytes are the hash: a miss
 * usually costs one memory read (a probe run rarely leaves its cache line). A slot that agrees on
 * those 12 bytes is confirmed against the rest of the digest, kept in a separate array. About 29
 * bytes per MD5 entry including its position (a {@code HashSet} of boxed digests costs about 140).
 */
public final class DigestIndex {
  private static final long EMPTY_ENTRY = -1L;

  private final DigestAlgorithm algorithm;
  private final int size;
  private final int capacity;
  /** Slot s: {@code table[2s]} = bytes 0..7, {@code table[2s+1]} = bytes 8..11 << 32 | entry. */
  private final long[] table;
  /** Bytes 8.. of entry i, {@code tailWords} longs per entry (zero-padded). */
  private final long[] tails;
  private final int tailWords;

  private DigestIndex(
      DigestAlgorithm algorithm, int size, int capacity, long[] table, long[] tails, int tailWords) {
    this.algorithm = algorithm;
    this.size = size;
    this.capacity = capacity;
    this.table = table;
    this.tails = tails;
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
    int tailWords = (algorithm.byteLength() - 8 + 7) / 8;
    int capacity = (int) Math.min(Integer.MAX_VALUE / 2 - 8, n + (long) n / 3 + 16);
    long[] table = new long[2 * capacity];
    for (int s = 0; s < capacity; s++) {
      table[2 * s + 1] = EMPTY_ENTRY;
    }
    long[] tails = new long[n * tailWords];
    for (int i = 0; i < n; i++) {
      Digest d = Objects.requireNonNull(digests.get(i), "digest");
      if (d.algorithm() != algorithm) {
        throw new IllegalArgumentException(
            "entry " + i + " is " + d.algorithm().jcaName() + ", not " + algorithm.jcaName());
      }
      byte[] b = d.toByteArray();
      long head = word(b, 0);
      for (int t = 0; t < tailWords; t++) {
        tails[i * tailWords + t] = word(b, 8 + 8 * t);
      }
      int s = home(head, capacity);
      while (table[2 * s + 1] != EMPTY_ENTRY) {
        s = s + 1 == capacity ? 0 : s + 1;
      }
      table[2 * s] = head;
      table[2 * s + 1] = (tails[i * tailWords] & 0xffff_ffff_0000_0000L) | i;
    }
    return new DigestIndex(algorithm, n, capacity, table, tails, tailWords);
  }

  /** The home slot: the top bits of the (uniform) first 8 bytes, scaled to the capacity. */
  private static int home(long head, int capacity) {
    return (int) Math.multiplyHigh(head >>> 1, (long) capacity << 1);
  }

  /** Eight bytes big-endian from {@code off}, zero-padded past the end. */
  private static long word(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (off + i < b.length ? b[off + i] & 0xffL : 0);
    }
    return v;
  }

  private static final long MAGIC = 0x484c4b4447535831L; // "HLKDGSX1"
  private static final int FORMAT_VERSION = 1;

  /**
   * Saves the index to a file, atomically (a temporary file, forced to disk, then moved).
   *
   * @param file the target (replaced if it exists)
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   */
  public void writeTo(Path file) {
    BinaryIo.writeFile(file, this::write);
  }

  /**
   * Writes the index in its file format to a channel, e.g. as a section of a larger file that
   * the caller makes durable and closes; {@link #read(ReadableByteChannel, long)} reads it back.
   *
   * @param ch where to write
   * @throws IOException if writing fails
   */
  public void write(WritableByteChannel ch) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer header = ByteBuffer.allocate(28);
    header.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(algorithm.ordinal()).putInt(size)
        .putInt(capacity).putInt(tailWords);
    BinaryIo.writeAll(ch, header.flip(), crc);
    BinaryIo.writeLongs(ch, table, crc);
    BinaryIo.writeLongs(ch, tails, crc);
    BinaryIo.writeAll(ch, ByteBuffer.allocate(8).putLong(crc.getValue()).flip(), null);
  }

  /**
   * Opens an index saved by {@link #writeTo(Path)}, checking magic number, version, sizes (before
   * allocating), checksum and table structure first.
   *
   * @param file the file
   * @return the index
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not a digest index, truncated or corrupt
   */
  public static DigestIndex read(Path file) {
    return BinaryIo.readFile(file, DigestIndex::read);
  }

  /**
   * Reads an index written by {@link #write(WritableByteChannel)} from the next {@code length}
   * bytes of a channel, with the same checks as {@link #read(Path)}.
   *
   * @param ch the channel, positioned at the index
   * @param length the number of bytes the index occupies
   * @return the index
   * @throws IOException if reading fails
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not a digest index, truncated or corrupt
   */
  public static DigestIndex read(ReadableByteChannel ch, long length) throws IOException {
    if (length < 36) {
      throw new MalformedInputException("not a hotlinekit digest index: the file is too short");
    }
    ByteBuffer head = ByteBuffer.allocate(28);
    BinaryIo.readFully(ch, head);
    head.flip();
    if (head.getLong() != MAGIC) {
      throw new MalformedInputException("not a hotlinekit digest index (wrong magic number)");
    }
    int version = head.getInt();
    if (version != FORMAT_VERSION) {
      throw new UnsupportedInputException("digest index format version " + version
          + " is not supported (this is version " + FORMAT_VERSION + ")");
    }
    int alg = head.getInt();
    int n = head.getInt();
    int capacity = head.getInt();
    int tailWords = head.getInt();
    if (alg < 0 || alg >= DigestAlgorithm.values().length) {
      throw new MalformedInputException("corrupt digest index: unknown algorithm " + alg);
    }
    DigestAlgorithm algorithm = DigestAlgorithm.values()[alg];
    if (n < 0 || capacity <= n || capacity > Integer.MAX_VALUE / 2 - 8
        || tailWords != (algorithm.byteLength() - 8 + 7) / 8) {
      throw new MalformedInputException("corrupt digest index: bad sizes");
    }
    long expected = 28L + 16L * capacity + 8L * n * tailWords + 8;
    if (length != expected) {
      throw new MalformedInputException("corrupt digest index: the file has " + length
          + " bytes, " + expected + " expected" + (length < expected ? " (truncated)" : ""));
    }
    CRC32C crc = new CRC32C();
    crc.update(head.flip());
    long[] table = BinaryIo.readLongs(ch, 2 * capacity, crc);
    long[] tails = BinaryIo.readLongs(ch, n * tailWords, crc);
    ByteBuffer sum = ByteBuffer.allocate(8);
    BinaryIo.readFully(ch, sum);
    if (sum.flip().getLong() != crc.getValue()) {
      throw new MalformedInputException("corrupt digest index: checksum mismatch");
    }
    // Every entry in exactly one slot, and at least one empty slot (probes must end).
    boolean[] seen = new boolean[n];
    int used = 0;
    for (int slot = 0; slot < capacity; slot++) {
      long meta = table[2 * slot + 1];
      if (meta == EMPTY_ENTRY) {
        continue;
      }
      int i = (int) meta;
      if (i < 0 || i >= n || seen[i]) {
        throw new MalformedInputException("corrupt digest index: bad slot " + slot);
      }
      seen[i] = true;
      used++;
    }
    if (used != n) {
      throw new MalformedInputException("corrupt digest index: entries missing from the table");
    }
    return new DigestIndex(algorithm, n, capacity, table, tails, tailWords);
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
    long head = digest.word(0);
    return probe(home(head, capacity), head, digest);
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
    int batch = 256;
    int[] slots = new int[batch];
    long[] heads = new long[batch];
    Digest[] ds = new Digest[batch];
    long sink = 0;
    for (int from = 0; from < n; from += batch) {
      int count = Math.min(batch, n - from);
      for (int k = 0; k < count; k++) {
        Digest d = queries.get(from + k);
        ds[k] = d.algorithm() == algorithm && size > 0 ? d : null;
        if (ds[k] != null) {
          heads[k] = d.word(0);
          slots[k] = home(heads[k], capacity);
          // Touch the home slot now; the loads of the whole batch are independent.
          sink += table[2 * slots[k]];
        }
      }
      for (int k = 0; k < count; k++) {
        if (ds[k] != null) {
          out[from + k] = probe(slots[k], heads[k], ds[k]);
        }
      }
    }
    if (sink == 42) {
      // Keeps the touching loads from being optimised away; never true in practice, harmless.
      Thread.onSpinWait();
    }
    return out;
  }

  private boolean probe(int home, long head, Digest b) {
    long tail0 = b.word(1);
    for (int s = home; ; s = s + 1 == capacity ? 0 : s + 1) {
      long meta = table[2 * s + 1];
      if (meta == EMPTY_ENTRY) {
        return false;
      }
      if (table[2 * s] == head && matches(meta, tail0, b)) {
        return true;
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
    Digest b = digest;
    long head = b.word(0);
    long tail0 = b.word(1);
    int[] found = new int[0];
    for (int s = home(head, capacity); ; s = s + 1 == capacity ? 0 : s + 1) {
      long meta = table[2 * s + 1];
      if (meta == EMPTY_ENTRY) {
        break;
      }
      if (table[2 * s] == head && matches(meta, tail0, b)) {
        found = Arrays.copyOf(found, found.length + 1);
        found[found.length - 1] = (int) meta;
      }
    }
    Arrays.sort(found);
    return found;
  }

  /** Whether the slot's 4 tail bytes and then the entry's whole tail equal the query's. */
  private boolean matches(long meta, long tail0, Digest b) {
    if ((meta & 0xffff_ffff_0000_0000L) != (tail0 & 0xffff_ffff_0000_0000L)) {
      return false;
    }
    int i = (int) meta;
    for (int t = 0; t < tailWords; t++) {
      if (tails[i * tailWords + t] != b.word(1 + t)) {
        return false;
      }
    }
    return true;
  }
}
