package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.batch.BatchRunner;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.media.MediaFiles;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.hotlinekit.hashing.media.PdqNotComputed;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.video.NotAVideoException;
import org.hotlinekit.hashing.video.VideoHasher;
import org.hotlinekit.hashing.video.VpdqFeature;
import org.hotlinekit.hashing.video.VpdqHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit hash}: digests and PDQ of files and folders, as TSV or JSON lines. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    header = "Hash files: MD5, SHA-1, SHA-256 and PDQ (bit-exact with Meta's reference); vPDQ"
        + " for videos on request.",
    description = "Hash files: MD5, SHA-1, SHA-256 and, for images, PDQ (bit-exact with Meta's"
        + " reference). Folders are walked recursively in sorted order. Prints a row per file on"
        + " stdout. A file that is not an image gets its digests and a note that PDQ does not"
        + " apply. A file that cannot be read, or an image that cannot be decoded, is reported on"
        + " stderr and in its row (with the digests where they could be computed), the others go"
        + " on, and the exit code is then 1. With --algorithms ...,vpdq every file that is not an"
        + " image is tried as a video (by its content, whatever its name): each decoded frame's"
        + " PDQ hash, quality and timestamp, as Meta's vpdq-hash-video (needs the ffmpeg"
        + " program).")
final class HashCommand implements Callable<Integer> {
  /** What can be asked for with --algorithms. */
  enum Algorithm {
    md5,
    sha1,
    sha256,
    pdq,
    vpdq
  }

  @Option(
      names = "--algorithms",
      split = ",",
      paramLabel = "ALG",
      description = "Comma-separated: md5, sha1, sha256, pdq, vpdq (default: the first four)."
          + " vpdq hashes every frame of each video (through the ffmpeg program; opt-in, since it"
          + " is costly); a video's digests are given too (all three when none is chosen).")
  Set<Algorithm> algorithms = EnumSet.of(Algorithm.md5, Algorithm.sha1, Algorithm.sha256,
      Algorithm.pdq);

  @Option(names = "--fps", paramLabel = "N",
      description = "vpdq: hash N frames per second of video (as the reference's -r 1/N);"
          + " 0, the default, hashes every frame.")
  double fps;

  @Option(names = "--vpdq-size", paramLabel = "S",
      description = "vpdq: scale frames to S x S before hashing, as the reference's -s S (area"
          + " averaging, aspect ratio not kept); 0, the default, hashes frames at their size.")
  int vpdqSize;

  @Option(names = "--vpdq-dir", paramLabel = "DIR",
      description = "vpdq with text or tsv output: write each video's frame hashes here, in the"
          + " reference tool's format (frame,quality,hash,timestamp), one file per video, named in"
          + " the vpdq_file column. jsonl output carries them inline instead.")
  Path vpdqDir;

  @Option(names = "--dihedral", description = "Also print the 8 dihedral PDQ hashes (implies pdq).")
  boolean dihedral;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) or tsv: a header, then a row per file; jsonl: an object per"
          + " line.")
  Cli.OutputFormat format = Cli.OutputFormat.text;

  @Option(
      names = "--max-pixels",
      paramLabel = "N",
      description = "Refuse images with more pixels than this (checked before decoding)."
          + " Default: 100000000.")
  long maxPixels = PdqHasher.DEFAULT_MAX_PIXELS;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files hashed in parallel. Default: the number of processors.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--progress",
      negatable = true,
      description = "Progress bar on stderr. Default: on when stderr is a terminal.")
  Boolean progress;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to hash.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;


  @Override
  public Integer call() {
    Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.tsv, Cli.OutputFormat.jsonl);
    boolean verbose = Cli.verbose(spec);
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    if (maxPixels < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-pixels must be positive");
    }
    boolean wantPdq = dihedral || algorithms.contains(Algorithm.pdq);
    boolean wantVpdq = algorithms.contains(Algorithm.vpdq);
    EnumSet<DigestAlgorithm> digests = EnumSet.noneOf(DigestAlgorithm.class);
    for (Algorithm a : algorithms) {
      if (a != Algorithm.pdq && a != Algorithm.vpdq) {
        digests.add(DigestAlgorithm.fromId(a.name()).orElseThrow());
      }
    }
    if (wantVpdq && digests.isEmpty()) {
      // A video's digests are always given: video lists carry MD5 (NCMEC, StopNCII).
      digests.addAll(EnumSet.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA1,
          DigestAlgorithm.SHA256));
    }
    if (!(fps >= 0) || Double.isInfinite(fps)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--fps must be 0 or more");
    }
    if (wantVpdq && format != Cli.OutputFormat.jsonl) {
      if (vpdqDir == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "vpdq with " + format
            + " output writes each video's frame hashes to a file: name the folder with"
            + " --vpdq-dir DIR, or use --format jsonl");
      }
      try {
        java.nio.file.Files.createDirectories(vpdqDir);
      } catch (java.io.IOException e) {
        throw org.hotlinekit.core.InputReadException.of(vpdqDir, e);
      }
    }
    if (vpdqSize != 0 && (vpdqSize < 5 || vpdqSize > 4096)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--vpdq-size must be 0 or 5..4096");
    }
    VideoHasher video = wantVpdq ? VideoHasher.builder().framesPerSecond(fps)
        .frameSize(vpdqSize).build() : null;
    Digester digester = wantVpdq ? Digester.of(digests) : null; // vpdq has digests always
    if (digests.isEmpty() && !wantPdq) {
      throw new CommandLine.ParameterException(spec.commandLine(), "choose at least one algorithm");
    }
    MediaHasher hasher =
        MediaHasher.builder()
            .digests(digests)
            .pdq(wantPdq)
            .dihedral(dihedral)
            .pdqHasher(PdqHasher.builder().maxPixels(maxPixels).build())
            .build();

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<MediaFiles.Entry> entries = Cli.walk(paths);
    Columns columns = new Columns(digests, wantPdq, dihedral, wantVpdq);
    boolean table = format != Cli.OutputFormat.jsonl;
    if (table) {
      out.println(columns.tsvHeader());
    }
    int[] failures = {0};
    // One video: a bar over its frames (a long video would hold a bar over files still).
    FrameBar frames = new FrameBar(err, progress, wantVpdq && entries.size() == 1);
    try (ProgressBar bar = ProgressBar.of(err, progress, entries.size(), "files")) {
      BatchRunner.builder().threads(threads).progress((done, total) -> bar.step()).build()
          .run(entries, e -> hashEntry(hasher, e, video, digester, frames::frames), r -> {
            frames.close();
            if (r.error != null) {
              failures[0]++;
              bar.beforeMessage();
              err.println("hotlinekit: " + r.path + ": " + r.error);
              if (verbose && r.cause != null) {
                r.cause.printStackTrace(err);
              }
            }
            out.println(table ? columns.tsvRow(r) : jsonLine(r, columns));
          });
    }
    out.flush();
    return failures[0] == 0 ? 0 : HotlinekitCli.EXIT_INPUT_FAILED;
  }

  /**
   * One file, read once: the digests always, PDQ where it applies. A file that is not an image
   * (or not one that is supported) gets a note; an image that cannot be decoded, or is over a
   * limit, an error (with its digests).
   */
  private static Result hashOne(MediaHasher hasher, MediaFiles.Entry entry) {
    if (entry.problem().isPresent()) {
      return new Result(entry.path(), null, null, entry.problem().get(), null);
    }
    MediaHashes h;
    try {
      h = hasher.hashBestEffort(entry.path());
    } catch (HotlinekitException e) {
      return new Result(entry.path(), null, null, Cli.describe(e), e);
    }
    Optional<PdqNotComputed> missing = h.pdqNotComputed();
    if (missing.isEmpty()) {
      return new Result(entry.path(), h, null, null, null);
    }
    PdqNotComputed why = missing.get();
    switch (why.kind()) {
      case NOT_AN_IMAGE:
      case UNSUPPORTED_IMAGE:
        return new Result(entry.path(), h, "PDQ does not apply: " + why.message(), null, null);
      default:
        return new Result(entry.path(), h, null, Cli.describe(why), null);
    }
  }

  /**
   * One file. With vPDQ, a file whose first bytes are a video container's is hashed and digested
   * in one read where the container allows ({@link VideoHasher#hashWithDigests}); any other file
   * is hashed as always, and then tried as a video if it is not an image.
   */
  private Result hashEntry(MediaHasher hasher, MediaFiles.Entry e, VideoHasher video,
      Digester digester, VideoHasher.Progress frames) {
    if (video != null && e.problem().isEmpty() && VideoHasher.mayBeVideo(e.path())) {
      try {
        VideoHasher.VideoHashes vh = video.hashWithDigests(e.path(), digester, frames);
        long size = sizeOf(e.path());
        return vpdqResult(e.path(), MediaHashes.ofDigests(size, vh.digests()), vh.vpdq());
      } catch (NotAVideoException notVideo) {
        // Hashed below as any other file.
      } catch (HotlinekitException damaged) {
        Result r = hashOne(hasher, e); // its digests still, and the video's error
        return new Result(r.path, r.hashes, null, Cli.describe(damaged), damaged, null, null);
      }
      return hashOne(hasher, e);
    }
    return withVpdq(hashOne(hasher, e), video, frames);
  }

  private static long sizeOf(Path file) {
    try {
      return java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      throw org.hotlinekit.core.InputReadException.of(file, e);
    }
  }

  /** A video's result; with text/tsv output its frames go to a side file. */
  private Result vpdqResult(Path path, MediaHashes hashes, VpdqHash h) {
    String file = null;
    if (vpdqDir != null && format != Cli.OutputFormat.jsonl) {
      Path side = vpdqDir.resolve(sideFileName(path));
      org.hotlinekit.core.io.AtomicFiles.write(side,
          h.toReferenceText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      file = side.toString();
    }
    return new Result(path, hashes, null, null, null, h, file);
  }

  /**
   * Adds the vPDQ hash of a file that is not an image (a video, by its content, whatever its
   * name); a file that is no video gets a note, a damaged video an error.
   */
  private Result withVpdq(Result r, VideoHasher video, VideoHasher.Progress frames) {
    if (video == null || r.error != null || r.hashes == null || r.hashes.pdq().isPresent()
        || r.hashes.dihedral().isPresent() || isImage(r)) {
      return r;
    }
    try {
      return vpdqResult(r.path, r.hashes, video.hash(r.path, frames));
    } catch (NotAVideoException e) {
      String why = e.getMessage().startsWith(r.path + ": ")
          ? e.getMessage().substring(r.path.toString().length() + 2) : e.getMessage();
      String note = (r.note == null ? "" : r.note + "; ") + "vPDQ does not apply: " + why;
      return new Result(r.path, r.hashes, note, null, null, null, null);
    } catch (HotlinekitException e) {
      return new Result(r.path, r.hashes, r.note, Cli.describe(e), e, null, null);
    }
  }

  /** Whether the file is an image PDQ could not hash (vPDQ is for videos). */
  private static boolean isImage(Result r) {
    return r.hashes.pdqNotComputed().map(w -> w.kind() != PdqNotComputed.Kind.NOT_AN_IMAGE)
        .orElse(false);
  }

  /** A side file's name: unique per input path, readable. */
  static String sideFileName(Path video) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(video.toAbsolutePath()
          .normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String name = video.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      return java.util.HexFormat.of().formatHex(d, 0, 8) + "-" + name + ".vpdq.txt";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }

  private String jsonLine(Result r, Columns c) {
    ObjectNode node = Cli.json().createObjectNode();
    node.put("path", r.path.toString());
    Optional<MediaHashes> h = Optional.ofNullable(r.hashes);
    for (DigestAlgorithm a : c.digests) {
      h.flatMap(x -> x.digests().get(a)).ifPresent(d -> node.put(a.id(), d.toString()));
    }
    Optional<PdqHashWithQuality> p = h.flatMap(MediaHashes::pdq);
    if (c.pdq && p.isPresent()) {
      node.put("pdq", p.get().hash().toString());
      node.put("quality", p.get().quality());
    }
    Optional<DihedralPdqHashes> all = h.flatMap(MediaHashes::dihedral);
    if (c.dihedral && all.isPresent()) {
      ObjectNode d = node.putObject("dihedral");
      for (Dihedral v : Dihedral.values()) {
        d.put(v.referenceName(), all.get().get(v).toString());
      }
    }
    if (r.vpdq != null) {
      tools.jackson.databind.node.ArrayNode frames = node.putArray("vpdq");
      for (VpdqFeature f : r.vpdq.features()) {
        ObjectNode o = frames.addObject();
        o.put("frame", f.frame());
        o.put("quality", f.quality());
        o.put("pdq", f.hash().toString());
        o.put("timestamp", Math.round(f.timestamp() * 1000) / 1000.0);
      }
    }
    if (r.note != null) {
      node.put("note", r.note);
    }
    if (r.error != null) {
      node.put("error", r.error);
    }
    return Cli.json().writeValueAsString(node);
  }

  /**
   * The outcome for one path: hashes (null if none), a note (why PDQ does not apply), and an error
   * message with its exception, if any.
   */
  private static final class Result {
    final Path path;
    final MediaHashes hashes;
    final String note;
    final String error;
    final Throwable cause;
    final VpdqHash vpdq;
    final String vpdqFile;

    Result(Path path, MediaHashes hashes, String note, String error, Throwable cause) {
      this(path, hashes, note, error, cause, null, null);
    }

    Result(Path path, MediaHashes hashes, String note, String error, Throwable cause,
        VpdqHash vpdq, String vpdqFile) {
      this.path = path;
      this.hashes = hashes;
      this.note = note;
      this.error = error;
      this.cause = cause;
      this.vpdq = vpdq;
      this.vpdqFile = vpdqFile;
    }
  }

  /** The TSV layout for the requested algorithms. */
  static final class Columns {
    final Set<DigestAlgorithm> digests;
    final boolean pdq;
    final boolean dihedral;
    final boolean vpdq;

    Columns(Set<DigestAlgorithm> digests, boolean pdq, boolean dihedral, boolean vpdq) {
      this.digests = digests;
      this.pdq = pdq;
      this.dihedral = dihedral;
      this.vpdq = vpdq;
    }

    String tsvHeader() {
      StringBuilder b = new StringBuilder("path");
      for (DigestAlgorithm a : digests) {
        b.append('\t').append(a.id());
      }
      if (pdq) {
        b.append("\tpdq\tquality");
      }
      if (dihedral) {
        for (Dihedral v : Dihedral.values()) {
          b.append('\t').append(v.referenceName());
        }
      }
      if (vpdq) {
        b.append("\tvpdq_frames\tvpdq_file");
      }
      return b.append("\tnote\terror").toString();
    }

    String tsvRow(Result r) {
      StringBuilder b = new StringBuilder(escape(r.path.toString()));
      Optional<MediaHashes> h = Optional.ofNullable(r.hashes);
      for (DigestAlgorithm a : digests) {
        b.append('\t').append(h.flatMap(x -> x.digests().get(a)).map(Digest::toString).orElse(""));
      }
      if (pdq) {
        Optional<PdqHashWithQuality> p = h.flatMap(MediaHashes::pdq);
        b.append('\t').append(p.map(x -> x.hash().toString()).orElse(""));
        b.append('\t').append(p.map(x -> Integer.toString(x.quality())).orElse(""));
      }
      if (dihedral) {
        Optional<DihedralPdqHashes> d = h.flatMap(MediaHashes::dihedral);
        for (Dihedral v : Dihedral.values()) {
          b.append('\t').append(d.map(x -> x.get(v).toString()).orElse(""));
        }
      }
      if (vpdq) {
        b.append('\t').append(r.vpdq == null ? "" : Integer.toString(r.vpdq.features().size()));
        b.append('\t').append(r.vpdqFile == null ? "" : escape(r.vpdqFile));
      }
      b.append('\t').append(r.note == null ? "" : escape(r.note));
      return b.append('\t').append(r.error == null ? "" : escape(r.error)).toString();
    }

    /** Backslash-escapes what would break a TSV row. */
    static String escape(String s) {
      return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
  }
}
