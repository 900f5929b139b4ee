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
        + " distance, rotated and mirrored copies included) and new. Prints a row per file on"
        + " stdout (path, status, matches, pdqBelowQuality, error) and a summary on stderr.")
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
      out.println("path\tstatus\tmatches\tpdqBelowQuality\terror");
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
        out.println(table ? row(o) : json(o));
        if (o.status() == Triage.Status.FAILED) {
          if (bar != null) {
            err.print("\r");
          }
          err.println("hotlinekit: " + o.file() + ": " + o.error().orElse(""));
        }
        if (bar != null) {
          bar.step();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    out.flush();
    err.printf("%-8s %8s%n", "status", "files");
    err.printf("%-8s %8d%n", "known", totals.get(Triage.Status.KNOWN));
    err.printf("%-8s %8d%n", "new", totals.get(Triage.Status.NEW));
    err.printf("%-8s %8d%n", "failed", totals.get(Triage.Status.FAILED));
    err.flush();
    return totals.get(Triage.Status.FAILED) == 0 ? 0 : HotlinekitCli.EXIT_INPUT_FAILED;
  }

  private static Triage.Outcome one(FileWalker.Entry e, Triage triage) {
    if (e.error().isPresent()) {
      return new Triage.Outcome(e.path(), Triage.Status.FAILED, List.of(), false, e.error());
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

  private static String row(Triage.Outcome o) {
    return HashCommand.Columns.escape(o.file().toString()) + "\t" + Cli.lower(o.status()) + "\t"
        + MatchOutput.cell(o.matches()) + "\t" + (o.pdqBelowQuality() ? "true" : "") + "\t"
        + o.error().map(HashCommand.Columns::escape).orElse("");
  }

  private static String json(Triage.Outcome o) {
    ObjectNode n = MatchOutput.JSON.createObjectNode();
    n.put("path", o.file().toString());
    n.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
    if (o.status() == Triage.Status.KNOWN) {
      n.set("matches", MatchOutput.matches(o.matches()));
    }
    if (o.pdqBelowQuality()) {
      n.put("pdqBelowQuality", true);
    }
    o.error().ifPresent(e -> n.put("error", e));
    return MatchOutput.JSON.writeValueAsString(n);
  }
}
