package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  @Option(names = "--progress", negatable = true,
      description = "Progress bar on stderr. Default: on when stderr is a terminal.")
  Boolean progress;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Folders or files.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.tsv, Cli.OutputFormat.jsonl);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<MediaFiles.Entry> entries = Cli.walk(paths);
    FrameBar frames = new FrameBar(err, progress, entries.size() == 1);
    Triage triage = listOptions.triage(spec.commandLine(), err, Cli.verbose(spec), true, frames);
    boolean table = format != Cli.OutputFormat.jsonl;
    if (table) {
      out.println(MatchOutput.header("path"));
    }
    Map<Triage.Status, Integer> totals = new EnumMap<>(Triage.Status.class);
    for (Triage.Status s : Triage.Status.values()) {
      totals.put(s, 0);
    }
    try (ProgressBar bar = ProgressBar.of(err, progress, entries.size(), "files")) {
      listOptions.runner(spec.commandLine(), bar).run(entries, triage::triage,
          o -> {
            frames.close();
            totals.merge(o.status(), 1, Integer::sum);
            out.println(table ? MatchOutput.row(o.file().toString(), o)
                : MatchOutput.json("path", o.file().toString(), o));
            if (o.status() == Triage.Status.FAILED) {
              bar.beforeMessage();
              err.println("hotlinekit: " + o.file() + ": " + o.reason().orElse(""));
            }
          });
    }
    out.flush();
    listOptions.saveQuarantine(err);
    err.printf("%-10s %8s%n", "status", "files");
    for (Triage.Status s : Triage.Status.values()) {
      err.printf("%-10s %8d%n", Cli.lower(s), totals.get(s));
    }
    err.flush();
    return MatchOutput.exitCode(totals.get(Triage.Status.FAILED),
        totals.get(Triage.Status.UNVERIFIED));
  }
}
