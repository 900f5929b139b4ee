package org.hotlinekit.hashing.match;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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
import org.hotlinekit.hashing.internal.CheckedRegion;
import org.hotlinekit.hashing.internal.EntryCodec;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.ListChange;
import org.hotlinekit.core.hash.HashType;

/**
 * A hash list with its indexes built: one {@link DigestIndex} per digest algorithm and one {@link
 * PdqIndex}, each position tied to its entry. Build it once ({@link #of(HashList)}), save it
 * ({@link #writeTo(Path)}) and open it again ({@link #read(Path)}) to skip the index build, which
 * is the slow part of loading a list of millions of PDQ hashes. Immutable and thread-safe; a
 * {@link Matcher} shares it.
 *
 * <p>An opened file keeps its entries encoded and in the memory-mapped file: an entry is decoded
 * only when it matches (or when {@link #list()} asks for all of them), so opening costs the index
 * tables, not a Java object per entry.
 *
 * <p>File format (version 7): magic {@code HLKLIST4}, version, a section count and a directory
 * of sections (kind, offset, length; big-endian), the directory's CRC32C, then the sections, each
 * a checked region (data, a CRC32C per block, a trailer; see {@code CheckedRegion}): the list's
 * name and the file name of its source (never a path), the entry count, the hash types and labels
 * present with the number of labelled entries, the deltas compacted into it (name, SHA-256, time
 * applied; from version 5); the entries' records ({@link
 * org.hotlinekit.hashing.internal.EntryCodec}) and their offsets; per digest algorithm its index
 * and the entry of each position; the PDQ index ({@link PdqIndex}'s file format, whose postings
 * carry bits of their hashes; from version 6) and the entry of each position; the positions
 * of the plug-in signal entries, whose indexes are built again on opening; the vPDQ entries'
 * positions and their video index ({@link org.hotlinekit.hashing.video.VideoIndex#write}: every
 * frame in one PDQ index, mapped on opening, a video decoded only when a query's frames find it;
 * from version 7; a version 6 file's vPDQ entries are decoded and indexed on opening). Opening
 * checks the
 * directory and every region's checksum table, loads the digest indexes into memory (each block
 * checked as it is copied: random reads of a mapped hash table were measured 2-4 times slower
 * than of arrays), and leaves the PDQ index, the records, their offsets and the position tables
 * mapped, each block checked the first time it is read (a PDQ query reads a few hundred pages of
 * its index, in runs), so a corrupt entry throws {@link MalformedInputException} from the match
 * that reads it, never a wrong result; {@link #checkAll()} checks everything at once. Each
 * decoded PDQ or digest entry is checked against the hash its index holds for it. Files of
 * version 6 are read (their vPDQ entries decoded and indexed on opening); of versions 4 and 5
 * unless they hold a PDQ index (of its older format, postings without
 * bits of their hashes), which is refused with "rebuild it: hotlinekit index build", as files of
 * versions 1 to 3 are. Changes applied since the file was written and saved with {@link
 * #saveChanges()} sit beside it in a
 * delta segment ({@code FILE.delta}), which {@link #read(Path)} applies.
 */
public final class IndexedList {
  private static final long MAGIC = 0x484c4b4c49535434L; // "HLKLIST4"
  private static final int FORMAT_VERSION = 7;
  /** Version 4: no record of applied deltas; still read. */
  private static final int OLDEST_READ = 4;
  private static final int MAX_NAME_BYTES = 1 << 16;
  private static final int MAX_SECTIONS = 64;
  private static final int MAX_META_BYTES = 1 << 26;
  private static final int MAX_RECORD = 1 << 24;

  // Section kinds.
  private static final int META = 1;
  private static final int OFFSETS = 2;
  private static final int RECORDS = 3;
  private static final int DIGEST = 10; // + algorithm ordinal
  private static final int DIGEST_ENTRIES = 20; // + algorithm ordinal
  private static final int PDQ = 30;
  private static final int PDQ_ENTRIES = 31;
  private static final int SIGNAL_ENTRIES = 40;
  private static final int VIDEO = 50;
  private static final int VIDEO_ENTRIES = 51;

  private final String name;
  private final String source;
  private final Entries entries;
  private final Set<HashType> types;
  private final Set<String> labels;
  private final int labelled;
  final Map<DigestAlgorithm, DigestIndex> digests;
  private final Map<DigestAlgorithm, Positions> digestEntries;
  final PdqIndex pdq;
  private final Positions pdqEntries;
  /** Entries of plug-in signal types, by type, each with its type's index. */
  final Map<HashType, List<HashListEntry>> signalEntries;
  final Map<HashType, org.hotlinekit.hashing.spi.SignalIndex> signalIndexes;
  /** The vPDQ entries, in list order, and their index (null without vPDQ entries). */
  final List<HashListEntry> videoEntries;
  final org.hotlinekit.hashing.video.VideoIndex videos;
  private volatile HashList all;
  /** For an opened file: its path (for error messages) and its checked regions. */
  private final String where;
  private final List<CheckedRegion> regions;
  /**
   * Changes applied since the list was built or opened ({@link #apply}): the withdrawals that
   * remove entries of the indexes above (empty for a list without changes), and the entries added
   * since, with their own small indexes (null if none).
   */
  private final List<ListChange.Withdrawn> removed;
  /** Every change applied since the base, in order (what a saved delta segment holds). */
  private final List<ListChange> history;
  /** The deltas applied: those compacted into the base file, then those applied since. */
  private final List<AppliedDelta> deltas;
  /** For a list read from a file: that file's state (null for a list built in memory). */
  private final FileState file;

  /**
   * What a list read from a file knows of it: its SHA-256 identity (for its delta segment), how
   * many of the applied deltas are compacted into it, and the list version it records.
   */
  private record FileState(byte[] identity, int deltas, String listVersion) {}
  /** The list's own version or date, as its publisher names it (null if not given). */
  private final String listVersion;
  /** The same withdrawals by the id they name, for the check on every match. */
  private final Map<String, List<ListChange.Withdrawn>> removedById;
  final IndexedList added;
  /** For a list with changes: its size, labels and labelled count, counted on first use. */
  private volatile Counts counted;

  /** What a list with changes counts by decoding its entries. */
  private record Counts(int size, Set<String> labels, int labelled) {}

  /** The entries, as objects or as records. */
  private interface Entries {
    int size();

    HashListEntry get(int i);
  }

  /** The entry of each index position, in an array or read in place from a mapped file. */
  private interface Positions {
    int get(int position);

    int size();

    static Positions of(int[] a) {
      return new Positions() {
        @Override
        public int get(int position) {
          return a[position];
        }

        @Override
        public int size() {
          return a.length;
        }
      };
    }
  }

  private IndexedList(String name, String source, Entries entries, Set<HashType> types,
      Set<String> labels, int labelled, Map<DigestAlgorithm, DigestIndex> digests,
      Map<DigestAlgorithm, Positions> digestEntries, PdqIndex pdq, Positions pdqEntries,
      List<HashListEntry> signalList, String where, List<CheckedRegion> regions) {
    this(name, source, entries, types, labels, labelled, digests, digestEntries, pdq, pdqEntries,
        signalList, null, null, where, regions);
  }

  /**
   * With {@code videoIndex} (an opened file's, over {@code videoList}, whose entries are decoded
   * on demand), the vPDQ entries are those; without, they are taken from {@code signalList} and
   * indexed here.
   */
  private IndexedList(String name, String source, Entries entries, Set<HashType> types,
      Set<String> labels, int labelled, Map<DigestAlgorithm, DigestIndex> digests,
      Map<DigestAlgorithm, Positions> digestEntries, PdqIndex pdq, Positions pdqEntries,
      List<HashListEntry> signalList, List<HashListEntry> videoListOpened,
      org.hotlinekit.hashing.video.VideoIndex videoIndex, String where,
      List<CheckedRegion> regions) {
    this.where = where;
    this.regions = regions;
    this.removed = List.of();
    this.removedById = Map.of();
    this.added = null;
    this.history = List.of();
    this.deltas = List.of();
    this.file = null;
    this.listVersion = null;
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
    List<HashListEntry> videoList = new ArrayList<>();
    for (HashListEntry e : signalList) {
      if (e.hash().type() == HashType.VPDQ) {
        videoList.add(e);
      } else {
        bySignal.computeIfAbsent(e.hash().type(), k -> new ArrayList<>()).add(e);
      }
    }
    if (videoIndex != null) {
      // An opened file's index, mapped; its entries decoded when a query finds them.
      this.videoEntries = videoListOpened;
      this.videos = videoIndex;
    } else {
      // vPDQ entries: every frame of every listed video in one PDQ index (built here; also for
      // a file of version 6, whose records hold the frames).
      this.videoEntries = List.copyOf(videoList);
      this.videos = videoList.isEmpty() ? null : org.hotlinekit.hashing.video.VideoIndex.of(
          videoList.stream().map(e -> org.hotlinekit.hashing.video.VpdqHash.of(e.hash()))
              .toList());
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
   * A list with changes: the base's indexes, shared, with the withdrawals and the additions of
   * its change history; or a base read from a file, with its applied deltas and identity.
   */
  private IndexedList(IndexedList base, List<ListChange> history, List<AppliedDelta> deltas,
      FileState file, String listVersion) {
    this.name = base.name;
    this.source = base.source;
    this.entries = base.entries;
    this.types = base.types;
    this.labels = base.labels;
    this.labelled = base.labelled;
    this.digests = base.digests;
    this.digestEntries = base.digestEntries;
    this.pdq = base.pdq;
    this.pdqEntries = base.pdqEntries;
    this.signalEntries = base.signalEntries;
    this.signalIndexes = base.signalIndexes;
    this.videoEntries = base.videoEntries;
    this.videos = base.videos;
    this.where = base.where;
    this.regions = base.regions;
    this.history = List.copyOf(history);
    this.deltas = List.copyOf(deltas);
    this.file = file;
    this.listVersion = listVersion;
    List<ListChange.Withdrawn> removed = new ArrayList<>();
    // The additions still in the list: a withdrawal removes the earlier additions it names,
    // found by id (a linear pass per withdrawal made 100 deltas of 1,100 changes quadratic).
    List<HashListEntry> adds = new ArrayList<>();
    Map<String, List<Integer>> addedById = new java.util.HashMap<>();
    java.util.BitSet gone = new java.util.BitSet();
    for (ListChange c : this.history) {
      if (c instanceof ListChange.Added a) {
        addedById.computeIfAbsent(a.entry().id(), k -> new ArrayList<>()).add(adds.size());
        adds.add(a.entry());
      } else {
        ListChange.Withdrawn w = (ListChange.Withdrawn) c;
        removed.add(w);
        for (int i : addedById.getOrDefault(w.withdrawal().id(), List.of())) {
          if (w.removes(adds.get(i))) {
            gone.set(i);
          }
        }
      }
    }
    if (!gone.isEmpty()) {
      List<HashListEntry> kept = new ArrayList<>(adds.size() - gone.cardinality());
      for (int i = 0; i < adds.size(); i++) {
        if (!gone.get(i)) {
          kept.add(adds.get(i));
        }
      }
      adds = kept;
    }
    this.removed = List.copyOf(removed);
    Map<String, List<ListChange.Withdrawn>> byId = new java.util.HashMap<>();
    for (ListChange.Withdrawn w : this.removed) {
      byId.computeIfAbsent(w.withdrawal().id(), k -> new ArrayList<>()).add(w);
    }
    this.removedById = byId;
    this.added = adds.isEmpty() ? null : of(new HashList(name, source, adds));
  }

  /**
   * A delta applied to a list: the feed file it came from, so that it is never applied twice.
   *
   * @param name the delta file's name (no folders)
   * @param sha256 the SHA-256 of its bytes, 64 lowercase hex digits
   * @param appliedAt when it was applied
   */
  public record AppliedDelta(String name, String sha256, Instant appliedAt) {
    /**
     * Validates.
     *
     * @param name the name
     * @param sha256 the digest
     * @param appliedAt the time
     */
    public AppliedDelta {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(appliedAt, "appliedAt");
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
      }
    }
  }

  /**
   * The list's own version or date, as its publisher names it (e.g. {@code 2026-12-07} or a
   * feed's sequence number), recorded with the index ({@link #withListVersion}).
   *
   * @return the version, or empty if none was given
   */
  public Optional<String> listVersion() {
    return Optional.ofNullable(listVersion);
  }

  /**
   * This list, recording the list's own version or date; saved with it ({@link #writeTo},
   * {@link #saveChanges()}).
   *
   * @param version the version, 1 to 256 printable characters
   * @return the list with the version
   * @throws IllegalArgumentException if the version is empty, too long or not printable
   */
  public IndexedList withListVersion(String version) {
    if (version.isEmpty() || version.length() > 256
        || !version.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f)) {
      throw new IllegalArgumentException("a list version is 1 to 256 printable characters");
    }
    return new IndexedList(this, history, deltas, file, version);
  }

  /**
   * The deltas applied to this list: those compacted into its file, then those applied since
   * (saved in its delta segment or not).
   *
   * @return the deltas, in the order they were applied
   */
  public List<AppliedDelta> appliedDeltas() {
    return deltas;
  }

  /**
   * The list with changes applied, in order, without re-indexing it: the indexes of this list
   * are shared; withdrawn entries are left out of every match from now on, and the added entries
   * get small indexes of their own (rebuilt from the additions on each call, so it costs the
   * additions since the list was built or opened, not the list). Matches are always those of
   * the list re-indexed from its changed entries (an {@link #of(HashList)} of {@link #list()});
   * {@link #writeTo(Path)} writes that list, compacted. This list is unchanged: hand the new one
   * to {@link Matcher#withList(IndexedList)}, whose queries in flight finish on the old one.
   *
   * @param changes additions and withdrawals, in the order the feed gives them
   * @return the changed list
   */
  public IndexedList apply(List<? extends ListChange> changes) {
    return withChanges(changes, deltas);
  }

  /** This list with more changes in its history and the given record of deltas. */
  private IndexedList withChanges(List<? extends ListChange> changes, List<AppliedDelta> ds) {
    List<ListChange> all = new ArrayList<>(history);
    changes.forEach(c -> all.add(Objects.requireNonNull(c, "change")));
    return new IndexedList(this, all, ds, file, listVersion);
  }

  /**
   * The list with a delta feed's changes applied ({@link #apply(List)}), recorded as applied.
   *
   * @param delta which delta this is
   * @param changes its changes, in order
   * @return the changed list
   * @throws IllegalArgumentException if a delta with the same SHA-256 was applied already
   */
  public IndexedList apply(AppliedDelta delta, List<? extends ListChange> changes) {
    Objects.requireNonNull(delta, "delta");
    for (AppliedDelta d : deltas) {
      if (d.sha256().equals(delta.sha256())) {
        throw new IllegalArgumentException("the delta " + delta.name() + " was applied already"
            + " (as " + d.name() + ", at " + d.appliedAt() + ")");
      }
    }
    List<AppliedDelta> ds = new ArrayList<>(deltas);
    ds.add(delta);
    return withChanges(changes, ds);
  }

  /**
   * Saves the changes applied since this list was read from its index file as that file's delta
   * segment ({@code FILE.delta}, written atomically), which {@link #read(Path)} applies again:
   * the base file is not rewritten, so saving costs the changes, not the list. A list without
   * changes since its file removes the segment. The segment is tied to the file as it was read:
   * once that file is rebuilt or replaced, the segment is refused, never applied to another list.
   *
   * @throws IllegalStateException for a list that was not read from a file (save it with
   *     {@link #writeTo(Path)})
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   */
  public void saveChanges() {
    if (file == null || where == null) {
      throw new IllegalStateException("this list was not read from an index file; save it with"
          + " writeTo");
    }
    Path segment = DeltaFile.of(Path.of(where));
    List<AppliedDelta> since = deltas.subList(file.deltas(), deltas.size());
    if (history.isEmpty() && since.isEmpty()
        && Objects.equals(listVersion, file.listVersion())) {
      DeltaFile.delete(segment);
    } else {
      DeltaFile.write(segment, file.identity(), since, history,
          Optional.ofNullable(listVersion));
    }
  }

  /** Whether an entry of this list's own indexes was withdrawn by a change applied since. */
  boolean withdrawn(HashListEntry e) {
    for (ListChange.Withdrawn w : removedById.getOrDefault(e.id(), List.of())) {
      if (w.removes(e)) {
        return true;
      }
    }
    return false;
  }

  /** The indexed parts to search: this list's indexes, then those of the entries added since. */
  List<IndexedList> parts() {
    return added == null ? List.of(this) : List.of(this, added);
  }

  /**
   * Whether the list has no entries, told without decoding any: for a list with changes, true
   * only if its file had none and nothing was added (a list whose every entry was withdrawn
   * counts as not empty; {@link #size()} counts exactly, by decoding).
   */
  boolean knownEmpty() {
    return entries.size() == 0 && added == null;
  }

  /** Whether changes were applied ({@link #apply}). */
  private boolean changed() {
    return added != null || !removed.isEmpty();
  }

  /**
   * How many changes were applied since this list was built or written to its file (those of
   * its delta segment included); {@link #writeTo(Path)} compacts them into a file.
   *
   * @return the number of additions and withdrawals, 0 for none
   */
  public int changes() {
    return history.size();
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
      } else if (e.hash().type().isPlugin() || e.hash().type() == HashType.VPDQ) {
        signals.add(e);
      }
    }
    Map<DigestAlgorithm, DigestIndex> digests = new EnumMap<>(DigestAlgorithm.class);
    Map<DigestAlgorithm, Positions> digestEntries = new EnumMap<>(DigestAlgorithm.class);
    ds.forEach((a, list2) -> {
      digests.put(a, DigestIndex.of(a, list2));
      digestEntries.put(a, Positions.of(dpos.get(a).stream().mapToInt(Integer::intValue)
          .toArray()));
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
        digests, digestEntries, pdq,
        Positions.of(ppos.stream().mapToInt(Integer::intValue).toArray()), signals, null,
        List.of());
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
        HashListEntry e = entries.get(i);
        if (!withdrawn(e)) {
          out.add(e);
        }
      }
      if (added != null) {
        out.addAll(added.list().entries());
      }
      l = new HashList(name, source, out);
      all = l;
    }
    return l;
  }

  /**
   * Size, labels and labelled count of a list with changes: its entries decoded once, in one
   * pass (about a second per million entries), none kept.
   */
  private Counts counted() {
    Counts c = counted;
    if (c == null) {
      // Streamed: every entry decoded once, none kept (10M entries would not fit as objects).
      java.util.SortedSet<String> ls = new java.util.TreeSet<>();
      int size = 0;
      int n = 0;
      for (int i = 0; i < entries.size() + (added == null ? 0 : added.entries.size()); i++) {
        HashListEntry e = i < entries.size() ? entries.get(i)
            : added.entries.get(i - entries.size());
        if (i < entries.size() && withdrawn(e)) {
          continue;
        }
        size++;
        if (e.label().isPresent()) {
          ls.add(e.label().get());
          n++;
        }
      }
      c = new Counts(size, java.util.Collections.unmodifiableSortedSet(ls), n);
      counted = c;
    }
    return c;
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
   * How many entries the list has (for a list with changes, counted by decoding its entries on
   * the first call).
   *
   * @return the count
   */
  public int size() {
    return changed() ? counted().size() : entries.size();
  }

  /**
   * The hash types of the entries.
   *
   * @return the types present (for a list with changes, those of its indexed and its added
   *     entries: a type whose every entry was withdrawn may remain)
   */
  public Set<HashType> types() {
    if (added == null) {
      return types;
    }
    Set<HashType> all = new java.util.HashSet<>(types);
    all.addAll(added.types);
    return Set.copyOf(all);
  }

  /**
   * The distinct labels of the entries, without decoding them (a list with changes decodes its
   * entries on the first call).
   *
   * @return the labels, sorted
   */
  public Set<String> labels() {
    return changed() ? counted().labels() : labels;
  }

  /**
   * How many entries carry a label, without decoding them (a list with changes decodes its
   * entries on the first call).
   *
   * @return the count
   */
  public int labelled() {
    return changed() ? counted().labelled() : labelled;
  }

  /** The entry at a digest index position. */
  HashListEntry digestEntry(DigestAlgorithm a, int position) {
    HashListEntry e = entries.get(entryAt(digestEntries.get(a), position));
    if (e.hash().asDigest().map(d -> d.algorithm() != a).orElse(true)) {
      throw new MalformedInputException(name + ": corrupt indexed list: the " + a.id()
          + " index position " + position + " does not hold its entry");
    }
    return e;
  }

  /** The entry at a PDQ index position, checked against the hash the index holds. */
  HashListEntry pdqEntry(int position) {
    HashListEntry e = entries.get(entryAt(pdqEntries, position));
    if (!e.hash().asPdq().map(h -> h.equals(pdq.hash(position))).orElse(false)) {
      throw new MalformedInputException(name + ": corrupt indexed list: the PDQ index position "
          + position + " does not hold its entry's hash");
    }
    return e;
  }

  private int entryAt(Positions p, int position) {
    int i = p.get(position);
    if (i < 0 || i >= entries.size()) {
      throw new MalformedInputException(name + ": corrupt indexed list: an index position points"
          + " outside the entries");
    }
    return i;
  }

  /**
   * Saves the list and its indexes, atomically (a temporary file, forced to disk, then moved over
   * the target). A list with changes ({@link #apply}) is saved compacted: its changed entries,
   * indexed as one list (which costs an index build), with the record of the deltas applied
   * ({@link #appliedDeltas()}). A delta segment beside the target ({@link #saveChanges()}) is
   * removed: it belonged to the file replaced.
   *
   * @param file the target (replaced if it exists)
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   * @throws IllegalArgumentException if the entries' records exceed 2 GiB
   */
  public void writeTo(Path file) {
    if (changed()) {
      // Compacted: the changed list, indexed as one, with the record of the deltas applied.
      new IndexedList(of(list()), List.of(), deltas, null, listVersion)
          .writeTo(file);
      return;
    }
    List<Section> sections = new ArrayList<>();
    int n = entries.size();
    long[] offsets = new long[n + 1];
    sections.add(new Section(META, out -> out.write(ByteBuffer.wrap(meta()))));
    // Entry records, streamed to the file; their offsets follow them.
    sections.add(new Section(RECORDS, out -> {
      java.io.OutputStream o = new java.io.BufferedOutputStream(
          java.nio.channels.Channels.newOutputStream(out), 1 << 16);
      for (int i = 0; i < n; i++) {
        byte[] r = EntryCodec.encode(entries.get(i));
        o.write(r);
        offsets[i + 1] = offsets[i] + r.length;
      }
      o.flush();
    }));
    sections.add(new Section(OFFSETS, out -> out.writeLongs(offsets)));
    for (Map.Entry<DigestAlgorithm, DigestIndex> d : digests.entrySet()) {
      sections.add(new Section(DIGEST + d.getKey().ordinal(), d.getValue()::write, false));
      sections.add(new Section(DIGEST_ENTRIES + d.getKey().ordinal(),
          out -> out.writeInts(toArray(digestEntries.get(d.getKey())))));
    }
    if (pdq != null) {
      sections.add(new Section(PDQ, pdq::write, false));
      sections.add(new Section(PDQ_ENTRIES, out -> out.writeInts(toArray(pdqEntries))));
    }
    List<Integer> signalPositions = new ArrayList<>();
    List<Integer> videoPositions = new ArrayList<>();
    for (int i = 0; i < n && (!signalEntries.isEmpty() || videos != null); i++) {
      HashType t = entries.get(i).hash().type();
      if (t.isPlugin()) {
        signalPositions.add(i);
      } else if (t == HashType.VPDQ) {
        videoPositions.add(i);
      }
    }
    sections.add(new Section(SIGNAL_ENTRIES, out -> out.writeInts(
        signalPositions.stream().mapToInt(Integer::intValue).toArray())));
    if (videos != null) {
      // The video index is over the vPDQ entries in list order, as they are here.
      sections.add(new Section(VIDEO, videos::write, false));
      sections.add(new Section(VIDEO_ENTRIES, out -> out.writeInts(
          videoPositions.stream().mapToInt(Integer::intValue).toArray())));
    }
    BinaryIo.writeFile(file, ch -> {
      int headerBytes = 16 + 20 * sections.size() + 4;
      ch.position(headerBytes);
      long[] at = new long[sections.size()];
      long[] len = new long[sections.size()];
      for (int i = 0; i < sections.size(); i++) {
        at[i] = ch.position();
        Section s = sections.get(i);
        if (s.checked) {
          CheckedRegion.Writer out = new CheckedRegion.Writer(ch);
          s.content.write(out);
          out.finish();
        } else {
          s.index.accept(ch);
        }
        len[i] = ch.position() - at[i];
      }
      ByteBuffer head = ByteBuffer.allocate(headerBytes);
      head.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(sections.size());
      for (int i = 0; i < sections.size(); i++) {
        head.putInt(sections.get(i).kind).putLong(at[i]).putLong(len[i]);
      }
      CRC32C hc = new CRC32C();
      hc.update(head.array(), 0, headerBytes - 4);
      head.putInt((int) hc.getValue());
      head.flip();
      ch.position(0);
      BinaryIo.writeAll(ch, head, null);
    });
    // A delta segment beside the target belonged to the file just replaced.
    DeltaFile.delete(DeltaFile.of(file));
  }

  private static int[] toArray(Positions p) {
    int[] a = new int[p.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = p.get(i);
    }
    return a;
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
      out.writeInt(deltas.size());
      for (AppliedDelta d : deltas) {
        byte[] n = d.name().getBytes(StandardCharsets.UTF_8);
        if (n.length > MAX_NAME_BYTES) {
          throw new IllegalArgumentException("delta name longer than 64 KiB");
        }
        out.writeInt(n.length);
        out.write(n);
        out.writeInt(64);
        out.write(d.sha256().getBytes(StandardCharsets.US_ASCII));
        out.writeLong(d.appliedAt().getEpochSecond());
        out.writeInt(d.appliedAt().getNano());
      }
      byte[] v = listVersion == null ? new byte[0] : listVersion.getBytes(StandardCharsets.UTF_8);
      out.writeInt(v.length);
      out.write(v);
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

  /** What writes a checked section's data. */
  @FunctionalInterface
  private interface Content {
    void write(CheckedRegion.Writer out) throws IOException;
  }

  /**
   * A section to write, with its kind: a checked region of data, or an index that writes its own
   * checked region.
   */
  private static final class Section {
    final int kind;
    final boolean checked;
    final Content content;
    final java.util.function.Consumer<java.nio.channels.WritableByteChannel> index;

    Section(int kind, Content content) {
      this.kind = kind;
      this.checked = true;
      this.content = content;
      this.index = null;
    }

    Section(int kind, java.util.function.Consumer<java.nio.channels.WritableByteChannel> index,
        boolean checked) {
      this.kind = kind;
      this.checked = checked;
      this.content = null;
      this.index = index;
    }
  }

  /**
   * Opens a file written by {@link #writeTo(Path)}: the directory and every section are checked
   * against their CRC32C, every index against its own checks and against the entries it covers.
   * The entries stay encoded until they match. The file's delta segment ({@code FILE.delta},
   * {@link #saveChanges()}), if there is one, is checked and applied.
   *
   * @param file the file
   * @return the list with its indexes
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is another format version
   * @throws MalformedInputException if it is not an indexed list, truncated or corrupt, or its
   *     delta segment is corrupt or belongs to another version of the file
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
    if (magic != MAGIC || version < OLDEST_READ || version > FORMAT_VERSION) {
      throw new UnsupportedInputException(file + ": indexed list format version " + version
          + " is not supported (this is version " + FORMAT_VERSION
          + (version < OLDEST_READ ? "; rebuild it: hotlinekit index build" : "") + ")");
    }
    int count = start.getInt();
    if (count < 4 || count > MAX_SECTIONS) {
      throw corrupt(file, "bad section count");
    }
    int headerBytes = 16 + 20 * count + 4;
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
      if (at != expect || len < 0 || at + len > length || dir.put(kind, new long[] {at, len})
          != null) {
        throw corrupt(file, "bad section directory");
      }
      expect = at + len;
    }
    if (expect != length) {
      throw corrupt(file, expect < length ? "unexpected bytes after the last section"
          : "the file is truncated");
    }
    if (!dir.containsKey(META) || !dir.containsKey(OFFSETS) || !dir.containsKey(RECORDS)
        || !dir.containsKey(SIGNAL_ENTRIES)) {
      throw corrupt(file, "a required section is missing");
    }
    String where = file.toString();
    IndexedList base;
    List<AppliedDelta> compacted = new ArrayList<>();
    String[] version5 = {null};
    try {
      base = read(ch, dir, where, version, compacted, version5);
    } catch (MalformedInputException e) {
      throw e.getMessage().startsWith(where) ? e : corrupt(file, e.getMessage());
    }
    byte[] identity = identity(ch, head.array(), dir.values(), file);
    // The changes saved beside the file since it was built.
    Path segment = DeltaFile.of(file);
    if (!java.nio.file.Files.exists(segment)) {
      return new IndexedList(base, List.of(), compacted,
          new FileState(identity, compacted.size(), version5[0]), version5[0]);
    }
    DeltaFile.Contents c = DeltaFile.read(segment, identity);
    List<AppliedDelta> all = new ArrayList<>(compacted);
    all.addAll(c.deltas());
    return new IndexedList(base, c.changes(), all,
        new FileState(identity, compacted.size(), version5[0]),
        c.listVersion().orElse(version5[0]));
  }

  /**
   * A file's identity for its delta segment: the SHA-256 of its header and of every section's
   * trailer (whose checksum covers the section's block checksums), so any change of content
   * changes it; read in O(sections).
   */
  private static byte[] identity(FileChannel ch, byte[] header,
      java.util.Collection<long[]> sections, Path file) throws IOException {
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    sha.update(header);
    for (long[] at : sections) {
      if (at[1] < 24) {
        throw corrupt(file, "a section is too short");
      }
      ByteBuffer trailer = ByteBuffer.allocate(24);
      readFully(ch, trailer, at[0] + at[1] - 24, file);
      sha.update(trailer.array());
    }
    return sha.digest();
  }

  /** Opens the sections; every section is a checked region, read in place. */
  private static IndexedList read(FileChannel ch, Map<Integer, long[]> dir, String file,
      int version, List<AppliedDelta> deltas, String[] listVersion) throws IOException {
    CheckedRegion metaRegion = region(ch, dir.get(META), "the list's description");
    if (metaRegion.length() > MAX_META_BYTES) {
      throw new MalformedInputException("the list's description is too long");
    }
    byte[] metaBytes = new byte[(int) metaRegion.length()];
    metaRegion.read(0, metaBytes);
    ByteBuffer meta = ByteBuffer.wrap(metaBytes);
    String name;
    String source;
    int n;
    Set<HashType> types = new java.util.HashSet<>();
    Set<String> labels = new java.util.TreeSet<>();
    int labelled;
    try {
      name = string(meta);
      source = string(meta);
      n = meta.getInt();
      int typeCount = meta.getInt();
      if (n < 0 || typeCount < 0 || typeCount > 1000) {
        throw new MalformedInputException("bad counts");
      }
      for (int i = 0; i < typeCount; i++) {
        boolean carried = meta.get() != 0;
        String id = string(meta);
        if (carried && HashType.fromId(id).filter(t -> t.id().equals(id)).isPresent()) {
          // vPDQ was carried, unmatched, before hotlinekit matched it.
          throw new UnsupportedInputException(file + ": the list was indexed when '" + id
              + "' entries were carried without being matched; rebuild it: hotlinekit index"
              + " build");
        }
        try {
          types.add(carried ? HashType.carried(id) : HashType.fromId(id)
              .filter(t -> t.id().equals(id))
              .or(() -> org.hotlinekit.hashing.internal.PluginTypes.named(id))
              .orElseThrow(() -> new MalformedInputException(file + ": the list holds hash type '"
                  + id + "', which no installed plug-in provides")));
        } catch (IllegalArgumentException e) {
          throw new MalformedInputException(e.getMessage());
        }
      }
      int labelCount = meta.getInt();
      if (labelCount < 0 || labelCount > n) {
        throw new MalformedInputException("bad label count");
      }
      for (int i = 0; i < labelCount; i++) {
        labels.add(string(meta));
      }
      labelled = meta.getInt();
      if (labelled < labels.size() || labelled > n) {
        throw new MalformedInputException("bad labelled count");
      }
      if (version >= 5) {
        int count = meta.getInt();
        if (count < 0 || count > meta.remaining() / 84) {
          throw new MalformedInputException("bad delta count");
        }
        for (int i = 0; i < count; i++) {
          String deltaName = string(meta);
          String sha = string(meta);
          try {
            deltas.add(new AppliedDelta(deltaName, sha,
                java.time.Instant.ofEpochSecond(meta.getLong(), meta.getInt())));
          } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedInputException("bad applied delta: " + e.getMessage());
          }
        }
        String v = string(meta);
        listVersion[0] = v.isEmpty() ? null : v;
      }
      if (meta.hasRemaining()) {
        throw new MalformedInputException("bytes after the list's description");
      }
    } catch (java.nio.BufferUnderflowException e) {
      throw new MalformedInputException("the list's description is cut short");
    }
    // The offsets and records are read in place: an entry is read when it is decoded.
    CheckedRegion offsetsRegion = region(ch, dir.get(OFFSETS), "the entry offsets");
    if (offsetsRegion.length() != 8L * (n + 1)) {
      throw new MalformedInputException("the entry offsets do not match the entry count");
    }
    CheckedRegion.Longs offsets = offsetsRegion.longs(0, n + 1L);
    CheckedRegion records = region(ch, dir.get(RECORDS), "the entry records");
    if (offsets.get(0) != 0 || offsets.get(n) != records.length()) {
      throw new MalformedInputException("the entry offsets do not span the records");
    }
    Entries encoded = new Entries() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public HashListEntry get(int i) {
        try {
          long from = offsets.get(i);
          long to = offsets.get(i + 1L);
          if (from < 0 || to <= from || to > records.length() || to - from > MAX_RECORD) {
            throw new MalformedInputException("its record offsets are out of order");
          }
          byte[] r = new byte[(int) (to - from)];
          records.read(from, r);
          return EntryCodec.decode(ByteBuffer.wrap(r));
        } catch (MalformedInputException e) {
          throw new MalformedInputException(file + ": corrupt indexed list: entry " + i + ": "
              + e.getMessage());
        }
      }
    };
    Map<DigestAlgorithm, DigestIndex> digests = new EnumMap<>(DigestAlgorithm.class);
    Map<DigestAlgorithm, Positions> digestEntries = new EnumMap<>(DigestAlgorithm.class);
    for (DigestAlgorithm a : DigestAlgorithm.values()) {
      long[] at = dir.get(DIGEST + a.ordinal());
      long[] pos = dir.get(DIGEST_ENTRIES + a.ordinal());
      if ((at == null) != (pos == null)) {
        throw new MalformedInputException(a.id() + " index without its entries, or the reverse");
      }
      if (at == null) {
        continue;
      }
      DigestIndex d = DigestIndex.load(ch, at[0], at[1]);
      if (d.algorithm() != a) {
        throw new MalformedInputException(a.id() + " index holds another algorithm");
      }
      digests.put(a, d);
      digestEntries.put(a, positions(ch, pos, d.size(), a.id() + " entries"));
    }
    PdqIndex pdq = null;
    Positions pdqEntries = Positions.of(new int[0]);
    if (dir.containsKey(PDQ) != dir.containsKey(PDQ_ENTRIES)) {
      throw new MalformedInputException("PDQ index without its entries, or the reverse");
    }
    if (dir.containsKey(PDQ)) {
      if (version < 6) {
        throw new UnsupportedInputException(file + ": indexed list format version " + version
            + " holds a PDQ index of an older format (this is version " + FORMAT_VERSION
            + "; rebuild it: hotlinekit index build)");
      }
      long[] at = dir.get(PDQ);
      pdq = PdqIndex.map(ch, at[0], at[1]);
      pdqEntries = positions(ch, dir.get(PDQ_ENTRIES), pdq.size(), "PDQ entries");
    }
    if (dir.containsKey(VIDEO) != dir.containsKey(VIDEO_ENTRIES)) {
      throw new MalformedInputException("video index without its entries, or the reverse");
    }
    boolean videoIndexed = dir.containsKey(VIDEO);
    Positions sig = positions(ch, dir.get(SIGNAL_ENTRIES), -1, "plug-in and vPDQ entries");
    if (sig.size() > n) {
      throw new MalformedInputException("bad plug-in entry section");
    }
    List<HashListEntry> signals = new ArrayList<>();
    for (int k = 0; k < sig.size(); k++) {
      int i = sig.get(k);
      if (i < 0 || i >= n) {
        throw new MalformedInputException("an index position points outside the entries");
      }
      HashListEntry e = encoded.get(i);
      if (!e.hash().type().isPlugin()
          && (e.hash().type() != HashType.VPDQ || videoIndexed)) {
        throw new MalformedInputException("a plug-in entry is of another type");
      }
      signals.add(e);
    }
    if (!videoIndexed) {
      return new IndexedList(name, source, encoded, types, labels, labelled, digests,
          digestEntries, pdq, pdqEntries, signals, file,
          List.of(metaRegion, offsetsRegion, records));
    }
    Positions videoAt = positions(ch, dir.get(VIDEO_ENTRIES), -1, "vPDQ entries");
    if (videoAt.size() > n || videoAt.size() == 0) {
      throw new MalformedInputException("bad vPDQ entry section");
    }
    // The vPDQ entries, decoded (and checked to be vPDQ) when a query's frames find them.
    List<HashListEntry> videoEntries = new java.util.AbstractList<>() {
      @Override
      public HashListEntry get(int k) {
        int i = videoAt.get(k);
        if (i < 0 || i >= n) {
          throw new MalformedInputException(file + ": corrupt indexed list: a vPDQ position"
              + " points outside the entries");
        }
        HashListEntry e = encoded.get(i);
        if (e.hash().type() != HashType.VPDQ) {
          throw new MalformedInputException(file + ": corrupt indexed list: entry " + i
              + " is not a vPDQ entry");
        }
        return e;
      }

      @Override
      public int size() {
        return videoAt.size();
      }
    };
    List<org.hotlinekit.hashing.video.VpdqHash> videoHashes = new java.util.AbstractList<>() {
      @Override
      public org.hotlinekit.hashing.video.VpdqHash get(int k) {
        return org.hotlinekit.hashing.video.VpdqHash.of(videoEntries.get(k).hash());
      }

      @Override
      public int size() {
        return videoEntries.size();
      }
    };
    long[] at = dir.get(VIDEO);
    org.hotlinekit.hashing.video.VideoIndex videoIndex =
        org.hotlinekit.hashing.video.VideoIndex.map(ch, at[0], at[1], videoHashes);
    return new IndexedList(name, source, encoded, types, labels, labelled, digests,
        digestEntries, pdq, pdqEntries, signals, videoEntries, videoIndex, file,
        List.of(metaRegion, offsetsRegion, records));
  }

  /** A section's checked region. */
  private static CheckedRegion region(FileChannel ch, long[] at, String what) throws IOException {
    return CheckedRegion.open(ch, at[0], at[1], what);
  }

  /** An entry-position section: {@code count} ints (any number if negative), read in place. */
  private static Positions positions(FileChannel ch, long[] at, int count, String what)
      throws IOException {
    CheckedRegion r = region(ch, at, what);
    if (r.length() % 4 != 0 || (count >= 0 && r.length() != 4L * count)
        || r.length() / 4 > Integer.MAX_VALUE) {
      throw new MalformedInputException(what + " do not match their index");
    }
    int size = (int) (r.length() / 4);
    CheckedRegion.Ints ints = r.ints(0, size);
    return new Positions() {
      @Override
      public int get(int position) {
        return ints.get(position);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * Checks the whole file at once: every block of every section against its checksum, the
   * structure of the indexes, and every entry decoded and checked against the hash its index
   * holds for it (what matching otherwise checks as it reads). A list indexed in this process
   * is always whole.
   *
   * @throws MalformedInputException if anything is corrupt
   */
  public void checkAll() {
    if (added != null) {
      added.checkAll();
    }
    try {
      for (CheckedRegion r : regions) {
        r.checkAll();
      }
      digests.values().forEach(DigestIndex::checkAll);
      if (pdq != null) {
        pdq.checkAll();
      }
      if (videos != null) {
        videos.checkAll();
        for (int k = 0; k < videoEntries.size(); k++) {
          videoEntries.get(k); // an opened file's: decoded and checked to be vPDQ
        }
      }
      for (int i = 0; i < entries.size(); i++) {
        entries.get(i);
      }
      for (Map.Entry<DigestAlgorithm, DigestIndex> d : digests.entrySet()) {
        for (int p = 0; p < d.getValue().size(); p++) {
          digestEntry(d.getKey(), p);
        }
      }
      for (int p = 0; pdq != null && p < pdq.size(); p++) {
        pdqEntry(p);
      }
    } catch (MalformedInputException e) {
      throw corrupt(e);
    }
  }

  /**
   * The exception to throw for a corrupt part found while matching: names the file.
   *
   * @param e what the index found
   * @return the exception, naming this list's file (or its name, for a list built in memory)
   */
  MalformedInputException corrupt(MalformedInputException e) {
    String w = where == null ? name : where;
    return e.getMessage().startsWith(w) ? e
        : new MalformedInputException(w + ": corrupt indexed list: " + e.getMessage());
  }

  private static MalformedInputException corrupt(Path file, String why) {
    return new MalformedInputException(file + ": corrupt indexed list: " + why);
  }

  private static String string(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > MAX_NAME_BYTES || n > in.remaining()) {
      throw new MalformedInputException("bad string length");
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
