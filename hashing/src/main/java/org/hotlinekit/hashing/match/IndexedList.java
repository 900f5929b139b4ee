package org.hotlinekit.hashing.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.index.DigestIndex;
import org.hotlinekit.hashing.index.PdqIndex;
import org.hotlinekit.hashing.internal.BinaryIo;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.core.hash.HashType;

/**
 * A hash list with its indexes built: one {@link DigestIndex} per digest algorithm and one {@link
 * PdqIndex}, each position tied to its entry. Build it once ({@link #of(HashList)}), save it
 * ({@link #writeTo(Path)}) and open it again ({@link #read(Path)}) to skip the index build, which
 * is the slow part of loading a list of millions of PDQ hashes. Immutable and thread-safe; a
 * {@link Matcher} shares it.
 *
 * <p>File format (version 1, big-endian): magic {@code HLKLIST1}, version, the list's name and
 * source, the entries as hotlinekit JSON lines, a CRC32C of all that; then each index in its own
 * file format (which carries its own checksum). Entries of types no index covers (PhotoDNA) are
 * kept in the list but never match.
 */
public final class IndexedList {
  private static final long MAGIC = 0x484c4b4c49535431L; // "HLKLIST1"
  /** Version 2 holds version 2 digest indexes (ordered tables); version 1 files are rebuilt. */
  private static final int FORMAT_VERSION = 2;
  private static final int MAX_NAME_BYTES = 1 << 16;

  private final HashList list;
  final Map<DigestAlgorithm, DigestIndex> digests;
  final Map<DigestAlgorithm, List<HashListEntry>> digestEntries;
  final PdqIndex pdq;
  final List<HashListEntry> pdqEntries;
  /** Entries of plug-in signal types, by type, each with its type's index. */
  final Map<HashType, List<HashListEntry>> signalEntries;
  final Map<HashType, org.hotlinekit.hashing.spi.SignalIndex> signalIndexes;

  private IndexedList(HashList list, Map<DigestAlgorithm, DigestIndex> digests,
      Map<DigestAlgorithm, List<HashListEntry>> digestEntries, PdqIndex pdq,
      List<HashListEntry> pdqEntries) {
    this.list = list;
    this.digests = digests;
    this.digestEntries = digestEntries;
    this.pdq = pdq;
    this.pdqEntries = pdqEntries;
    Map<HashType, List<HashListEntry>> bySignal = new java.util.HashMap<>();
    for (HashListEntry e : list.entries()) {
      if (e.hash().type().isPlugin()) {
        bySignal.computeIfAbsent(e.hash().type(), k -> new ArrayList<>()).add(e);
      }
    }
    bySignal.replaceAll((k, v) -> List.copyOf(v));
    this.signalEntries = Map.copyOf(bySignal);
    Map<HashType, org.hotlinekit.hashing.spi.SignalIndex> indexes = new java.util.HashMap<>();
    List<org.hotlinekit.hashing.spi.SignalHasher> installed = bySignal.isEmpty() ? List.of()
        : org.hotlinekit.hashing.spi.SignalHasher.installed();
    bySignal.forEach((type, entries) -> {
      List<org.hotlinekit.core.hash.HashValue> values = new ArrayList<>();
      entries.forEach(e -> values.add(e.hash()));
      // The installed plug-in of the type builds its index; without one, the scan.
      indexes.put(type, installed.stream()
          .filter(p -> p.type().equals(type)).findFirst()
          .map(p -> p.index(values))
          .orElseGet(() -> org.hotlinekit.hashing.spi.SignalIndex.scan(values)));
    });
    this.signalIndexes = Map.copyOf(indexes);
  }

  /** The entries of a list split by what indexes them, each part in list order. */
  private static final class Parts {
    final Map<DigestAlgorithm, List<Digest>> digests = new EnumMap<>(DigestAlgorithm.class);
    final Map<DigestAlgorithm, List<HashListEntry>> digestEntries =
        new EnumMap<>(DigestAlgorithm.class);
    final List<PdqHash> pdqs = new ArrayList<>();
    final List<HashListEntry> pdqEntries = new ArrayList<>();

    Parts(HashList list) {
      for (HashListEntry e : list.entries()) {
        Optional<Digest> d = e.hash().asDigest();
        if (d.isPresent()) {
          DigestAlgorithm a = d.get().algorithm();
          digests.computeIfAbsent(a, k -> new ArrayList<>()).add(d.get());
          digestEntries.computeIfAbsent(a, k -> new ArrayList<>()).add(e);
        } else if (e.hash().type() == HashType.PDQ) {
          pdqs.add(e.hash().asPdq().orElseThrow());
          pdqEntries.add(e);
        }
      }
    }
  }

  /**
   * Indexes a list.
   *
   * @param list the list
   * @return the list with its indexes
   */
  public static IndexedList of(HashList list) {
    Parts parts = new Parts(Objects.requireNonNull(list, "list"));
    Map<DigestAlgorithm, DigestIndex> digests = new EnumMap<>(DigestAlgorithm.class);
    parts.digests.forEach((a, ds) -> digests.put(a, DigestIndex.of(a, ds)));
    PdqIndex pdq = parts.pdqs.isEmpty() ? null : PdqIndex.of(parts.pdqs);
    return new IndexedList(list, digests, parts.digestEntries, pdq, List.copyOf(parts.pdqEntries));
  }

  /**
   * The list.
   *
   * @return the list, entries in their original order
   */
  public HashList list() {
    return list;
  }

  /**
   * The list's name.
   *
   * @return the name
   */
  public String name() {
    return list.name();
  }

  /**
   * Saves the list and its indexes, atomically (a temporary file, forced to disk, then moved over
   * the target).
   *
   * @param file the target (replaced if it exists)
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   */
  public void writeTo(Path file) {
    BinaryIo.writeFile(file, ch -> {
      ByteBuffer head = ByteBuffer.allocate(8 + 4 + 8);
      head.putLong(MAGIC).putInt(FORMAT_VERSION).putLong(0); // entry bytes, patched below
      BinaryIo.writeAll(ch, head.flip(), null);
      CRC32C crc = new CRC32C();
      byte[] name = list.name().getBytes(StandardCharsets.UTF_8);
      byte[] source = list.source().getBytes(StandardCharsets.UTF_8);
      if (name.length > MAX_NAME_BYTES || source.length > MAX_NAME_BYTES) {
        throw new IllegalArgumentException("list name or source longer than 64 KiB");
      }
      long start = ch.position();
      CheckedOutputStream out =
          new CheckedOutputStream(Channels.newOutputStream(ch), crc);
      java.io.DataOutputStream data = new java.io.DataOutputStream(out);
      data.writeInt(name.length);
      data.write(name);
      data.writeInt(source.length);
      data.write(source);
      Writer text = new java.io.BufferedWriter(
          new OutputStreamWriter(data, StandardCharsets.UTF_8), 1 << 16);
      HashListFormat.jsonLines().write(list.entries(), text);
      text.flush();
      long entryBytes = ch.position() - start;
      BinaryIo.writeAll(ch, ByteBuffer.allocate(8).putLong(crc.getValue()).flip(), null);
      ch.write(ByteBuffer.allocate(8).putLong(entryBytes).flip(), 12);
      // Indexes: a count, then (length, index file bytes) each.
      List<Object> indexes = new ArrayList<>(digests.values());
      if (pdq != null) {
        indexes.add(pdq);
      }
      BinaryIo.writeAll(ch, ByteBuffer.allocate(4).putInt(indexes.size()).flip(), null);
      for (Object index : indexes) {
        long at = ch.position();
        // The section's length, patched below.
        BinaryIo.writeAll(ch, ByteBuffer.allocate(8).putLong(0).flip(), null);
        long from = ch.position();
        if (index instanceof DigestIndex) {
          ((DigestIndex) index).write(ch);
        } else {
          ((PdqIndex) index).write(ch);
        }
        ch.write(ByteBuffer.allocate(8).putLong(ch.position() - from).flip(), at);
      }
    });
  }

  /**
   * Opens a file written by {@link #writeTo(Path)}: the header, the entries' checksum, every
   * index's own checks, and that each index has exactly the entries of its kind (PDQ index
   * positions hold the entries' hashes).
   *
   * @param file the file
   * @return the list with its indexes
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not an indexed list, truncated or corrupt
   */
  public static IndexedList read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long length = ch.size();
      ByteBuffer head = ByteBuffer.allocate(20);
      if (length < 20 + 8 + 8 + 4) {
        throw new MalformedInputException(
            file + ": not a hotlinekit indexed list (the file is too short)");
      }
      readFully(ch, head);
      head.flip();
      if (head.getLong() != MAGIC) {
        throw new MalformedInputException(
            file + ": not a hotlinekit indexed list (wrong magic number)");
      }
      int version = head.getInt();
      if (version != FORMAT_VERSION) {
        throw new UnsupportedInputException(file + ": indexed list format version " + version
            + " is not supported (this is version " + FORMAT_VERSION
            + (version < FORMAT_VERSION ? "; rebuild it: hotlinekit index build" : "") + ")");
      }
      long entryBytes = head.getLong();
      if (entryBytes < 8 || entryBytes > length - 20 - 8 - 4) {
        throw corrupt(file, "bad entry section length");
      }
      CRC32C crc = new CRC32C();
      BoundedInput bounded = new BoundedInput(Channels.newInputStream(ch), entryBytes);
      java.io.DataInputStream data =
          new java.io.DataInputStream(new CheckedInputStream(bounded, crc));
      String name = string(data, file);
      String source = string(data, file);
      List<HashListEntry> entries = new ArrayList<>();
      BufferedReader text =
          new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8));
      try {
        HashListFormat.jsonLines().read(text, file.toString(), true, entries::add);
      } catch (MalformedInputException e) {
        throw corrupt(file, "bad entry: " + e.getMessage());
      }
      if (bounded.remaining != 0) {
        throw corrupt(file, "entry section length mismatch");
      }
      ByteBuffer sum = ByteBuffer.allocate(8);
      readFully(ch, sum);
      if (sum.flip().getLong() != crc.getValue()) {
        throw corrupt(file, "checksum mismatch");
      }
      HashList list;
      try {
        list = new HashList(name, source, entries);
      } catch (IllegalArgumentException e) {
        throw corrupt(file, e.getMessage());
      }
      Parts parts = new Parts(list);

      ByteBuffer countBuf = ByteBuffer.allocate(4);
      readFully(ch, countBuf);
      int count = countBuf.flip().getInt();
      if (count < 0 || count > DigestAlgorithm.values().length + 1) {
        throw corrupt(file, "bad index count");
      }
      Map<DigestAlgorithm, DigestIndex> digests = new EnumMap<>(DigestAlgorithm.class);
      PdqIndex pdq = null;
      for (int i = 0; i < count; i++) {
        ByteBuffer lenBuf = ByteBuffer.allocate(8);
        readFully(ch, lenBuf);
        long len = lenBuf.flip().getLong();
        if (len < 8 || len > length - ch.position()) {
          throw corrupt(file, "bad index length");
        }
        ByteBuffer magic = ByteBuffer.allocate(8);
        long at = ch.position();
        readFully(ch, magic);
        ch.position(at);
        String kind = new String(magic.array(), StandardCharsets.US_ASCII);
        try {
          if (kind.equals("HLKPDQX1") && pdq == null) {
            pdq = PdqIndex.read(ch, len);
          } else if (kind.equals("HLKDGSX1")) {
            DigestIndex d = DigestIndex.read(ch, len);
            if (digests.put(d.algorithm(), d) != null) {
              throw corrupt(file, "two " + d.algorithm().id() + " indexes");
            }
          } else {
            throw corrupt(file, "unknown index section");
          }
        } catch (MalformedInputException e) {
          throw corrupt(file, e.getMessage());
        }
        if (ch.position() != at + len) {
          throw corrupt(file, "index section length mismatch");
        }
      }
      if (ch.position() != length) {
        throw corrupt(file, "unexpected bytes after the last index");
      }
      if (!digests.keySet().equals(parts.digests.keySet())) {
        throw corrupt(file, "the indexes do not cover the entries");
      }
      for (Map.Entry<DigestAlgorithm, DigestIndex> d : digests.entrySet()) {
        if (d.getValue().size() != parts.digests.get(d.getKey()).size()) {
          throw corrupt(file, d.getKey().id() + " index size differs from the entries");
        }
      }
      if ((pdq == null) != parts.pdqs.isEmpty()
          || (pdq != null && pdq.size() != parts.pdqs.size())) {
        throw corrupt(file, "PDQ index size differs from the entries");
      }
      for (int i = 0; pdq != null && i < parts.pdqs.size(); i++) {
        if (!pdq.hash(i).equals(parts.pdqs.get(i))) {
          throw corrupt(file, "PDQ index position " + i + " does not hold its entry's hash");
        }
      }
      return new IndexedList(list, digests, parts.digestEntries, pdq,
          List.copyOf(parts.pdqEntries));
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(file, e);
    }
  }

  private static MalformedInputException corrupt(Path file, String why) {
    return new MalformedInputException(file + ": corrupt indexed list: " + why);
  }

  private static String string(java.io.DataInputStream in, Path file) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_NAME_BYTES) {
      throw corrupt(file, "bad name length");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void readFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw new MalformedInputException("corrupt indexed list: it ends too early");
      }
    }
  }

  /** At most {@code remaining} bytes of a stream; reads nothing beyond them. */
  private static final class BoundedInput extends java.io.InputStream {
    private final java.io.InputStream in;
    long remaining;

    BoundedInput(java.io.InputStream in, long limit) {
      this.in = in;
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw new MalformedInputException("corrupt indexed list: it ends too early");
      }
      remaining--;
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(buf, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new MalformedInputException("corrupt indexed list: it ends too early");
      }
      remaining -= n;
      return n;
    }
  }
}
