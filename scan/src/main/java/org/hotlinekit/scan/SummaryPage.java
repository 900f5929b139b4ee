package org.hotlinekit.scan;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Triage;

/**
 * {@code summary.html}: one self-contained page for a person, with no script, no network (its
 * content security policy forbids every fetch) and never an image of the media. Every number on
 * it carries a {@code data-} attribute, so that a check can compare it with {@code
 * results.jsonl}.
 */
final class SummaryPage {
  /** Rows shown in the long tables; the rest are in results.jsonl. */
  static final int MAX_ROWS = 1000;
  /** Slowest files shown. */
  static final int SLOWEST = 10;
  /** Width of a PDQ distance bin. */
  static final int BIN = 4;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final StringBuilder h = new StringBuilder(16 * 1024);

  private SummaryPage() {}

  static String render(ScanResult r, boolean sealed) {
    SummaryPage p = new SummaryPage();
    p.page(r, sealed);
    return p.h.toString();
  }

  private void page(ScanResult r, boolean sealed) {
    ScanResult.Settings s = r.settings();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>hotlinekit scan ").append(esc(s.reference())).append("</title>\n")
        .append("<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:72em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}\n")
        .append("th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;"
            + "vertical-align:top}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
        .append(".bar{background:#4a7bb7;height:.9em;display:inline-block}\n")
        .append(".note{background:#fff4d6;border:1px solid #e0b44c;padding:.5em 1em}\n")
        .append("code{font-size:90%}\n</style>\n</head>\n<body>\n");
    h.append("<h1>Scan ").append(esc(s.reference())).append("</h1>\n");
    double seconds = Math.max(r.elapsed().toNanos() / 1e9, 1e-9);
    h.append("<p>Started ").append(TIME.format(s.started())).append(", took ")
        .append(duration(r.elapsed())).append(" (<span data-rate>")
        .append(String.format(Locale.ROOT, "%.1f", r.items().size() / seconds))
        .append("</span> files/s). Scanned: ").append(esc(String.join(", ", s.roots())))
        .append(". Reporting hotline: <code>").append(esc(s.reportingHotline()))
        .append("</code>. PDQ matches up to distance <span data-max-distance>")
        .append(s.maxDistance()).append("</span>, rotated and mirrored copies included.</p>\n");
    h.append("<p>Files: <code>").append(ScanResult.RESULTS).append("</code> (a line per file), ")
        .append(r.report().isPresent() ? "<code>" + ScanResult.REPORT + "</code> (the report"
            + " in the exchange format)" : "no report (no file could be read)")
        .append(sealed ? ", <code>" + ScanResult.PACKET + "</code> (the report, signed and"
            + " encrypted)" : "").append(".</p>\n");
    int attention = r.count(Triage.Status.UNVERIFIED) + r.count(Triage.Status.FAILED);
    if (attention > 0) {
      h.append("<p class=\"note\">").append(attention).append(attention == 1 ? " file" : " files")
          .append(" could not be fully checked: they are listed below and need a person."
              + " Unverified files are never \"not known\".</p>\n");
    }
    counts(r);
    queue(r);
    lists(r);
    labels(r);
    histogram(r);
    slowest(r);
    known(r);
    attention(r);
    h.append("<p><small>Made by hotlinekit. This page shows hashes and file names only, never"
        + " the media.</small></p>\n</body>\n</html>\n");
  }

  private void counts(ScanResult r) {
    h.append("<h2>Files</h2>\n<table>\n<tr><th>status</th><th>files</th><th>meaning</th></tr>\n");
    String[][] rows = {
      {"known", "a hash matched a list entry; it keeps the entry's labels"},
      {"new", "every hash was computed and nothing matched: for an analyst"},
      {"unverified", "nothing matched, but a hash could not be computed or is too weak: for"
          + " an analyst, never \"not known\""},
      {"failed", "the file could not be read"}};
    for (String[] row : rows) {
      Triage.Status st = Triage.Status.valueOf(row[0].toUpperCase(Locale.ROOT));
      h.append("<tr><td>").append(row[0]).append("</td><td class=\"n\" data-count=\"")
          .append(row[0]).append("\">").append(r.count(st)).append("</td><td>").append(row[1])
          .append("</td></tr>\n");
    }
    h.append("<tr><th>total</th><td class=\"n\" data-count=\"total\">").append(r.items().size())
        .append("</td><td></td></tr>\n</table>\n");
    int archives = r.archiveCount();
    int copies = r.copyCount();
    h.append("<p>Of these, <span data-archives>").append(archives).append("</span> archives"
        + " (their entries are counted as files, named <code>archive!/entry</code>) and <span"
        + " data-copies>").append(copies).append("</span> exact copies of an earlier file (same"
        + " SHA-256: hashed and decided once).</p>\n");
  }

  /** The review queue: new pictures grouped by near-duplicates, in review order. */
  private void queue(ScanResult r) {
    if (r.settings().groupDistance().isEmpty()) {
      return;
    }
    List<ScanGroup> groups = r.groups();
    h.append("<h2>Review queue</h2>\n<p><span data-groups>").append(groups.size())
        .append("</span> groups of new pictures (PDQ within ")
        .append(r.settings().groupDistance().getAsInt())
        .append(r.settings().groupDihedral() ? ", rotations and mirror images included" : "")
        .append("): look at each group's representative once. Largest groups first, then the"
            + " highest quality.</p>\n");
    Map<Integer, Integer> sizes = new TreeMap<>(java.util.Collections.reverseOrder());
    for (ScanGroup g : groups) {
      sizes.merge(g.size(), 1, Integer::sum);
    }
    h.append("<table>\n<tr><th>group size</th><th>groups</th></tr>\n");
    for (Map.Entry<Integer, Integer> e : sizes.entrySet()) {
      h.append("<tr><td class=\"n\">").append(e.getKey()).append("</td><td class=\"n\""
          + " data-group-size=\"").append(e.getKey()).append("\">").append(e.getValue())
          .append("</td></tr>\n");
    }
    h.append("</table>\n<table>\n<tr><th>group</th><th>files</th><th>representative</th>"
        + "<th>quality</th><th>farthest member</th></tr>\n");
    for (ScanGroup g : groups.subList(0, Math.min(MAX_ROWS, groups.size()))) {
      int far = g.members().stream().mapToInt(ScanGroup.Member::distance).max().orElse(0);
      h.append("<tr><td>").append(esc(g.id())).append("</td><td class=\"n\">").append(g.size())
          .append("</td><td>").append(esc(g.representative())).append("</td><td class=\"n\">")
          .append(g.quality()).append("</td><td class=\"n\">").append(far).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (groups.size() > MAX_ROWS) {
      h.append("<p>And ").append(groups.size() - MAX_ROWS).append(" more groups: see <code>")
          .append(ScanResult.RESULTS).append("</code> (the <code>group</code> field).</p>\n");
    }
  }

  private void lists(ScanResult r) {
    Map<String, Integer> files = new LinkedHashMap<>();
    Map<String, Integer> matches = new LinkedHashMap<>();
    for (ScanItem it : r.items()) {
      Set<String> seen = new HashSet<>();
      for (Match m : it.outcome().matches()) {
        matches.merge(m.list(), 1, Integer::sum);
        if (seen.add(m.list())) {
          files.merge(m.list(), 1, Integer::sum);
        }
      }
    }
    h.append("<h2>Lists</h2>\n<table>\n<tr><th>list</th><th>entries</th><th>label scheme</th>"
        + "<th>files known by it</th><th>matches</th></tr>\n");
    for (Scan.ListInfo l : r.lists()) {
      String scheme = l.labelScheme().map(x -> esc(x.id()))
          .orElse(l.labelled() > 0 ? "<em>not given: its " + l.labelled() + " labels are in "
              + ScanResult.RESULTS + " only, not in the report</em>" : "(no labels)");
      h.append("<tr><td>").append(esc(l.name())).append("</td><td class=\"n\">")
          .append(l.entries()).append("</td><td>").append(scheme)
          .append("</td><td class=\"n\" data-list-files=\"").append(esc(l.name())).append("\">")
          .append(files.getOrDefault(l.name(), 0)).append("</td><td class=\"n\" data-list-matches=\"")
          .append(esc(l.name())).append("\">").append(matches.getOrDefault(l.name(), 0))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private void labels(ScanResult r) {
    Map<String, Integer> perLabel = r.labelCounts();
    List<ScanItem> disagree = new ArrayList<>();
    for (ScanItem it : r.items()) {
      Map<String, Set<String>> byScheme = new TreeMap<>();
      for (LabelAssertion l : it.labels()) {
        byScheme.computeIfAbsent(l.scheme().id(), k -> new java.util.TreeSet<>()).add(l.label());
      }
      if (byScheme.values().stream().anyMatch(v -> v.size() > 1)) {
        disagree.add(it);
      }
    }
    h.append("<h2>Labels of known files</h2>\n");
    if (perLabel.isEmpty()) {
      h.append("<p>No known file carries a label from a list with a label scheme.</p>\n");
      return;
    }
    h.append("<table>\n<tr><th>scheme</th><th>label</th><th>files</th></tr>\n");
    for (Map.Entry<String, Integer> e : perLabel.entrySet()) {
      String[] sl = e.getKey().split(" ", 2);
      h.append("<tr><td>").append(esc(sl[0])).append("</td><td>").append(esc(sl[1]))
          .append("</td><td class=\"n\" data-label=\"").append(esc(e.getKey())).append("\">")
          .append(e.getValue()).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!disagree.isEmpty()) {
      h.append("<p class=\"note\"><span data-disagree>").append(disagree.size())
          .append("</span> known files carry different labels of one scheme (their lists"
              + " disagree); all are kept in the report: ");
      List<String> names = new ArrayList<>();
      for (ScanItem it : disagree.subList(0, Math.min(disagree.size(), 20))) {
        names.add("<code>" + esc(it.name()) + "</code>");
      }
      h.append(String.join(", ", names)).append(disagree.size() > 20 ? ", ..." : "")
          .append(".</p>\n");
    }
  }

  private void histogram(ScanResult r) {
    int exact = 0;
    int bins = r.settings().maxDistance() / BIN + 1;
    int[] pdq = new int[bins];
    for (ScanItem it : r.items()) {
      Match best = closest(it.outcome().matches());
      if (best == null) {
        continue;
      }
      if (best.type().comparison() == HashType.Comparison.EXACT) {
        exact++;
      } else {
        pdq[Math.min(best.distance() / BIN, bins - 1)]++;
      }
    }
    int max = Math.max(exact, java.util.Arrays.stream(pdq).max().orElse(0));
    h.append("<h2>Match distances</h2>\n<p>The closest match of each known file: exact (a"
        + " digest, or a hash matched exactly) or the Hamming distance of its PDQ hash.</p>\n")
        .append("<table>\n<tr><th>distance</th><th>files</th><th></th></tr>\n");
    bar("exact", "exact", exact, max);
    for (int i = 0; i < bins; i++) {
      int lo = i * BIN;
      int hi = Math.min(lo + BIN - 1, r.settings().maxDistance());
      bar("PDQ " + lo + "&ndash;" + hi, lo + "-" + hi, pdq[i], max);
    }
    h.append("</table>\n");
  }

  private void bar(String label, String key, int n, int max) {
    h.append("<tr><td>").append(label).append("</td><td class=\"n\" data-distance=\"")
        .append(key).append("\">").append(n).append("</td><td><span class=\"bar\" style=\"width:")
        .append(max == 0 ? 0 : Math.round(200.0 * n / max)).append("px\"></span></td></tr>\n");
  }

  /** The closest match: exact ones first, then the smallest distance. */
  static Match closest(List<Match> matches) {
    return matches.stream().min(Comparator
        .comparing((Match m) -> m.type().comparison() != HashType.Comparison.EXACT)
        .thenComparingInt(Match::distance)).orElse(null);
  }

  private void slowest(ScanResult r) {
    List<ScanItem> sorted = new ArrayList<>(r.items());
    sorted.sort(Comparator.comparing(ScanItem::elapsed).reversed());
    h.append("<h2>Slowest files</h2>\n<table>\n<tr><th>file</th><th>status</th><th>ms</th></tr>\n");
    for (ScanItem it : sorted.subList(0, Math.min(SLOWEST, sorted.size()))) {
      h.append("<tr><td>").append(esc(it.name())).append("</td><td>").append(status(it))
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f",
              it.elapsed().toNanos() / 1e6)).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private void known(ScanResult r) {
    h.append("<h2>Known files</h2>\n");
    if (r.count(Triage.Status.KNOWN) == 0) {
      h.append("<p>None.</p>\n");
      return;
    }
    h.append("<table>\n<tr><th>file</th><th>report item</th><th>list</th><th>entry</th>"
        + "<th>hash</th><th>distance</th><th>label</th></tr>\n");
    int rows = 0;
    int more = 0;
    for (ScanItem it : r.items()) {
      for (Match m : it.outcome().matches()) {
        if (rows == MAX_ROWS) {
          more++;
          continue;
        }
        rows++;
        h.append("<tr data-known-row><td>").append(esc(it.name())).append("</td><td>")
            .append(esc(it.reportItem().orElse(""))).append("</td><td>").append(esc(m.list()))
            .append("</td><td>").append(esc(m.entry().id())).append("</td><td>")
            .append(esc(m.type().id())).append(m.variant() == Dihedral.ORIG ? ""
                : " (" + m.variant().referenceName() + ")").append("</td><td class=\"n\">")
            .append(m.distance())
            .append("</td><td>").append(esc(m.entry().label().orElse(""))).append("</td></tr>\n");
      }
    }
    h.append("</table>\n");
    if (more > 0) {
      h.append("<p>And ").append(more).append(" more matches: see <code>")
          .append(ScanResult.RESULTS).append("</code>.</p>\n");
    }
  }

  private void attention(ScanResult r) {
    List<ScanItem> need = r.items().stream().filter(it -> it.status() == Triage.Status.UNVERIFIED
        || it.status() == Triage.Status.FAILED).toList();
    if (need.isEmpty()) {
      return;
    }
    h.append("<h2>Files that need a person</h2>\n<table>\n<tr><th>file</th><th>status</th>"
        + "<th>reason</th></tr>\n");
    for (ScanItem it : need.subList(0, Math.min(MAX_ROWS, need.size()))) {
      h.append("<tr><td>").append(esc(it.name())).append("</td><td>").append(status(it))
          .append("</td><td>").append(esc(it.outcome().reason().orElse(""))).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (need.size() > MAX_ROWS) {
      h.append("<p>And ").append(need.size() - MAX_ROWS).append(" more: see <code>")
          .append(ScanResult.RESULTS).append("</code>.</p>\n");
    }
  }

  private static String status(ScanItem it) {
    return it.status().name().toLowerCase(Locale.ROOT);
  }

  private static String duration(Duration d) {
    double s = d.toNanos() / 1e9;
    return s < 60 ? String.format(Locale.ROOT, "%.1f s", s)
        : String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
  }

  /** Escapes text for HTML content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
