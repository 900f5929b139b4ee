package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.match.IndexedList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotlinekit index}: prepare hash lists so that matching opens them without indexing. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build an index file from a hash list, for --index.",
    subcommands = {IndexCommand.Build.class})
final class IndexCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: build");
  }

  /** {@code hotlinekit index build --list FILE --out FILE}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = {
        "Read a hash list, index it (digests and PDQ) and save list and indexes in one file.",
        "The file is written atomically; --index opens it without re-indexing."
      })
  static final class Build implements Callable<Integer> {
    @Option(names = "--list", required = true, paramLabel = "FILE", description = "The list.")
    Path list;

    @Option(names = "--list-format", paramLabel = "FORMAT",
        description = "As for match (default auto).")
    Lists.Format listFormat = Lists.Format.auto;

    @Option(names = "--strict", description = "Refuse a list with any bad record.")
    boolean strict;

    @Option(names = "--name", paramLabel = "NAME",
        description = "The list's name in match reports (default: the list's file name).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The index file.")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (name != null && name.isBlank()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--name cannot be empty");
      }
      long t0 = System.nanoTime();
      HashList loaded = Lists.load(list, listFormat, strict, err);
      if (name != null) {
        loaded = new HashList(name, loaded.source(), loaded.entries());
      }
      IndexedList indexed = IndexedList.of(loaded);
      indexed.writeTo(out);
      err.println(String.format(Locale.ROOT, "hotlinekit: indexed %d entries of %s into %s"
          + " in %.1f s", loaded.entries().size(), list, out, (System.nanoTime() - t0) / 1e9));
      return 0;
    }
  }
}
