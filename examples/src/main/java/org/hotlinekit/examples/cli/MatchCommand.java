package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.pdq.PdqHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit match}: files or hashes against hash lists. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    header = "Match files or hashes against hash lists (MD5/SHA exactly, PDQ within a distance).",
    description = "Match media files (or the hashes in a file) against hash lists: MD5/SHA"
        + " exactly, PDQ within a Hamming distance. Prints a row per query on stdout with every"
        + " matching list entry; pdqBelowQuality marks a PDQ hash too weak to be matched.")
final class MatchCommand implements Callable<Integer> {
  @CommandLine.Mixin ListOptions listOptions;

  @Option(names = "--hashes", paramLabel = "FILE",
      description = "Match the hashes in this file (any list format) instead of media files.")
  Path hashes;

  @Option(names = "--hashes-format", paramLabel = "FORMAT",
      description = "The format of --hashes, as --list-format (default auto).")
  Lists.Format hashesFormat = Lists.Format.auto;

  @Option(names = "--dihedral", description = "Also match rotated and mirrored copies (PDQ).")
  boolean dihedral;

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
    Matcher matcher = listOptions.matcher(spec.commandLine(), err, verbose);
    if (format != Cli.OutputFormat.jsonl) {
      out.println("query\tmatches\tpdqBelowQuality\terror");
    }
    int failures = 0;
    if (hashes != null) {
      HashList queries = Lists.load(hashes, hashesFormat, "--hashes-format", listOptions.strict,
          err, verbose);
      for (HashListEntry q : queries.entries()) {
        Matcher.Result r = matcher.match(q.hash());
        print(out, q.hash().toString(), r.matches(), r.pdqBelowQuality(), null);
      }
    } else {
      // The same hashing and matching as triage: digests and PDQ (dihedral if asked), digests
      // alone for files that are not images.
      Triage triage = new Triage(MediaHasher.builder()
          .digests(EnumSet.allOf(DigestAlgorithm.class)).pdq(true).dihedral(dihedral)
          .pdqHasher(PdqHasher.create()).build(), matcher);
      for (FileWalker.Entry e : new FileWalker().expand(paths)) {
        Optional<String> error = e.error();
        List<Match> found = List.of();
        boolean weak = false;
        if (error.isEmpty()) {
          Triage.Outcome o = triage.triage(e.path());
          error = o.error();
          found = o.matches();
          weak = o.pdqBelowQuality();
        }
        if (error.isPresent()) {
          failures++;
          err.println("hotlinekit: " + e.path() + ": " + error.get());
        }
        print(out, e.path().toString(), found, weak, error.orElse(null));
      }
    }
    out.flush();
    return failures == 0 ? 0 : HotlinekitCli.EXIT_INPUT_FAILED;
  }

  private void print(PrintWriter out, String query, List<Match> found, boolean pdqBelowQuality,
      String error) {
    if (format != Cli.OutputFormat.jsonl) {
      out.println(HashCommand.Columns.escape(query) + "\t" + MatchOutput.cell(found) + "\t"
          + (pdqBelowQuality ? "true" : "") + "\t"
          + (error == null ? "" : HashCommand.Columns.escape(error)));
      return;
    }
    ObjectNode n = MatchOutput.JSON.createObjectNode();
    n.put("query", query);
    if (error != null) {
      n.put("error", error);
    } else {
      n.set("matches", MatchOutput.matches(found));
    }
    if (pdqBelowQuality) {
      n.put("pdqBelowQuality", true);
    }
    out.println(MatchOutput.JSON.writeValueAsString(n));
  }
}
