package org.hotlinekit.hashing.match;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.Set;
import java.util.zip.CRC32C;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.index.DigestIndex;
import org.hotlinekit.hashing.index.PdqIndex;
import org.hotlinekit.hashing.internal.BinaryIo;
import org.hotlinekit.hashing.internal.EntryCodec;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.core.hash.HashType;

/**
 * A hash list with its indexes built: one {@link DigestIndex} per digest algorithm and one {@link
 * PdqIndex}, each position tied to its entry. Build it once ({@link #of(HashList)}), save it
 * ({@link #writeTo(Path)}) and open it again ({@link #read(Path)}) to skip the index build, which
 * is the slow part of loading a list of millions of PDQ hashes. Immutable and thread-safe; a
 * {@link Matcher} shares it.
 *
 * <p>An opened file keeps its entries encoded: an entry is decoded only when it matches (or when
 * {@link #list()} asks for all of them), so opening costs the index tables, not a Java object per
 * entry.
 *
 * <p>File format (version 3, big-endian): magic {@code HLKLIST3}, version, a section count and a
 * directory of sections (kind, offset, length, CRC32C), the directory's own CRC32C, then the
 * sections: the list's name and the file name of its source (never a path), the entry count, the
 * hash types and labels present with the number of labelled entries; the entries' record offsets
 * and records ({@link org.hotlinekit.hashing.internal.EntryCodec}); per digest algorithm its
 * index and the entry of each position; the PDQ index and the entry of each position; the plug-in
 * signal entries. Every section is checked against its CRC32C when the file is opened (the index
 * sections by their own CRC32C as they are read), the entry offsets and records are mapped, not
 * copied, and each decoded PDQ or digest entry is checked against the hash the index holds
 * for it. Version 1 and 2 files are refused with "rebuild it: hotlinekit index build".
 */
public final class IndexedList {
  private static final long MAGIC = 0x484c4b4c49535433L; // "HLKLIST3"
  private static final int FORMAT_VERSION = 3;
  private static final int MAX_NAME_BYTES = 1 << 16;
  private static final int MAX_SECTIONS = 64;

  // Section kinds.
  private static final int META = 1;
  private static final int OFFSETS = 2;
  private static final int RECORDS = 3;
  private static final int DIGEST = 10; // + algorithm ordinal
  private static final int DIGEST_ENTRIES = 20; // + algorithm ordinal
  private static final int PDQ = 30;
  private static final int PDQ_ENTRIES = 31;
  private static final int SIGNAL_ENTRIES = 40;

  private final String name;
  private final String source;
  private final Entries entries;
  private final Set<HashType> types;
  private final Set<String> labels;
  private final int labelled;
  final Map<DigestAlgorithm, DigestIndex> digests;
  private final Map<DigestAlgorithm, int[]> digestEntries;
  final PdqIndex pdq;
  private final int[] pdqEntries;
  /** Entries of plug-in signal types, by type, each with its type's index. */
  final Map<HashType, List<HashListEntry>> signalEntries;
  final Map<HashType, org.hotlinekit.hashing.spi.SignalIndex> signalIndexes;
  private volatile HashList all;

  /** The entries, as objects or as records. */
  private interface Entries {
    int size();

    HashListEntry get(int i);
  }

  private IndexedList(String name, String source, Entries entries, Set<HashType> types,
      Set<String> labels, int labelled, Map<DigestAlgorithm, DigestIndex> digests,
      Map<DigestAlgorithm, int[]> digestEntries, PdqIndex pdq, int[] pdqEntries,
      List<HashListEntry> signalList) {
    this.name = name;
    this.source = source;
    this.entries = entries;
    this.types = Set.copyOf(types);
    this.labels = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(labels));
    this.labelled = labelled;
    this.digests = digests;
    this.digestEntries = digestEntries;
    this.pdq = pdq;
    this.pdqEntries = pdqEntries;
    Map<HashType, List<HashListEntry>> bySignal = new java.util.HashMap<>();
    for (HashListEntry e : signalList) {
      bySignal.computeIfAbsent(e.hash().type(), k -> new ArrayList<>()).add(e);
    }
    bySignal.replaceAll((k, v) -> List.copyOf(v));
    this.signalEntries = Map.copyOf(bySignal);
    Map<HashType, org.hotlinekit.hashing.spi.SignalIndex> indexes = new java.util.HashMap<>();
    List<org.hotlinekit.hashing.spi.SignalHasher> installed = bySignal.isEmpty() ? List.of()
        : org.hotlinekit.hashing.spi.SignalHasher.installed();
    bySignal.forEach((type, list) -> {
      List<org.hotlinekit.core.hash.HashValue> values = new ArrayList<>();
      list.forEach(e -> values.add(e.hash()));
      // The installed plug-in of the type builds its index; without one, the scan.
      indexes.put(type, installed.stream()
          .filter(p -> p.type().equals(type)).findFirst()
          .map(p -> p.index(values))
          .orElseGet(() -> org.hotlinekit.hashing.spi.SignalIndex.scan(values)));
    });
    this.signalIndexes = Map.copyOf(indexes);
  }

  /**
   * Indexes a list.
   *
   * @param list the list
   * @return the list with its indexes
   */
  public static IndexedList of(HashList list) {
    Objects.requireNonNull(list, "list");
    List<HashListEntry> all = list.entries();
    Map<DigestAlgorithm, List<Digest>> ds = new EnumMap<>(DigestAlgorithm.class);
    Map<DigestAlgorithm, List<Integer>> dpos = new EnumMap<>(DigestAlgorithm.class);
    List<PdqHash> pdqs = new ArrayList<>();
    List<Integer> ppos = new ArrayList<>();
    List<HashListEntry> signals = new ArrayList<>();
    Set<HashType> types = new java.util.HashSet<>();
    Set<String> labels = new java.util.TreeSet<>();
    int labelled = 0;
    for (int i = 0; i < all.size(); i++) {
      HashListEntry e = all.get(i);
      types.add(e.hash().type());
      e.label().ifPresent(labels::add);
      labelled += e.label().isPresent() ? 1 : 0;
      Optional<Digest> d = e.hash().asDigest();
      if (d.isPresent()) {
        ds.computeIfAbsent(d.get().algorithm(), k -> new ArrayList<>()).add(d.get());
        dpos.computeIfAbsent(d.get().algorithm(), k -> new ArrayList<>()).add(i);
      } else if (e.hash().type() == HashType.PDQ) {
        pdqs.add(e.hash().asPdq().orElseThrow());
        ppos.add(i);
      } else if (e.hash().type().isPlugin()) {
        signals.add(e);
      }
    }
    Map<DigestAlgorithm, DigestIndex> digests = new EnumMap<>(DigestAlgorithm.class);
    Map<DigestAlgorithm, int[]> digestEntries = new EnumMap<>(DigestAlgorithm.class);
    ds.forEach((a, list2) -> {
      digests.put(a, DigestIndex.of(a, list2));
      digestEntries.put(a, dpos.get(a).stream().mapToInt(Integer::intValue).toArray());
    });
    PdqIndex pdq = pdqs.isEmpty() ? null : PdqIndex.of(pdqs);
    Entries objects = new Entries() {
      @Override
      public int size() {
        return all.size();
      }

      @Override
      public HashListEntry get(int i) {
        return all.get(i);
      }
    };
    IndexedList l = new IndexedList(list.name(), list.source(), objects, types, labels, labelled,
        digests, digestEntries, pdq, ppos.stream().mapToInt(Integer::intValue).toArray(), signals);
    l.all = list;
    return l;
  }

  /**
   * The list, every entry decoded (for an opened file, on the first call: that costs a Java
   * object per entry; matching does not need it).
   *
   * @return the list, entries in their original order
   * @throws MalformedInputException if an entry record of an opened file is corrupt
   */
  public HashList list() {
    HashList l = all;
    if (l == null) {
      List<HashListEntry> out = new ArrayList<>(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        out.add(entries.get(i));
      }
      l = new HashList(name, source, out);
      all = l;
    }
    return l;
  }

  /**
   * The list's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Where the list came from (for an opened file: the file name it was built from).
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * How many entries the list has.
   *
   * @return the count
   */
  public int size() {
    return entries.size();
  }

  /**
   * The hash types of the entries.
   *
   * @return the types present
   */
  public Set<HashType> types() {
    return types;
  }

  /**
   * The distinct labels of the entries, without decoding them.
   *
   * @return the labels, sorted
   */
  public Set<String> labels() {
    return labels;
  }

  /**
   * How many entries carry a label, without decoding them.
   *
   * @return the count
   */
  public int labelled() {
    return labelled;
  }

  /** The entry at a digest index position. */
  HashListEntry digestEntry(DigestAlgorithm a, int position) {
    HashListEntry e = entries.get(digestEntries.get(a)[position]);
    if (e.hash().asDigest().map(d -> d.algorithm() != a).orElse(true)) {
      throw new MalformedInputException(name + ": corrupt indexed list: the " + a.id()
          + " index position " + position + " does not hold its entry");
    }
    return e;
  }

  /** The entry at a PDQ index position, checked against the hash the index holds. */
  HashListEntry pdqEntry(int position) {
    HashListEntry e = entries.get(pdqEntries[position]);
    if (!e.hash().asPdq().map(h -> h.equals(pdq.hash(position))).orElse(false)) {
      throw new MalformedInputException(name + ": corrupt indexed list: the PDQ index position "
          + position + " does not hold its entry's hash");
    }
    return e;
  }

  /**
   * Saves the list and its indexes, atomically (a temporary file, forced to disk, then moved over
   * the target).
   *
   * @param file the target (replaced if it exists)
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   * @throws IllegalArgumentException if the entries' records exceed 2 GiB
   */
  public void writeTo(Path file) {
    List<Section> sections = new ArrayList<>();
    // Entry records, streamed to the file; their offsets follow them.
    int n = entries.size();
    long[] offsets = new long[n + 1];
    sections.add(Section.bytes(META, meta()));
    sections.add(new Section(RECORDS) {
      @Override
      void write(FileChannel ch, CRC32C crc) throws IOException {
        java.io.OutputStream out = new java.io.BufferedOutputStream(
            new java.util.zip.CheckedOutputStream(java.nio.channels.Channels.newOutputStream(ch),
                crc), 1 << 16);
        for (int i = 0; i < n; i++) {
          byte[] r = EntryCodec.encode(entries.get(i));
          out.write(r);
          offsets[i + 1] = offsets[i] + r.length;
          if (offsets[i + 1] > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the entries' records exceed 2 GiB; split the"
                + " list");
          }
        }
        out.flush();
      }
    });
    sections.add(Section.longs(OFFSETS, offsets));
    for (Map.Entry<DigestAlgorithm, DigestIndex> d : digests.entrySet()) {
      sections.add(Section.writer(DIGEST + d.getKey().ordinal(), d.getValue()::write));
      sections.add(Section.ints(DIGEST_ENTRIES + d.getKey().ordinal(),
          digestEntries.get(d.getKey())));
    }
    if (pdq != null) {
      sections.add(Section.writer(PDQ, pdq::write));
      sections.add(Section.ints(PDQ_ENTRIES, pdqEntries));
    }
    List<Integer> signalPositions = new ArrayList<>();
    for (int i = 0; i < n && !signalEntries.isEmpty(); i++) {
      if (entries.get(i).hash().type().isPlugin()) {
        signalPositions.add(i);
      }
    }
    sections.add(Section.ints(SIGNAL_ENTRIES,
        signalPositions.stream().mapToInt(Integer::intValue).toArray()));
    BinaryIo.writeFile(file, ch -> {
      int headerBytes = 16 + 24 * sections.size() + 4;
      ch.position(headerBytes);
      long[] at = new long[sections.size()];
      long[] len = new long[sections.size()];
      int[] crcs = new int[sections.size()];
      for (int i = 0; i < sections.size(); i++) {
        at[i] = ch.position();
        CRC32C crc = new CRC32C();
        sections.get(i).write(ch, crc);
        len[i] = ch.position() - at[i];
        crcs[i] = (int) crc.getValue();
      }
      ByteBuffer head = ByteBuffer.allocate(headerBytes);
      head.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(sections.size());
      for (int i = 0; i < sections.size(); i++) {
        head.putInt(sections.get(i).kind).putLong(at[i]).putLong(len[i]).putInt(crcs[i]);
      }
      CRC32C hc = new CRC32C();
      hc.update(head.array(), 0, headerBytes - 4);
      head.putInt((int) hc.getValue());
      head.flip();
      ch.position(0);
      BinaryIo.writeAll(ch, head, null);
    });
  }

  private byte[] meta() {
    try {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream out = new java.io.DataOutputStream(b);
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      // Only the source's file name: an index file must not carry a path of the machine it was
      // built on.
      String sourceName = sourceFileName(source);
      byte[] sourceBytes = sourceName.getBytes(StandardCharsets.UTF_8);
      if (nameBytes.length > MAX_NAME_BYTES || sourceBytes.length > MAX_NAME_BYTES) {
        throw new IllegalArgumentException("list name or source longer than 64 KiB");
      }
      out.writeInt(nameBytes.length);
      out.write(nameBytes);
      out.writeInt(sourceBytes.length);
      out.write(sourceBytes);
      out.writeInt(entries.size());
      out.writeInt(types.size());
      for (HashType t : new java.util.TreeSet<>(types.stream().map(HashType::id).toList())
          .stream().map(id -> types.stream().filter(t -> t.id().equals(id)).findFirst()
              .orElseThrow()).toList()) {
        byte[] id = t.id().getBytes(StandardCharsets.UTF_8);
        out.writeBoolean(t.isCarried());
        out.writeInt(id.length);
        out.write(id);
      }
      out.writeInt(labels.size());
      for (String l : new java.util.TreeSet<>(labels)) {
        byte[] lb = l.getBytes(StandardCharsets.UTF_8);
        out.writeInt(lb.length);
        out.write(lb);
      }
      out.writeInt(labelled);
      out.flush();
      return b.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String sourceFileName(String source) {
    String s = source.replace('\\', '/');
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /** A section to write, with its kind. */
  private abstract static class Section {
    final int kind;

    Section(int kind) {
      this.kind = kind;
    }

    abstract void write(FileChannel ch, CRC32C crc) throws IOException;

    static Section bytes(int kind, byte[] b) {
      return new Section(kind) {
        @Override
        void write(FileChannel ch, CRC32C crc) throws IOException {
          BinaryIo.writeAll(ch, ByteBuffer.wrap(b), crc);
        }
      };
    }

    static Section longs(int kind, long[] a) {
      return new Section(kind) {
        @Override
        void write(FileChannel ch, CRC32C crc) throws IOException {
          BinaryIo.writeLongs(ch, a, crc);
        }
      };
    }

    static Section ints(int kind, int[] a) {
      return new Section(kind) {
        @Override
        void write(FileChannel ch, CRC32C crc) throws IOException {
          BinaryIo.writeInts(ch, a, crc);
        }
      };
    }

    static Section writer(int kind,
        java.util.function.Consumer<java.nio.channels.WritableByteChannel> w) {
      return new Section(kind) {
        @Override
        void write(FileChannel ch, CRC32C crc) throws IOException {
          // The index formats carry their own checks; the directory's CRC covers their bytes
          // too, computed as they are written.
          w.accept(new java.nio.channels.WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
              ByteBuffer seen = src.duplicate();
              int n = ch.write(src);
              seen.limit(seen.position() + n);
              crc.update(seen);
              return n;
            }

            @Override
            public boolean isOpen() {
              return ch.isOpen();
            }

            @Override
            public void close() {
              // The file channel is closed by its owner.
            }
          });
        }
      };
    }
  }

  /**
   * Opens a file written by {@link #writeTo(Path)}: the directory and every section are checked
   * against their CRC32C, every index against its own checks and against the entries it covers.
   * The entries stay encoded until they match.
   *
   * @param file the file
   * @return the list with its indexes
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not an indexed list, truncated or corrupt
   */
  public static IndexedList read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, file);
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(file, e);
    }
  }

  private static IndexedList read(FileChannel ch, Path file) throws IOException {
    long length = ch.size();
    if (length < 16) {
      throw new MalformedInputException(
          file + ": not a hotlinekit indexed list (the file is too short)");
    }
    ByteBuffer start = ByteBuffer.allocate(16);
    readFully(ch, start, 0, file);
    start.flip();
    long magic = start.getLong();
    if ((magic >>> 8) != (MAGIC >>> 8)) {
      throw new MalformedInputException(
          file + ": not a hotlinekit indexed list (wrong magic number)");
    }
    int version = start.getInt();
    if (magic != MAGIC || version != FORMAT_VERSION) {
      throw new UnsupportedInputException(file + ": indexed list format version " + version
          + " is not supported (this is version " + FORMAT_VERSION
          + (version < FORMAT_VERSION ? "; rebuild it: hotlinekit index build" : "") + ")");
    }
    int count = start.getInt();
    if (count < 3 || count > MAX_SECTIONS) {
      throw corrupt(file, "bad section count");
    }
    int headerBytes = 16 + 24 * count + 4;
    if (length < headerBytes) {
      throw corrupt(file, "the file ends inside its header");
    }
    ByteBuffer head = ByteBuffer.allocate(headerBytes);
    readFully(ch, head, 0, file);
    CRC32C hc = new CRC32C();
    hc.update(head.array(), 0, headerBytes - 4);
    if (head.getInt(headerBytes - 4) != (int) hc.getValue()) {
      throw corrupt(file, "header checksum mismatch");
    }
    head.position(16);
    Map<Integer, long[]> dir = new java.util.LinkedHashMap<>();
    long expect = headerBytes;
    for (int i = 0; i < count; i++) {
      int kind = head.getInt();
      long at = head.getLong();
      long len = head.getLong();
      int crc = head.getInt();
      if (at != expect || len < 0 || at + len > length || dir.put(kind, new long[] {at, len, crc})
          != null) {
        throw corrupt(file, "bad section directory");
      }
      expect = at + len;
    }
    if (expect != length) {
      throw corrupt(file, expect < length ? "unexpected bytes after the last section"
          : "the file is truncated");
    }
    for (Map.Entry<Integer, long[]> s : dir.entrySet()) {
      int kind = s.getKey();
      boolean ownChecks = kind == PDQ || (kind >= DIGEST && kind < DIGEST + 10);
      if (!ownChecks) { // the index sections check their own CRC32C as they are read
        checkCrc(ch, s.getValue(), file, kind);
      }
    }
    if (!dir.containsKey(META) || !dir.containsKey(OFFSETS) || !dir.containsKey(RECORDS)
        || !dir.containsKey(SIGNAL_ENTRIES)) {
      throw corrupt(file, "a required section is missing");
    }
    ByteBuffer meta = section(ch, dir.get(META), file);
    String name;
    String source;
    int n;
    Set<HashType> types = new java.util.HashSet<>();
    Set<String> labels = new java.util.TreeSet<>();
    int labelled;
    try {
      name = string(meta, file);
      source = string(meta, file);
      n = meta.getInt();
      int typeCount = meta.getInt();
      if (n < 0 || typeCount < 0 || typeCount > 1000) {
        throw corrupt(file, "bad counts");
      }
      for (int i = 0; i < typeCount; i++) {
        boolean carried = meta.get() != 0;
        String id = string(meta, file);
        try {
          types.add(carried ? HashType.carried(id) : HashType.fromId(id)
              .filter(t -> t.id().equals(id))
              .or(() -> org.hotlinekit.hashing.internal.PluginTypes.named(id))
              .orElseThrow(() -> new MalformedInputException(file + ": the list holds hash type '"
                  + id + "', which no installed plug-in provides")));
        } catch (IllegalArgumentException e) {
          throw corrupt(file, e.getMessage());
        }
      }
      int labelCount = meta.getInt();
      if (labelCount < 0 || labelCount > n) {
        throw corrupt(file, "bad label count");
      }
      for (int i = 0; i < labelCount; i++) {
        labels.add(string(meta, file));
      }
      labelled = meta.getInt();
      if (labelled < labels.size() || labelled > n) {
        throw corrupt(file, "bad labelled count");
      }
      if (meta.hasRemaining()) {
        throw corrupt(file, "bytes after the list's description");
      }
    } catch (java.nio.BufferUnderflowException e) {
      throw corrupt(file, "the list's description is cut short");
    }
    long[] offsetsAt = dir.get(OFFSETS);
    if (offsetsAt[1] != 8L * (n + 1)) {
      throw corrupt(file, "the entry offsets do not match the entry count");
    }
    // The offsets and records are mapped, not copied: an entry is read when it is decoded.
    java.nio.LongBuffer offsets = mapped(ch, offsetsAt, file).asLongBuffer();
    long[] recordsAt = dir.get(RECORDS);
    if (recordsAt[1] > Integer.MAX_VALUE) {
      throw corrupt(file, "entry records over 2 GiB");
    }
    if (offsets.get(0) != 0 || offsets.get(n) != recordsAt[1]) {
      throw corrupt(file, "the entry offsets do not span the records");
    }
    for (int i = 0; i < n; i++) {
      if (offsets.get(i + 1) <= offsets.get(i)) {
        throw corrupt(file, "entry offsets out of order");
      }
    }
    ByteBuffer records = mapped(ch, recordsAt, file);
    String where = file.toString();
    Entries encoded = new Entries() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public HashListEntry get(int i) {
        ByteBuffer r = records.duplicate();
        r.limit((int) offsets.get(i + 1)).position((int) offsets.get(i));
        try {
          return EntryCodec.decode(r);
        } catch (MalformedInputException e) {
          throw new MalformedInputException(where + ": corrupt indexed list: entry " + i + ": "
              + e.getMessage());
        }
      }
    };
    Map<DigestAlgorithm, DigestIndex> digests = new EnumMap<>(DigestAlgorithm.class);
    Map<DigestAlgorithm, int[]> digestEntries = new EnumMap<>(DigestAlgorithm.class);
    for (DigestAlgorithm a : DigestAlgorithm.values()) {
      long[] at = dir.get(DIGEST + a.ordinal());
      long[] pos = dir.get(DIGEST_ENTRIES + a.ordinal());
      if ((at == null) != (pos == null)) {
        throw corrupt(file, a.id() + " index without its entries, or the reverse");
      }
      if (at == null) {
        continue;
      }
      ch.position(at[0]);
      DigestIndex d;
      try {
        d = DigestIndex.read(ch, at[1]);
      } catch (MalformedInputException e) {
        throw corrupt(file, e.getMessage());
      }
      if (d.algorithm() != a || pos[1] != 4L * d.size()) {
        throw corrupt(file, a.id() + " index does not match its entries");
      }
      digests.put(a, d);
      digestEntries.put(a, entryPositions(ch, pos, d.size(), n, file));
    }
    PdqIndex pdq = null;
    int[] pdqEntries = new int[0];
    if (dir.containsKey(PDQ) != dir.containsKey(PDQ_ENTRIES)) {
      throw corrupt(file, "PDQ index without its entries, or the reverse");
    }
    if (dir.containsKey(PDQ)) {
      long[] at = dir.get(PDQ);
      try {
        if (at[1] <= Integer.MAX_VALUE) {
          pdq = PdqIndex.read(mapped(ch, at, file)); // bulk copies out of the mapped file
        } else {
          ch.position(at[0]);
          pdq = PdqIndex.read(ch, at[1]);
        }
      } catch (MalformedInputException e) {
        throw corrupt(file, e.getMessage());
      }
      if (dir.get(PDQ_ENTRIES)[1] != 4L * pdq.size()) {
        throw corrupt(file, "PDQ index does not match its entries");
      }
      pdqEntries = entryPositions(ch, dir.get(PDQ_ENTRIES), pdq.size(), n, file);
    }
    long[] sig = dir.get(SIGNAL_ENTRIES);
    if (sig[1] % 4 != 0 || sig[1] / 4 > n) {
      throw corrupt(file, "bad plug-in entry section");
    }
    List<HashListEntry> signals = new ArrayList<>();
    for (int i : entryPositions(ch, sig, (int) (sig[1] / 4), n, file)) {
      HashListEntry e = encoded.get(i);
      if (!e.hash().type().isPlugin()) {
        throw corrupt(file, "a plug-in entry is not of a plug-in type");
      }
      signals.add(e);
    }
    return new IndexedList(name, source, encoded, types, labels, labelled, digests, digestEntries,
        pdq, pdqEntries, signals);
  }

  private static int[] entryPositions(FileChannel ch, long[] at, int count, int n, Path file)
      throws IOException {
    ch.position(at[0]);
    int[] a = BinaryIo.readInts(ch, count, null);
    for (int v : a) {
      if (v < 0 || v >= n) {
        throw corrupt(file, "an index position points outside the entries");
      }
    }
    return a;
  }

  /** A section mapped read-only; it stays valid after the channel is closed. */
  private static ByteBuffer mapped(FileChannel ch, long[] at, Path file) throws IOException {
    if (at[1] > Integer.MAX_VALUE) {
      throw corrupt(file, "section too large");
    }
    return ch.map(FileChannel.MapMode.READ_ONLY, at[0], at[1]);
  }

  private static ByteBuffer section(FileChannel ch, long[] at, Path file) throws IOException {
    if (at[1] > Integer.MAX_VALUE) {
      throw corrupt(file, "section too large");
    }
    ByteBuffer b = ByteBuffer.allocate((int) at[1]);
    readFully(ch, b, at[0], file);
    return b.flip();
  }

  private static void checkCrc(FileChannel ch, long[] at, Path file, int kind)
      throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
    long p = at[0];
    long end = at[0] + at[1];
    while (p < end) {
      b.clear();
      b.limit((int) Math.min(b.capacity(), end - p));
      int r = ch.read(b, p);
      if (r <= 0) {
        throw corrupt(file, "the file ends too early");
      }
      b.flip();
      crc.update(b);
      p += r;
    }
    if ((int) crc.getValue() != (int) at[2]) {
      throw corrupt(file, "section " + kind + " checksum mismatch");
    }
  }

  private static MalformedInputException corrupt(Path file, String why) {
    return new MalformedInputException(file + ": corrupt indexed list: " + why);
  }

  private static String string(ByteBuffer in, Path file) {
    int n = in.getInt();
    if (n < 0 || n > MAX_NAME_BYTES || n > in.remaining()) {
      throw corrupt(file, "bad string length");
    }
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at, Path file)
      throws IOException {
    long p = at;
    while (b.hasRemaining()) {
      int r = ch.read(b, p);
      if (r < 0) {
        throw corrupt(file, "the file ends too early");
      }
      p += r;
    }
  }
}
