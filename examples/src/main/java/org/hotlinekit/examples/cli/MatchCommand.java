package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotlinekit match}: files or hashes against hash lists. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    header = "Match files or hashes against hash lists (MD5/SHA exactly, PDQ within a distance).",
    description = "Match media files (or the hashes in a file) against hash lists: MD5/SHA"
        + " exactly, PDQ within a Hamming distance, videos by vPDQ with --video (or vPDQ hashes"
        + " in --hashes). Prints a row per query on stdout: its status"
        + " (known, new, unverified or failed, as triage), every matching list entry,"
        + " pdqBelowQuality, and the reason a file is unverified or failed.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every query is known or new",
      "1:some files could not be read (each reported)",
      "2:the command line is wrong",
      "3:no file failed, but some are unverified"
    })
final class MatchCommand implements Callable<Integer> {
  /** Queries of --hashes matched together (Triage.decideAll), then printed. */
  private static final int QUERY_BATCH = 4096;

  @CommandLine.Mixin ListOptions listOptions;

  @Option(names = "--hashes", paramLabel = "FILE",
      description = "Match the hashes in this file (any list format) instead of media files.")
  Path hashes;

  @Option(names = "--hashes-format", paramLabel = "FORMAT",
      description = "The format of --hashes, as --list-format (default auto).")
  Lists.Format hashesFormat = Lists.Format.auto;

  @Option(names = "--dihedral", description = "Also match rotated and mirrored copies (PDQ).")
  boolean dihedral;

  @Option(names = "--progress", negatable = true,
      description = "Progress bar on stderr. Default: on when stderr is a terminal.")
  Boolean progress;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default) or tsv: a header, then a row per query; jsonl: an object per"
          + " line.")
  Cli.OutputFormat format = Cli.OutputFormat.text;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Media files or folders.")
  List<Path> paths = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.tsv, Cli.OutputFormat.jsonl);
    boolean verbose = Cli.verbose(spec);
    if ((hashes == null) == paths.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give media PATHs or --hashes FILE (one of them)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Walked before anything is printed: a folder without files is an error, not an empty table.
    List<MediaFiles.Entry> entries = hashes == null ? Cli.walk(paths) : List.of();
    FrameBar frames = new FrameBar(err, progress, entries.size() == 1);
    Triage triage = listOptions.triage(spec.commandLine(), err, verbose, dihedral, frames);
    if (format != Cli.OutputFormat.jsonl) {
      out.println(MatchOutput.header("query"));
    }
    int[] failed = {0};
    int[] unverified = {0};
    if (hashes != null) {
      HashList queries = Lists.load(hashes, hashesFormat, "--hashes-format", listOptions.strict,
          listOptions.allowEmpty, err, verbose);
      // A hash given as such was computed by whoever made the file. Matched in batches (their
      // PDQ hashes searched together), printed in order.
      List<HashListEntry> all = queries.entries();
      for (int from = 0; from < all.size(); from += QUERY_BATCH) {
        List<HashListEntry> batch = all.subList(from, Math.min(all.size(), from + QUERY_BATCH));
        List<Triage.Outcome> outcomes = triage.decideAll(
            batch.stream().map(q -> Path.of(q.id())).toList(),
            batch.stream().map(HashListEntry::hash).toList());
        for (int i = 0; i < batch.size(); i++) {
          HashListEntry q = batch.get(i);
          Triage.Outcome o = outcomes.get(i);
          unverified[0] += o.status() == Triage.Status.UNVERIFIED ? 1 : 0;
          // A vPDQ value is thousands of characters: its entry's id names it.
          print(out, q.hash().type() == HashType.VPDQ ? q.id() : q.hash().toString(), o);
        }
      }
    } else {
      try (ProgressBar bar = ProgressBar.of(err, progress, entries.size(), "files")) {
        listOptions.runner(spec.commandLine(), bar).run(entries,
            triage::triage, o -> {
              frames.close();
              if (o.status() == Triage.Status.FAILED) {
                failed[0]++;
                bar.beforeMessage();
                err.println("hotlinekit: " + o.file() + ": " + o.reason().orElse(""));
              } else if (o.status() == Triage.Status.UNVERIFIED) {
                unverified[0]++;
              }
              print(out, o.file().toString(), o);
            });
      }
    }
    out.flush();
    listOptions.saveQuarantine(err);
    return MatchOutput.exitCode(failed[0], unverified[0]);
  }

  private void print(PrintWriter out, String query, Triage.Outcome o) {
    out.println(format == Cli.OutputFormat.jsonl ? MatchOutput.json("query", query, o)
        : MatchOutput.row(query, o));
  }
}
