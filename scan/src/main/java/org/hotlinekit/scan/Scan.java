package org.hotlinekit.scan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.hotlinekit.categorisation.scheme.SchemeMapper;
import org.hotlinekit.categorisation.scheme.SchemeRef;
import org.hotlinekit.categorisation.scheme.Schemes;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.hashing.batch.BatchRunner;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.match.IndexedList;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.pdq.PdqHasher;

/**
 * The hotline's main job in one call: every file under the given folders is hashed once (MD5,
 * SHA-1, SHA-256 and PDQ with its rotations and mirror images), matched against every list, and
 * sorted into known (with the labels its list entries carry, as hash-match assertions), new (for
 * an analyst), unverified (nothing matched but a hash could not be computed: for an analyst too,
 * never "not known") and failed (unreadable). The result holds one {@link ScanItem} per file and
 * the report document in the exchange format; {@link ScanResult#writeTo(Path)} writes {@code
 * results.jsonl}, {@code report.json} and {@code summary.html} as one folder, all or nothing.
 *
 * <pre>{@code
 * ScanResult result = Scan.builder()
 *     .list(Path.of("ncmec.xml"))                      // NCMEC classifications are TC ICS labels
 *     .list(Path.of("own-list.jsonl"), "tc-ics")       // say which scheme a list's labels are in
 *     .reportingHotline("BE-childfocus")
 *     .build()
 *     .run(List.of(Path.of("capture")));
 * result.count(Triage.Status.KNOWN);                 // and result.items(), result.report()
 * result.writeTo(Path.of("case-17"));                // or writeTo(dir, packetWriter): sealed too
 * }</pre>
 *
 * <p>Archives (zip, tar, gzip, bzip2, xz, nested) are walked as streams within {@link
 * ArchiveLimits}: each archive is an item of its own (matched by its digests), followed by its
 * entries, named {@code a.zip!/dir/x.jpg}. Content that occurs more than once is hashed and
 * decided once; {@link ScanItem#sameAs()} names the first occurrence. With {@link
 * Builder#group(int)}, new items are grouped by near-duplicate PDQ hashes into a review queue.
 *
 * <p>A scan is immutable and thread-safe; {@link #run(List)} may be called again (each run has
 * its own time and, unless a reference was given, its own reference).
 */
public final class Scan {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Scan.class);
  /** The reporting hotline's id when none is given: the report is for local use only. */
  public static final String LOCAL_HOTLINE = "local";

  private final Triage triage;
  private final List<ListInfo> lists;
  private final Optional<String> jurisdiction;
  private final int threads;
  private final BatchRunner.Progress progress;
  private final BooleanSupplier cancelled;
  private final String reportingHotline;
  private final Optional<String> reference;
  private final Optional<String> sourceUrl;
  private final ZoneId timeZone;
  private final Clock clock;
  private final ArchiveLimits archives;
  /** Whether top-level video files are hashed with vPDQ. */
  private final boolean video;
  private final java.util.OptionalInt groupDistance;
  private final boolean groupDihedral;

  private Scan(Builder b, Triage triage, List<ListInfo> lists) {
    this.video = b.video;
    this.archives = b.archives;
    this.groupDistance = b.groupDistance;
    this.groupDihedral = b.groupDihedral;
    this.triage = triage;
    this.lists = List.copyOf(lists);
    this.jurisdiction = b.jurisdiction;
    this.threads = b.threads;
    this.progress = b.progress;
    this.cancelled = b.cancelled;
    this.reportingHotline = b.reportingHotline;
    this.reference = b.reference;
    this.sourceUrl = b.sourceUrl;
    this.timeZone = b.timeZone;
    this.clock = b.clock;
  }

  /**
   * Starts configuring a scan.
   *
   * @return a builder: at least one list is needed; the defaults are those of {@link
   *     Triage#builder()}, one thread per processor, the reporting hotline {@value
   *     #LOCAL_HOTLINE} and the system's time zone
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The scheme a list format's labels are in, when the format fixes it: an NCMEC Hash Sharing
   * list's classifications are Tech Coalition ICS labels ({@value Schemes#TC_ICS}). Other
   * formats carry whatever labels their producer chose.
   *
   * @param format the format
   * @return the scheme id, or empty
   */
  public static Optional<String> labelSchemeOf(HashListFormat format) {
    return format.name().equals(HashListFormat.ncmecHashSharingXml().name())
        ? Optional.of(Schemes.TC_ICS) : Optional.empty();
  }

  /**
   * A loaded list as the scan sees it.
   *
   * @param name the list's name (what matches and labels name)
   * @param source where it was read from
   * @param entries how many entries it has
   * @param labelScheme the scheme its entries' labels are in, if known; without one, labels are
   *     shown in the results but not asserted in the report
   * @param labelled how many of its entries carry a label
   */
  public record ListInfo(String name, String source, int entries,
      Optional<SchemeRef> labelScheme, int labelled) {
    /**
     * Checks.
     *
     * @param name the name
     * @param source the source
     * @param entries the entry count
     * @param labelScheme the label scheme
     * @param labelled the labelled entry count
     */
    public ListInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(labelScheme, "labelScheme");
    }
  }

  /**
   * The lists, in the order they were added.
   *
   * @return the lists
   */
  public List<ListInfo> lists() {
    return lists;
  }

  /**
   * Scans files and folders (folders recursively, in sorted order; links to folders inside them
   * are not followed).
   *
   * @param roots the files and folders
   * @return the result; {@link ScanResult#complete()} is false if the run was cancelled
   * @throws InputReadException if the roots hold no file at all (an empty scan would look like a
   *     clean one)
   * @throws IllegalArgumentException if no root is given
   */
  public ScanResult run(List<Path> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("give at least one file or folder to scan");
    }
    List<Flow.Input> inputs = new ArrayList<>();
    for (Path root : roots) {
      inputs.addAll(Flow.inputs(root));
    }
    if (inputs.isEmpty()) {
      throw new InputReadException(String.join(", ", roots.stream().map(Path::toString)
          .toList()) + ": no files to scan");
    }
    Instant started = clock.instant();
    String ref = reference.orElseGet(() -> Flow.defaultReference(started));
    Flow flow = new Flow(triage, lists, jurisdiction, started, archives, video);
    BatchRunner runner = BatchRunner.builder().threads(threads).progress(progress)
        .cancelWhen(cancelled).build();
    List<ScanItem> items = new ArrayList<>(inputs.size());
    List<String> relative = new ArrayList<>(inputs.size());
    int[] next = {0};
    BatchRunner.Summary s = runner.run(inputs, flow::scan, found -> {
      Flow.Input in = inputs.get(next[0]++);
      for (ScanItem it : found) {
        items.add(it);
        // An archive's entries are below it: a.zip!/x.jpg below the folder as a.zip is.
        relative.add(in.relative() + it.name().substring(in.name().length()));
      }
    });
    LOG.debug("scanned {} of {} files ({} items) against {} lists", s.done(), inputs.size(),
        items.size(), lists.size());
    ScanResult.Settings settings = new ScanResult.Settings(roots.stream().map(Path::toString)
        .toList(), lists, triage.matcher().maxDistance(), reportingHotline, ref,
        sourceUrl, timeZone, started, clock.instant(), groupDistance, groupDihedral);
    return new ScanResult(settings, items, relative, inputs.size(), s.done(), s.cancelled());
  }

  /** Configures a {@link Scan}. */
  public static final class Builder {
    private final Triage.Builder triage = Triage.builder();
    private boolean video;
    private final Map<String, ListInfo> lists = new LinkedHashMap<>();
    private Optional<String> jurisdiction = Optional.empty();
    private int threads = Runtime.getRuntime().availableProcessors();
    private BatchRunner.Progress progress = (done, total) -> { };
    private BooleanSupplier cancelled = () -> false;
    private String reportingHotline = LOCAL_HOTLINE;
    private Optional<String> reference = Optional.empty();
    private Optional<String> sourceUrl = Optional.empty();
    private ZoneId timeZone = ZoneId.systemDefault();
    private Clock clock = Clock.systemUTC();
    private ArchiveLimits archives = ArchiveLimits.defaults();
    private java.util.OptionalInt groupDistance = java.util.OptionalInt.empty();
    private boolean groupDihedral = true;

    private Builder() {}

    /**
     * Adds a list file, its format told from its content, named after its file. The labels of
     * an NCMEC Hash Sharing list are Tech Coalition ICS classifications; other lists' labels are
     * asserted only when {@link #list(Path, String)} says which scheme they are in.
     *
     * @param file the list
     * @return this builder
     * @throws MalformedInputException if the format cannot be told
     * @throws InputReadException if the file cannot be read
     */
    public Builder list(Path file) {
      HashListFormat format = HashListFormat.detect(file);
      return add(read(file, format), labelSchemeOf(format));
    }

    /**
     * Adds a list file whose entries' labels are in the given scheme.
     *
     * @param file the list (format told from its content)
     * @param labelScheme a built-in scheme id ({@link Schemes}), e.g. {@code tc-ics}
     * @return this builder
     * @throws IllegalArgumentException if the scheme is not a built-in one
     * @throws MalformedInputException if the format cannot be told, or an entry's label is not
     *     one of the scheme's
     * @throws InputReadException if the file cannot be read
     */
    public Builder list(Path file, String labelScheme) {
      return add(read(file, HashListFormat.detect(file)), Optional.of(labelScheme));
    }

    /**
     * Adds a list read already; its labels are asserted only with {@link #list(HashList,
     * String)}.
     *
     * @param list the list
     * @return this builder
     */
    public Builder list(HashList list) {
      return add(list, Optional.empty());
    }

    /**
     * Adds a list read already whose entries' labels are in the given scheme.
     *
     * @param list the list
     * @param labelScheme a built-in scheme id
     * @return this builder
     * @throws IllegalArgumentException if the scheme is not a built-in one
     * @throws MalformedInputException if an entry's label is not one of the scheme's
     */
    public Builder list(HashList list, String labelScheme) {
      return add(list, Optional.of(labelScheme));
    }

    /**
     * Adds an index file made by {@code IndexedList.writeTo} (or {@code hotlinekit index build});
     * its labels are asserted only with {@link #index(Path, String)}.
     *
     * @param file the index file
     * @return this builder
     */
    public Builder index(Path file) {
      return index(file, Optional.empty());
    }

    /**
     * Adds an index file whose entries' labels are in the given scheme.
     *
     * @param file the index file
     * @param labelScheme a built-in scheme id
     * @return this builder
     * @throws IllegalArgumentException if the scheme is not a built-in one
     * @throws MalformedInputException if an entry's label is not one of the scheme's
     */
    public Builder index(Path file, String labelScheme) {
      return index(file, Optional.of(labelScheme));
    }

    private Builder index(Path file, Optional<String> labelScheme) {
      IndexedList indexed = IndexedList.read(file);
      // The entries stay encoded: the labels are checked from the file's label table.
      Optional<SchemeRef> scheme = scheme(labelScheme);
      for (String label : indexed.labels()) {
        checkLabel(scheme, label, file + ": a label", label);
      }
      ListInfo info = new ListInfo(indexed.name(), file.toString(), indexed.size(), scheme,
          indexed.labelled());
      triage.index(indexed);
      lists.put(info.name(), info);
      return this;
    }

    private static HashList read(Path file, HashListFormat format) {
      List<HashListEntry> entries = new ArrayList<>();
      format.read(file, false, entries::add);
      return new HashList(file.getFileName().toString(), file.toString(), entries);
    }

    private Builder add(HashList list, Optional<String> labelScheme) {
      ListInfo info = info(list, labelScheme);
      triage.list(list);
      lists.put(info.name(), info);
      return this;
    }

    private ListInfo info(HashList list, Optional<String> labelScheme) {
      Optional<SchemeRef> scheme = scheme(labelScheme);
      int labelled = 0;
      for (HashListEntry e : list.entries()) {
        if (e.label().isPresent()) {
          labelled++;
          checkLabel(scheme, e.label().get(), list.source() + ": entry " + e.id() + " has the"
              + " label", e.label().get());
        }
      }
      return new ListInfo(list.name(), list.source(), list.entries().size(), scheme, labelled);
    }

    private static Optional<SchemeRef> scheme(Optional<String> labelScheme) {
      return labelScheme.map(id -> Schemes.find(id).map(SchemeMapper::scheme)
          .orElseThrow(() -> new IllegalArgumentException("unknown label scheme '" + id
              + "' (built-in: " + String.join(", ", Schemes.builtIn().stream()
                  .map(m -> m.scheme().id()).toList()) + ")")));
    }

    /** Refuses a label that is not one of the scheme's. */
    private static void checkLabel(Optional<SchemeRef> scheme, String label, String what,
        String shown) {
      if (scheme.isPresent()
          && !Schemes.accepts(Schemes.find(scheme.get().id()).orElseThrow(), label)) {
        throw new MalformedInputException(what + " '" + shown + "', which is not a "
            + scheme.get().id() + " label (labels: " + String.join(", ", new java.util.TreeSet<>(
                Schemes.find(scheme.get().id()).orElseThrow().labels())) + ")");
      }
    }

    /**
     * The jurisdiction that list labels of jurisdiction-dependent schemes (ICCAM's
     * classification: national illegality) hold for: the jurisdiction of the hotline that
     * assessed the listed items. Needed only for lists with such labels.
     *
     * @param code a code such as {@code BE}
     * @return this builder
     * @throws IllegalArgumentException if the code is not two capital letters (optionally with a
     *     subdivision, e.g. {@code US-CA})
     */
    public Builder jurisdiction(String code) {
      if (!Objects.requireNonNull(code, "code").matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
        throw new IllegalArgumentException("jurisdiction must be a code such as BE or UK, not '"
            + code + "'");
      }
      jurisdiction = Optional.of(code);
      return this;
    }

    /**
     * The largest PDQ Hamming distance that matches.
     *
     * @param distance 0..63 (default 31)
     * @return this builder
     */
    public Builder maxDistance(int distance) {
      triage.maxDistance(distance);
      return this;
    }

    /**
     * Accepts lists without entries (refused by default: every file would come out new).
     *
     * @return this builder
     */
    public Builder allowEmptyLists() {
      triage.allowEmptyLists();
      return this;
    }

    /**
     * The PDQ hasher (for its pixel cap).
     *
     * @param hasher the hasher
     * @return this builder
     */
    public Builder pdqHasher(PdqHasher hasher) {
      triage.pdqHasher(hasher);
      return this;
    }

    /**
     * Files hashed in parallel.
     *
     * @param n at least 1 (default: one per processor)
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      threads = n;
      return this;
    }

    /**
     * Called on the scanning thread after each file.
     *
     * @param p the progress callback
     * @return this builder
     */
    public Builder progress(BatchRunner.Progress p) {
      progress = Objects.requireNonNull(p, "progress");
      return this;
    }

    /**
     * Stops the run early when this says so; the result is then incomplete.
     *
     * @param isCancelled checked before each file is started
     * @return this builder
     */
    public Builder cancelWhen(BooleanSupplier isCancelled) {
      cancelled = Objects.requireNonNull(isCancelled, "isCancelled");
      return this;
    }

    /**
     * The reporting hotline's id in the report, e.g. {@code BE-childfocus}. A report is sealed
     * only when this is given.
     *
     * @param id the id
     * @return this builder
     */
    public Builder reportingHotline(String id) {
      reportingHotline = text(id, "reportingHotline");
      return this;
    }

    /**
     * The report's case reference (default: {@code scan-} and the UTC start time, e.g. {@code
     * scan-20261206T101500Z}).
     *
     * @param ref the reference
     * @return this builder
     */
    public Builder reference(String ref) {
      reference = Optional.of(text(ref, "reference"));
      return this;
    }

    /**
     * Where the scanned media were captured from: the report's source URL, and, when it ends
     * with {@code /}, the base of each item's URL (base + the file's path below the scanned
     * folder). Without it the report says the media are local files ({@code urn:hotlinekit:file:}
     * and the path), since the scan cannot know where they came from.
     *
     * @param url an absolute URL
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute URL
     */
    public Builder sourceUrl(String url) {
      java.net.URI u;
      try {
        u = new java.net.URI(text(url, "sourceUrl"));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("source URL: " + e.getMessage(), e);
      }
      if (!u.isAbsolute()) {
        throw new IllegalArgumentException("source URL must be absolute, e.g. https://...");
      }
      sourceUrl = Optional.of(url);
      return this;
    }

    /**
     * The hotline's time zone, for the report.
     *
     * @param zone the zone (default: the system's)
     * @return this builder
     */
    public Builder timeZone(ZoneId zone) {
      timeZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The clock that dates the scan, its report and labels.
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * Hashes the videos among the scanned files with vPDQ through this hasher and matches them
     * against the lists' vPDQ entries ({@link Triage.Builder#video}): an unmatched video is then
     * new, not unverified. A video inside an archive keeps its digests only and stays
     * unverified (vPDQ needs a file).
     *
     * @param hasher the video hasher (its frame rate and limits)
     * @return this builder
     */
    public Builder video(org.hotlinekit.hashing.video.VideoHasher hasher) {
      triage.video(hasher);
      this.video = true;
      return this;
    }

    /**
     * This team's disputed entries ({@link Triage.Builder#disputes}).
     *
     * @param verdicts the disputed entries
     * @return this builder
     */
    public Builder disputes(org.hotlinekit.hashing.match.Disputes verdicts) {
      triage.disputes(verdicts);
      return this;
    }

    /**
     * A flood guard that quarantines entries that match far too much ({@link
     * Triage.Builder#floodGuard}).
     *
     * @param guard the guard
     * @return this builder
     */
    public Builder floodGuard(org.hotlinekit.hashing.match.FloodGuard guard) {
      triage.floodGuard(guard);
      return this;
    }

    /**
     * How archives in the scanned folders are walked (default {@link ArchiveLimits#defaults()});
     * {@link ArchiveLimits#none()} hashes them as files without opening them.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder archives(ArchiveLimits limits) {
      archives = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Groups the new items into near-duplicate groups for review ({@link ScanResult#groups()}),
     * linking two pictures whose PDQ hashes are within the distance, rotated and mirrored
     * copies included unless {@link #groupDihedral(boolean)} says otherwise.
     *
     * @param maxDistance 0..63; {@value org.hotlinekit.core.pdq.PdqHash#RECOMMENDED_MATCH_DISTANCE},
     *     the matching distance, is the recommended one (see {@link
     *     org.hotlinekit.hashing.group.NearDuplicateGroups})
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder group(int maxDistance) {
      if (maxDistance < 0 || maxDistance > 63) {
        throw new IllegalArgumentException("group distance must be 0..63, got " + maxDistance);
      }
      groupDistance = java.util.OptionalInt.of(maxDistance);
      return this;
    }

    /**
     * Whether rotated and mirrored copies join a group (default true).
     *
     * @param enabled whether to group by all eight variants
     * @return this builder
     */
    public Builder groupDihedral(boolean enabled) {
      groupDihedral = enabled;
      return this;
    }

    private static String text(String s, String what) {
      if (Objects.requireNonNull(s, what).isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return s;
    }

    /**
     * Builds the indexes.
     *
     * @return the scan
     * @throws IllegalStateException if no list was added
     * @throws MalformedInputException if a list has no entries (unless {@link
     *     #allowEmptyLists()}), or a list's labels need a jurisdiction and none was given
     */
    public Scan build() {
      if (lists.isEmpty()) {
        throw new IllegalStateException("add at least one list to scan against");
      }
      for (ListInfo l : lists.values()) {
        boolean needs = l.labelScheme().flatMap(s -> Schemes.find(s.id()))
            .map(SchemeMapper::needsJurisdiction).orElse(false);
        if (needs && l.labelled() > 0 && jurisdiction.isEmpty()) {
          throw new MalformedInputException(l.source() + ": its " + l.labelScheme().get().id()
              + " labels hold for the jurisdiction of the hotline that assessed the items;"
              + " say which (jurisdiction)");
        }
      }
      return new Scan(this, triage.build(), new ArrayList<>(lists.values()));
    }
  }
}
