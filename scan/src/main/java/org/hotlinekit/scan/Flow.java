package org.hotlinekit.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.assertion.Assessor;
import org.hotlinekit.categorisation.assertion.Basis;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.categorisation.scheme.SchemeRef;
import org.hotlinekit.categorisation.scheme.Schemes;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaFiles;
import org.hotlinekit.iccam.model.MediaType;

/** One file through the flow: triage, then the labels its matched entries carry. */
final class Flow {
  /** A file to scan, with its name in the results and its path below the scanned root. */
  record Input(MediaFiles.Entry entry, String name, String relative) {}

  private static final DateTimeFormatter REFERENCE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Set<String> VIDEO = Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm",
      "wmv", "flv", "mpg", "mpeg", "3gp", "ts", "mts", "vob", "ogv");
  private static final Set<String> IMAGE = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp",
      "tif", "tiff", "heic", "heif", "avif", "jfif");

  private final Triage triage;
  private final Map<String, Scan.ListInfo> lists = new LinkedHashMap<>();
  private final Optional<String> jurisdiction;
  private final Instant at;

  Flow(Triage triage, List<Scan.ListInfo> lists, Optional<String> jurisdiction, Instant at) {
    this.triage = triage;
    for (Scan.ListInfo l : lists) {
      this.lists.put(l.name(), l);
    }
    this.jurisdiction = jurisdiction;
    this.at = at;
  }

  /** The inputs under one root: names start with the root's own name. */
  static List<Input> inputs(Path root) {
    Path absRoot = root.toAbsolutePath().normalize();
    String rootName = absRoot.getFileName() == null ? "" : absRoot.getFileName().toString();
    List<Input> out = new ArrayList<>();
    for (MediaFiles.Entry e : MediaFiles.walk(List.of(root))) {
      Path abs = e.path().toAbsolutePath().normalize();
      String relative = abs.equals(absRoot) ? rootName
          : slashes(absRoot.relativize(abs));
      String name = abs.equals(absRoot) || rootName.isEmpty() ? relative
          : rootName + "/" + relative;
      out.add(new Input(e, name, relative));
    }
    return out;
  }

  private static String slashes(Path p) {
    List<String> parts = new ArrayList<>();
    for (Path q : p) {
      parts.add(q.toString());
    }
    return String.join("/", parts);
  }

  /** {@code scan-} and the start time in UTC, to the second. */
  static String defaultReference(Instant started) {
    return "scan-" + REFERENCE_TIME.format(started);
  }

  ScanItem scan(Input in) {
    long t0 = System.nanoTime();
    Triage.Outcome o = triage.triage(in.entry());
    List<LabelAssertion> labels = labels(o.matches());
    return new ScanItem(in.entry().path().toString(), in.name(), o, labels, Optional.empty(),
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * One label per labelled entry matched, from the closest of its matches (an entry may match
   * by MD5 and by PDQ).
   */
  private List<LabelAssertion> labels(List<Match> matches) {
    Map<String, Match> best = new LinkedHashMap<>();
    for (Match m : matches) {
      Scan.ListInfo list = lists.get(m.list());
      if (m.entry().label().isEmpty() || list == null || list.labelScheme().isEmpty()) {
        continue;
      }
      String key = m.list() + "\u0000" + m.entry().id();
      Match seen = best.get(key);
      if (seen == null || m.distance() < seen.distance()) {
        best.put(key, m);
      }
    }
    List<LabelAssertion> out = new ArrayList<>();
    for (Match m : best.values()) {
      SchemeRef scheme = lists.get(m.list()).labelScheme().get();
      boolean needs = Schemes.find(scheme.id()).map(s -> s.needsJurisdiction()).orElse(false);
      String label = m.entry().label().get();
      out.add(new LabelAssertion(scheme, label, needs ? jurisdiction : Optional.empty(),
          Assessor.HOTLINEKIT, at, new Basis.HashMatch(m.list(), m.entry().id(), m.type(),
              m.distance()),
          "label of " + m.list() + " entry " + m.entry().id() + " (" + m.type().id()
              + " match at distance " + m.distance() + ")"));
    }
    return out;
  }

  /** Image when PDQ was computed, else told by the file's extension. */
  static MediaType mediaType(ScanItem item) {
    if (item.outcome().hashes().flatMap(h -> h.pdq()).isPresent()) {
      return MediaType.IMAGE;
    }
    String n = item.name();
    int dot = n.lastIndexOf('.');
    String ext = dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    return IMAGE.contains(ext) ? MediaType.IMAGE : VIDEO.contains(ext) ? MediaType.VIDEO
        : MediaType.OTHER;
  }
}
