package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit triage}: split files into known and new against hash lists. */
@Command(
    name = "triage",
    mixinStandardHelpOptions = true,
    header = "Split media into known (matching a hash list) and new.",
    description = "Split media into known (matching a list: MD5/SHA exactly, PDQ within a"
        + " distance, rotated and mirrored copies included), new (every hash computed, nothing"
        + " matched), unverified (nothing matched but PDQ could not be computed or is too weak:"
        + " needs a person, never 'not known') and failed (unreadable). Prints a row per file on"
        + " stdout (path, status, matches, pdqBelowQuality, reason) and a summary on stderr.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file is known or new",
      "1:some files could not be read (each reported)",
      "2:the command line is wrong",
      "3:no file failed, but some are unverified"
    })
final class TriageCommand implements Callable<Integer> {
  @CommandLine.Mixin ListOptions listOptions;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default) or tsv: a header, then a row per file; jsonl: an object per"
          + " line.")
  Cli.OutputFormat format = Cli.OutputFormat.text;

  @Option(names = "--threads", paramLabel = "N", description = "Files in parallel (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--progress", negatable = true,
      description = "Progress bar on stderr. Default: on when stderr is a terminal.")
  Boolean progress;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Folders or files.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.tsv, Cli.OutputFormat.jsonl);
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Matcher matcher = listOptions.matcher(spec.commandLine(), err, Cli.verbose(spec));
    boolean table = format != Cli.OutputFormat.jsonl;
    if (table) {
      out.println(MatchOutput.header("path"));
    }
    Triage triage = new Triage(MediaHasher.builder()
        .digests(EnumSet.allOf(DigestAlgorithm.class)).dihedral(true).build(), matcher);
    List<FileWalker.Entry> entries = new FileWalker().expand(paths);
    Map<Triage.Status, Integer> totals = new EnumMap<>(Triage.Status.class);
    for (Triage.Status s : Triage.Status.values()) {
      totals.put(s, 0);
    }
    boolean showProgress = progress != null ? progress : Terminal.stderrIsTerminal();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads,
        Math.max(1, entries.size())));
    try (ProgressBar bar = showProgress && entries.size() > 1
        ? new ProgressBar(err, entries.size(), "files") : null) {
      ArrayDeque<Future<Triage.Outcome>> window = new ArrayDeque<>();
      int next = 0;
      while (next < entries.size() || !window.isEmpty()) {
        while (next < entries.size() && window.size() < 4 * threads) {
          FileWalker.Entry e = entries.get(next++);
          window.add(pool.submit(() -> one(e, triage)));
        }
        Triage.Outcome o = get(window.poll());
        totals.merge(o.status(), 1, Integer::sum);
        out.println(table ? MatchOutput.row(o.file().toString(), o)
            : MatchOutput.json("path", o.file().toString(), o));
        if (o.status() == Triage.Status.FAILED) {
          if (bar != null) {
            err.print("\r");
          }
          err.println("hotlinekit: " + o.file() + ": " + o.reason().orElse(""));
        }
        if (bar != null) {
          bar.step();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    out.flush();
    err.printf("%-10s %8s%n", "status", "files");
    for (Triage.Status s : Triage.Status.values()) {
      err.printf("%-10s %8d%n", Cli.lower(s), totals.get(s));
    }
    err.flush();
    return MatchOutput.exitCode(totals.get(Triage.Status.FAILED),
        totals.get(Triage.Status.UNVERIFIED));
  }

  private static Triage.Outcome one(FileWalker.Entry e, Triage triage) {
    if (e.error().isPresent()) {
      return Triage.Outcome.failed(e.path(), e.error().get());
    }
    return triage.triage(e.path());
  }

  private static Triage.Outcome get(Future<Triage.Outcome> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("triage failed unexpectedly", e.getCause());
    }
  }
}
