package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.hotlinekit.hashing.match.Matcher;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The hash-list options shared by {@code match} and {@code triage}. */
final class ListOptions {
  @Option(names = "--list", required = true, paramLabel = "FILE",
      description = "A hash list (repeatable).")
  List<Path> lists;

  @Option(names = "--list-format", paramLabel = "FORMAT",
      description = "auto (default), jsonl, te (ThreatExchange lines), pytx (python-threatexchange"
          + " CSV), md5, sha1, sha256, pdq.")
  Lists.Format listFormat = Lists.Format.auto;

  @Option(names = "--strict", description = "Refuse a list with any bad line.")
  boolean strict;

  @Option(names = "--max-distance", paramLabel = "N",
      description = "PDQ match distance, 0..63 (default 31).")
  int maxDistance = 31;

  /** Loads the lists (reporting bad lines on {@code err}) and indexes them. */
  Matcher matcher(CommandLine commandLine, PrintWriter err) {
    if (maxDistance < 0 || maxDistance > 63) {
      throw new CommandLine.ParameterException(commandLine, "--max-distance is 0..63");
    }
    Matcher.Builder b = Matcher.builder().maxDistance(maxDistance);
    for (Path l : lists) {
      b.list(Lists.load(l, listFormat, strict, err));
    }
    return b.build();
  }
}
