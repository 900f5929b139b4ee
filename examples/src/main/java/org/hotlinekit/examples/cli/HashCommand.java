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
import org.hotlinekit.hashing.media.MediaFiles;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.hotlinekit.hashing.media.PdqNotComputed;
import org.hotlinekit.hashing.pdq.PdqHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit hash}: digests and PDQ of files and folders, as TSV or JSON lines. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    header = "Hash files: MD5, SHA-1, SHA-256 and PDQ (bit-exact with Meta's reference).",
    description = "Hash files: MD5, SHA-1, SHA-256 and, for images, PDQ (bit-exact with Meta's"
        + " reference). Folders are walked recursively in sorted order. Prints a row per file on"
        + " stdout. A file that is not an image gets its digests and a note that PDQ does not"
        + " apply. A file that cannot be read, or an image that cannot be decoded, is reported on"
        + " stderr and in its row (with the digests where they could be computed), the others go"
        + " on, and the exit code is then 1.")
final class HashCommand implements Callable<Integer> {
  /** What can be asked for with --algorithms. */
  enum Algorithm {
    md5,
    sha1,
    sha256,
    pdq
  }

  @Option(
      names = "--algorithms",
      split = ",",
      paramLabel = "ALG",
      description = "Comma-separated: md5, sha1, sha256, pdq (default: all four).")
  Set<Algorithm> algorithms = EnumSet.allOf(Algorithm.class);

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
    EnumSet<DigestAlgorithm> digests = EnumSet.noneOf(DigestAlgorithm.class);
    for (Algorithm a : algorithms) {
      if (a != Algorithm.pdq) {
        digests.add(DigestAlgorithm.fromId(a.name()).orElseThrow());
      }
    }
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
    Columns columns = new Columns(digests, wantPdq, dihedral);
    boolean table = format != Cli.OutputFormat.jsonl;
    if (table) {
      out.println(columns.tsvHeader());
    }
    int[] failures = {0};
    try (ProgressBar bar = ProgressBar.of(err, progress, entries.size(), "files")) {
      BatchRunner.builder().threads(threads).progress((done, total) -> bar.step()).build()
          .run(entries, e -> hashOne(hasher, e), r -> {
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

    Result(Path path, MediaHashes hashes, String note, String error, Throwable cause) {
      this.path = path;
      this.hashes = hashes;
      this.note = note;
      this.error = error;
      this.cause = cause;
    }
  }

  /** The TSV layout for the requested algorithms. */
  static final class Columns {
    final Set<DigestAlgorithm> digests;
    final boolean pdq;
    final boolean dihedral;

    Columns(Set<DigestAlgorithm> digests, boolean pdq, boolean dihedral) {
      this.digests = digests;
      this.pdq = pdq;
      this.dihedral = dihedral;
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
      b.append('\t').append(r.note == null ? "" : escape(r.note));
      return b.append('\t').append(r.error == null ? "" : escape(r.error)).toString();
    }

    /** Backslash-escapes what would break a TSV row. */
    static String escape(String s) {
      return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
  }
}
