package org.hotlinekit.scan;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.media.MediaHashes;
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
import org.hotlinekit.hashing.video.VideoHasher;
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

  /** Files and entries up to this size are held in memory, so that copies are hashed once. */
  static final int DEDUPE_MAX_BYTES = 16 << 20;

  private static final Digester ALL_DIGESTS = Digester.of(DigestAlgorithm.values());

  private final Triage triage;
  private final Map<String, Scan.ListInfo> lists = new LinkedHashMap<>();
  private final Optional<String> jurisdiction;
  private final Instant at;
  private final ArchiveLimits limits;
  /** Whether the triage hashes videos with vPDQ: a video file is then triaged from its path. */
  private final boolean video;
  private final ConcurrentHashMap<String, CompletableFuture<Triage.Outcome>> seen =
      new ConcurrentHashMap<>();

  Flow(Triage triage, List<Scan.ListInfo> lists, Optional<String> jurisdiction, Instant at,
      ArchiveLimits limits, boolean video) {
    this.video = video;
    this.limits = limits;
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

  /** The item for a file, and for an archive its entries after it. */
  List<ScanItem> scan(Input in) {
    MediaFiles.Entry e = in.entry();
    String path = e.path().toString();
    if (e.problem().isPresent()) {
      return List.of(item(path, in.name(), Triage.Outcome.failed(e.path(), e.problem().get()),
          System.nanoTime(), false));
    }
    long t0 = System.nanoTime();
    if (video && VideoHasher.mayBeVideo(e.path())) {
      // vPDQ needs the file (FFmpeg may read it out of order); the triage reads it once for
      // its digests and frames where the container allows.
      return List.of(item(path, in.name(), triage.triage(e.path()), t0, false));
    }
    try (InputStream file = Files.newInputStream(e.path())) {
      return scan(path, in.name(), file, Files.size(e.path()), t0);
    } catch (IOException x) {
      return List.of(item(path, in.name(), Triage.Outcome.failed(e.path(),
          InputReadException.reason(x)), t0, false));
    }
  }

  /**
   * The item for content read from a stream of the given size, and for an archive its entries
   * after it. Never throws for any content: what cannot be read is part of the items.
   */
  List<ScanItem> scan(String path, String name, InputStream content, long size, long t0) {
    List<ScanItem> out = new ArrayList<>();
    try {
      BufferedInputStream b = new BufferedInputStream(content, 64 * 1024);
      Optional<Archives.Kind> kind = sniff(b);
      if (kind.isPresent() && limits.maxDepth() > 0) {
        container(path, name, kind.get(), b, 1, new Archives.Budget(limits, size), t0, out);
      } else {
        out.add(media(path, name, b, t0));
      }
    } catch (IOException x) {
      out.add(item(path, name, Triage.Outcome.failed(pathOf(path),
          InputReadException.reason(x)), t0, false));
    }
    return out;
  }

  private static Optional<Archives.Kind> sniff(BufferedInputStream b) throws IOException {
    b.mark(Archives.SNIFF);
    byte[] head = b.readNBytes(Archives.SNIFF);
    b.reset();
    return Archives.sniff(head, head.length);
  }

  /**
   * A file or entry that is not walked as an archive: held in memory when small, so that
   * identical content is hashed and decided once.
   */
  private ScanItem media(String path, String name, InputStream in, long t0) throws IOException {
    byte[] head = in.readNBytes(DEDUPE_MAX_BYTES + 1);
    Path p = pathOf(path);
    Triage.Outcome o;
    if (head.length <= DEDUPE_MAX_BYTES) {
      String key = sha256(head);
      CompletableFuture<Triage.Outcome> mine = new CompletableFuture<>();
      CompletableFuture<Triage.Outcome> first = seen.putIfAbsent(key, mine);
      if (first == null) {
        try {
          o = triage.triage(p, new ByteArrayInputStream(head));
          mine.complete(o);
        } catch (RuntimeException x) {
          mine.completeExceptionally(x);
          throw x;
        }
      } else {
        Triage.Outcome f = first.join();
        o = new Triage.Outcome(p, f.status(), f.matches(), f.pdqBelowQuality(), f.reason(),
            f.hashes(), f.suppressed());
      }
    } else {
      o = triage.triage(p, new SequenceInputStream(new ByteArrayInputStream(head), in));
    }
    return item(path, name, o, t0, false);
  }

  /**
   * A path for an outcome: archive entry names are untrusted and may hold what no file system
   * path can (a NUL), which is replaced; the item's own {@code path} string keeps the name.
   */
  static Path pathOf(String name) {
    try {
      return Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      StringBuilder b = new StringBuilder(name.length());
      name.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
      try {
        return Path.of(b.toString());
      } catch (java.nio.file.InvalidPathException again) {
        return Path.of("unrepresentable-name");
      }
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException x) {
      throw new IllegalStateException("every JDK has SHA-256", x);
    }
  }

  /**
   * An archive: its entries (nested archives walked in turn, to the depth limit), then its own
   * item, decided on its digests, placed before its entries.
   */
  private void container(String path, String name, Archives.Kind kind, InputStream raw,
      int depth, Archives.Budget budget, long t0, List<ScanItem> out) {
    int at = out.size();
    Digester.Session digests = ALL_DIGESTS.newSession();
    long[] size = {0};
    InputStream tee = new FilterInputStream(raw) {
      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
          digests.update(new byte[] {(byte) c}, 0, 1);
          size[0]++;
        }
        return c;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          digests.update(buf, off, n);
          size[0] += n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        // Skipped bytes are part of the archive's digests: read them.
        return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
      }
    };
    Optional<String> stopped = Optional.empty();
    try {
      Archives.walk(kind, tee, innerName(name), budget, new Archives.Sink() {
        @Override
        public void entry(String entry, InputStream in) throws IOException {
          String childPath = path + "!/" + entry;
          String childName = name + "!/" + entry;
          long t1 = System.nanoTime();
          BufferedInputStream b = new BufferedInputStream(in, Archives.SNIFF);
          try {
            Optional<Archives.Kind> inner = sniff(b);
            if (inner.isPresent() && depth < budget.limits().maxDepth()) {
              container(childPath, childName, inner.get(), b, depth + 1, budget, t1, out);
            } else if (inner.isPresent()) {
              out.add(notOpened(childPath, childName, b, budget.limits().maxDepth(), t1));
            } else {
              out.add(media(childPath, childName, b, t1));
            }
          } catch (IOException x) {
            out.add(item(childPath, childName, Triage.Outcome.failed(pathOf(childPath),
                "could not be read from the archive: " + InputReadException.reason(x)), t1,
                false));
            if (x instanceof Archives.Stop) {
              throw x;
            }
          }
        }

        @Override
        public void unreadable(String entry, String reason) {
          out.add(item(path + "!/" + entry, name + "!/" + entry,
              Triage.Outcome.failed(pathOf(path + "!/" + entry), reason), System.nanoTime(),
              false));
        }
      });
    } catch (Archives.Stop x) {
      stopped = Optional.of("not walked to its end: " + x.getMessage());
    } catch (IOException | RuntimeException x) {
      // Commons Compress reports some corrupt input as runtime exceptions.
      stopped = Optional.of("not walked to its end: truncated or corrupt "
          + kind.label + " archive (" + describe(x) + ")");
    }
    if (stopped.isEmpty() && budget.stopped().isPresent()) {
      // A limit reached in an archive inside this one: its content was not all checked.
      stopped = Optional.of("not walked to its end: " + budget.stopped().get());
    }
    Triage.Outcome own;
    try {
      tee.transferTo(OutputStream.nullOutputStream());
      MediaHashes hashes = MediaHashes.ofDigests(size[0], digests.finish());
      own = triage.decide(pathOf(path), hashes);
      if (own.status() != Triage.Status.KNOWN && stopped.isPresent()) {
        own = new Triage.Outcome(pathOf(path), Triage.Status.UNVERIFIED, List.of(), false,
            stopped, Optional.of(hashes));
      }
    } catch (IOException | RuntimeException x) {
      // Its own bytes could not all be read: its digests would be wrong, so none are given.
      own = Triage.Outcome.failed(pathOf(path), stopped.orElse("could not be read to its end: "
          + describe(x)));
    }
    out.add(at, item(path, name, own, t0, true));
  }

  /** An archive nested deeper than the limit: hashed as a file, not opened. */
  private ScanItem notOpened(String path, String name, InputStream in, int maxDepth, long t0)
      throws IOException {
    Digester.Session s = ALL_DIGESTS.newSession();
    byte[] buf = new byte[64 * 1024];
    long size = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      s.update(buf, 0, n);
      size += n;
    }
    MediaHashes hashes = MediaHashes.ofDigests(size, s.finish());
    Triage.Outcome o = triage.decide(pathOf(path), hashes);
    if (o.status() != Triage.Status.KNOWN) {
      o = new Triage.Outcome(pathOf(path), Triage.Status.UNVERIFIED, List.of(), false,
          Optional.of("an archive nested more than " + maxDepth + " deep: not opened (limit"
              + " maxDepth)"), Optional.of(hashes));
    }
    return item(path, name, o, t0, true);
  }

  private static String describe(Exception x) {
    return x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
  }

  /** A compressed file's content name: the file name without .gz, .bz2, .xz (.tgz: .tar). */
  static String innerName(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    String lower = base.toLowerCase(Locale.ROOT);
    for (String[] ext : new String[][] {{".tgz", ".tar"}, {".tbz2", ".tar"}, {".txz", ".tar"},
        {".gz", ""}, {".bz2", ""}, {".xz", ""}}) {
      if (lower.endsWith(ext[0]) && base.length() > ext[0].length()) {
        return base.substring(0, base.length() - ext[0].length()) + ext[1];
      }
    }
    return base + ".content";
  }

  private ScanItem item(String path, String name, Triage.Outcome o, long t0, boolean archive) {
    return new ScanItem(path, name, o, labels(o.matches()), Optional.empty(),
        Duration.ofNanos(System.nanoTime() - t0), archive, Optional.empty(), Optional.empty());
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
          Assessor.HOTLINEKIT, at,
          // The exchange format names the signal only for the types it has (no vPDQ).
          org.hotlinekit.iccam.model.Fingerprint.exchangeable(m.type())
              ? new Basis.HashMatch(m.list(), m.entry().id(), m.type(), m.distance())
              : new Basis.HashMatch(m.list(), m.entry().id()),
          "label of " + m.list() + " entry " + m.entry().id() + " (" + m.type().id()
              + " match at distance " + m.distance() + ")"));
    }
    return out;
  }

  /** Image when PDQ was computed, video when vPDQ was, else told by the file's extension. */
  static MediaType mediaType(ScanItem item) {
    if (item.outcome().hashes().flatMap(h -> h.pdq()).isPresent()) {
      return MediaType.IMAGE;
    }
    if (item.outcome().hashes().flatMap(h -> h.vpdq()).isPresent()) {
      return MediaType.VIDEO;
    }
    String n = item.name();
    int dot = n.lastIndexOf('.');
    String ext = dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    return IMAGE.contains(ext) ? MediaType.IMAGE : VIDEO.contains(ext) ? MediaType.VIDEO
        : MediaType.OTHER;
  }
}
