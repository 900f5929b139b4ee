package org.hotlinekit.scan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.hotlinekit.core.io.AtomicFiles;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Fingerprint;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.packet.PacketWriter;

/**
 * What a {@link Scan} run found: an item per file in scan order, the counts, and the report in
 * the exchange format. Immutable.
 *
 * <p>The report has one item per file that could be read (failed files have nothing to report
 * and are counted in its memo): fingerprints are the file's hashes, {@code known} is true for
 * known files and false for new ones (left out for unverified files, which were not fully
 * checked), known items carry their list entries' labels as {@code matchLabels}, and no item is
 * assessed: that is the analyst's work.
 */
public final class ScanResult {
  /** The file names {@link #writeTo(Path)} writes. */
  public static final String RESULTS = "results.jsonl";
  /** The report document. */
  public static final String REPORT = "report.json";
  /** The summary page. */
  public static final String SUMMARY = "summary.html";
  /** The sealed report, with {@link #writeTo(Path, PacketWriter)}. */
  public static final String PACKET = "report.p7m";

  /** How the scan was run, for the outputs. */
  record Settings(List<String> roots, List<Scan.ListInfo> lists, int maxDistance,
      String reportingHotline, String reference, Optional<String> sourceUrl, ZoneId timeZone,
      Instant started, Instant finished, OptionalInt groupDistance, boolean groupDihedral) {}

  private final Settings settings;
  private final List<ScanItem> items;
  private final int total;
  private final int done;
  private final boolean cancelled;
  private final Map<Triage.Status, Integer> counts = new EnumMap<>(Triage.Status.class);
  private final ReportDocument report;
  private final List<ScanGroup> groups;

  /**
   * The result of a run.
   *
   * @param found the items in scan order
   * @param relative per item, its path below the scanned root (for item URLs)
   * @param total the files found under the roots
   * @param done the files scanned (fewer when cancelled)
   */
  ScanResult(Settings settings, List<ScanItem> found, List<String> relative, int total,
      int done, boolean cancelled) {
    this.settings = settings;
    this.total = total;
    this.done = done;
    this.cancelled = cancelled;
    for (Triage.Status s : Triage.Status.values()) {
      counts.put(s, 0);
    }
    List<ScanItem> marked = Copies.mark(found);
    Grouped grouped = settings.groupDistance().isPresent()
        ? Grouper.group(marked, settings.groupDistance().getAsInt(), settings.groupDihedral())
        : new Grouped(marked, List.of());
    this.groups = grouped.groups();
    List<ScanItem> numbered = new ArrayList<>(found.size());
    List<ContentItem> contentItems = new ArrayList<>();
    for (int i = 0; i < grouped.items().size(); i++) {
      ScanItem it = grouped.items().get(i);
      counts.merge(it.status(), 1, Integer::sum);
      if (it.status() == Triage.Status.FAILED) {
        numbered.add(it);
        continue;
      }
      String id = "item-" + (contentItems.size() + 1);
      ScanItem withId = it.withReportItem(id);
      numbered.add(withId);
      contentItems.add(contentItem(withId, id, relative.get(i)));
    }
    this.items = List.copyOf(numbered);
    this.report = contentItems.isEmpty() ? null : new ReportDocument(List.of(new Report(
        settings.reference(), settings.reportingHotline(), settings.started(),
        settings.timeZone(), settings.sourceUrl().orElse("urn:hotlinekit:scan:"
            + encode(settings.reference())), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), Optional.of(memo()), contentItems)));
  }

  private ContentItem contentItem(ScanItem it, String id, String relative) {
    List<Fingerprint> fingerprints = it.outcome().hashes().map(h -> h.values().stream()
        .filter(v -> Fingerprint.exchangeable(v.type())).map(Fingerprint::of).toList())
        .orElse(List.of());
    Optional<Boolean> known = switch (it.status()) {
      case KNOWN -> Optional.of(true);
      case NEW -> Optional.of(false);
      default -> Optional.empty();
    };
    Optional<String> memo = it.status() == Triage.Status.UNVERIFIED
        ? Optional.of("unverified: " + it.outcome().reason().orElse("")) : Optional.empty();
    return new ContentItem(id, url(it, relative), Flow.mediaType(it), Optional.empty(),
        Optional.empty(), known, fingerprints, it.labels(), List.of(), List.of(), memo);
  }

  private String url(ScanItem it, String relative) {
    Optional<String> base = settings.sourceUrl().filter(u -> u.endsWith("/"));
    if (base.isPresent()) {
      return base.get() + encodePath(relative);
    }
    return "urn:hotlinekit:file:" + encodePath(it.name());
  }

  private static String encodePath(String path) {
    List<String> parts = new ArrayList<>();
    for (String seg : path.split("/", -1)) {
      parts.add(encode(seg));
    }
    return String.join("/", parts);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String memo() {
    return "hotlinekit scan of " + total + (total == 1 ? " file" : " files")
        + (items.size() > total ? " (" + items.size() + " with the entries of archives)" : "")
        + ": " + count(Triage.Status.KNOWN) + " known, "
        + count(Triage.Status.NEW) + " new, " + count(Triage.Status.UNVERIFIED) + " unverified"
        + " (not fully checked: an analyst decides), " + count(Triage.Status.FAILED)
        + " failed (unreadable, not in this report)" + (cancelled ? "; the scan was cancelled"
            + " before the other " + (total - done) + " files" : "");
  }

  /**
   * The files, in scan order.
   *
   * @return an item per file scanned
   */
  public List<ScanItem> items() {
    return items;
  }

  /**
   * How many files came out with a status.
   *
   * @param status the status
   * @return the count
   */
  public int count(Triage.Status status) {
    return counts.get(Objects.requireNonNull(status, "status"));
  }

  /**
   * The near-duplicate groups of the new items, in review order: the largest groups first, then
   * the highest representative quality, then scan order. Empty unless grouping was asked for
   * ({@link Scan.Builder#group(int)}); every new item with a PDQ hash is in exactly one group (a
   * picture with no near copy is a group of one).
   *
   * @return the groups
   */
  public List<ScanGroup> groups() {
    return groups;
  }

  /**
   * How many known files carry each label, counting a file once per label.
   *
   * @return {@code "scheme label"} (e.g. {@code "tc-ics B1"}) to files, sorted
   */
  public java.util.SortedMap<String, Integer> labelCounts() {
    java.util.SortedMap<String, Integer> m = new java.util.TreeMap<>();
    for (ScanItem it : items) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (org.hotlinekit.categorisation.assertion.LabelAssertion l : it.labels()) {
        String key = l.scheme().id() + " " + l.label();
        if (seen.add(key)) {
          m.merge(key, 1, Integer::sum);
        }
      }
    }
    return java.util.Collections.unmodifiableSortedMap(m);
  }

  /**
   * How many of the items are archives (whose entries are items too).
   *
   * @return the count
   */
  public int archiveCount() {
    return (int) items.stream().filter(ScanItem::archive).count();
  }

  /**
   * How many items are exact copies of an earlier one ({@link ScanItem#sameAs()}).
   *
   * @return the count
   */
  public int copyCount() {
    return (int) items.stream().filter(it -> it.sameAs().isPresent()).count();
  }

  /**
   * How many files were found under the roots (archive entries not counted; more than were
   * scanned when cancelled).
   *
   * @return the count
   */
  public int total() {
    return total;
  }

  /**
   * Whether every file found was scanned.
   *
   * @return false if the run was cancelled
   */
  public boolean complete() {
    return !cancelled && done == total;
  }

  /**
   * The lists matched against.
   *
   * @return the lists
   */
  public List<Scan.ListInfo> lists() {
    return settings.lists();
  }

  /**
   * The report's case reference (given, or made from the start time).
   *
   * @return the reference
   */
  public String reference() {
    return settings.reference();
  }

  /**
   * When the scan started (the report's received time and the labels' time).
   *
   * @return the start
   */
  public Instant started() {
    return settings.started();
  }

  /**
   * How long the scan took.
   *
   * @return the duration
   */
  public Duration elapsed() {
    return Duration.between(settings.started(), settings.finished());
  }

  /**
   * The report in the exchange format.
   *
   * @return the report document; empty when no file could be read (there is nothing to report)
   */
  public Optional<ReportDocument> report() {
    return Optional.ofNullable(report);
  }

  Settings settings() {
    return settings;
  }

  /**
   * Writes {@value #RESULTS} (a JSON object per file), {@value #REPORT} (the report document,
   * unless no file could be read) and {@value #SUMMARY} (a self-contained page for a person) into
   * a new folder, all or nothing ({@link AtomicFiles#writeFolder}).
   *
   * @param folder the folder to create (must not exist, or be empty)
   * @throws IllegalStateException if the scan was cancelled: incomplete results are never
   *     written, since they would read as a whole scan
   * @throws org.hotlinekit.core.OutputWriteException if the folder exists with files in it, or
   *     writing fails
   */
  public void writeTo(Path folder) {
    write(folder, Optional.empty());
  }

  /**
   * Writes as {@link #writeTo(Path)}, and the report sealed by {@code sealer} as {@value
   * #PACKET}. The packet is sealed before anything is written: if sealing is refused, nothing is.
   *
   * @param folder the folder to create
   * @param sealer signs and encrypts for the recipients
   * @throws IllegalStateException if the scan was cancelled, no file could be read (nothing to
   *     report), or the report names no reporting hotline ({@link
   *     Scan.Builder#reportingHotline(String)}): a recipient could not act on it
   * @throws org.hotlinekit.iccam.packet.SealRefusedException if the sealer refuses (see there)
   * @throws org.hotlinekit.core.OutputWriteException if the folder exists with files in it, or
   *     writing fails
   */
  public void writeTo(Path folder, PacketWriter sealer) {
    Objects.requireNonNull(sealer, "sealer");
    if (report == null) {
      throw new IllegalStateException("nothing to seal: no file could be read");
    }
    if (settings.reportingHotline().equals(Scan.LOCAL_HOTLINE)) {
      throw new IllegalStateException("a sealed report names its reporting hotline (e.g."
          + " BE-childfocus); this one is '" + Scan.LOCAL_HOTLINE + "'");
    }
    write(folder, Optional.of(sealer));
  }

  private void write(Path folder, Optional<PacketWriter> sealer) {
    Objects.requireNonNull(folder, "folder");
    if (!complete()) {
      throw new IllegalStateException("the scan was cancelled after " + done + " of "
          + total + " files; incomplete results are not written");
    }
    byte[] reportBytes = report == null ? null : ReportJson.strict().write(report);
    if (reportBytes != null) {
      // What a recipient's strict reader (and `report validate`) runs; refusing here is a bug.
      ReportJson.strict().read(reportBytes, REPORT);
    }
    byte[] packet = sealer.map(s -> s.seal(report)).orElse(null);
    String results = ResultsFile.render(this);
    String summary = SummaryPage.render(this, sealer.isPresent());
    AtomicFiles.writeFolder(folder, tmp -> {
      Files.writeString(tmp.resolve(RESULTS), results, StandardCharsets.UTF_8);
      if (reportBytes != null) {
        Files.write(tmp.resolve(REPORT), reportBytes);
      }
      if (packet != null) {
        Files.write(tmp.resolve(PACKET), packet);
      }
      Files.writeString(tmp.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
    });
  }
}
