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
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit index}: prepare hash lists so that matching opens them without indexing. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    header = "Build an index file from a hash list, for --index; apply a delta to one; check one.",
    subcommands = {IndexCommand.Build.class, IndexCommand.Update.class,
      IndexCommand.Compact.class, IndexCommand.Verify.class})
final class IndexCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a subcommand: build, update, compact, verify");
  }

  /** {@code hotlinekit index update INDEX --list DELTA}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      header = "Apply a delta (additions and withdrawals) to an index file without re-indexing.",
      description = "Read a delta in any list format: its entries are added, its withdrawn"
          + " records (NCMEC deletions, StopNCII Withdrawn or Deleted, jsonl {\"id\": ...,"
          + " \"withdrawn\": true}) remove entries, in the order they come. The changes are"
          + " saved beside INDEX in INDEX.delta (written atomically), which every command that"
          + " opens INDEX applies; INDEX itself is not rewritten. A delta whose content was"
          + " applied before (the same SHA-256) is not applied again. 'index compact' folds the"
          + " changes into the file.")
  static final class Update implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "INDEX", description = "The index file.")
    Path index;

    @Option(names = "--list", required = true, paramLabel = "DELTA", description = "The delta.")
    Path delta;

    @Option(names = "--list-format", paramLabel = "FORMAT",
        description = "As for match (default auto).")
    Lists.Format listFormat = Lists.Format.auto;

    @Option(names = "--strict", description = "Refuse a delta with any bad record.")
    boolean strict;

    @Option(names = "--list-version", paramLabel = "VERSION",
        description = "The list's own version or date after this delta, as its publisher names"
            + " it; recorded with the changes.")
    String listVersion;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "text (default) or json: the summary on stdout.")
    Cli.OutputFormat format = Cli.OutputFormat.text;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
      long t0 = System.nanoTime();
      IndexedList list = IndexedList.read(index);
      version = list.listVersion().orElse(null);
      String sha = org.hotlinekit.hashing.digest.Digester.of(
              org.hotlinekit.core.digest.DigestAlgorithm.SHA256).digest(delta)
          .get(org.hotlinekit.core.digest.DigestAlgorithm.SHA256).orElseThrow().toString();
      PrintWriter stdout = spec.commandLine().getOut();
      for (IndexedList.AppliedDelta d : list.appliedDeltas()) {
        if (d.sha256().equals(sha)) {
          summary(stdout, "already", 0, 0, list.changes(), d.appliedAt().toString(), t0);
          return 0;
        }
      }
      java.util.List<org.hotlinekit.hashing.list.ListChange> changes = Lists.loadChanges(delta,
          listFormat, "--list-format", strict, spec.commandLine().getErr(), Cli.verbose(spec));
      long added = changes.stream()
          .filter(c -> c instanceof org.hotlinekit.hashing.list.ListChange.Added).count();
      IndexedList changed = list.apply(new IndexedList.AppliedDelta(
          delta.getFileName().toString(), sha, java.time.Instant.now()), changes);
      if (listVersion != null) {
        try {
          changed = changed.withListVersion(listVersion);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--list-version: " + e.getMessage());
        }
      }
      changed.saveChanges();
      version = changed.listVersion().orElse(null);
      summary(stdout, "applied", added, changes.size() - added, changed.changes(), null, t0);
      return 0;
    }

    /** The list's version after the run, for the summary. */
    private String version;

    private void summary(PrintWriter stdout, String what, long added, long withdrawn,
        int pending, String appliedAt, long t0) {
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (format == Cli.OutputFormat.json) {
        ObjectNode n = Cli.json().createObjectNode();
        n.put("index", index.toString());
        n.put("delta", delta.toString());
        n.put("status", what);
        n.put("added", added);
        n.put("withdrawn", withdrawn);
        n.put("changesSinceBuilt", pending);
        if (version != null) {
          n.put("listVersion", version);
        }
        if (appliedAt != null) {
          n.put("appliedAt", appliedAt);
        }
        n.put("seconds", Math.round(seconds * 100) / 100.0);
        stdout.println(Cli.json().writeValueAsString(n));
      } else if (appliedAt != null) {
        stdout.println("already applied: " + delta + " (at " + appliedAt + "); nothing changed");
      } else {
        stdout.println(String.format(Locale.ROOT, "applied %s to %s: %d added, %d withdrawn"
            + " records, in %.2f s (%d changes beside the file; 'index compact' folds them in)",
            delta, index, added, withdrawn, seconds, pending));
      }
      stdout.flush();
    }
  }

  /** {@code hotlinekit index compact INDEX}. */
  @Command(
      name = "compact",
      mixinStandardHelpOptions = true,
      header = "Fold the changes saved beside an index file into it (an index build).",
      description = "Rewrite INDEX with the changes of INDEX.delta applied, indexed as one list"
          + " (written atomically, keeping the record of the deltas applied), and remove"
          + " INDEX.delta.")
  static final class Compact implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "INDEX", description = "The index file.")
    Path index;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      long t0 = System.nanoTime();
      IndexedList list = IndexedList.read(index);
      PrintWriter stdout = spec.commandLine().getOut();
      if (list.changes() == 0) {
        stdout.println("nothing to compact: " + index + " has no changes beside it");
        stdout.flush();
        return 0;
      }
      int changes = list.changes();
      list.writeTo(index);
      stdout.println(String.format(Locale.ROOT, "compacted %d changes into %s (%d entries) in"
          + " %.1f s", changes, index, list.size(), (System.nanoTime() - t0) / 1e9));
      stdout.flush();
      return 0;
    }
  }

  /** {@code hotlinekit index build --list FILE --out FILE}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      header = "Index a hash list into one file that --index opens without re-indexing.",
      description = "Read a hash list, index it (digests and PDQ) and save list and indexes in one"
          + " file, written atomically. Prints what it indexed on stdout.")
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

    @Option(names = "--list-version", paramLabel = "VERSION",
        description = "The list's own version or date, as its publisher names it; recorded in"
            + " the index file.")
    String listVersion;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "text (default) or json: the summary on stdout.")
    Cli.OutputFormat format = Cli.OutputFormat.text;

    @Option(names = "--progress", negatable = true,
        description = "Say on stderr what it is doing (reading, with a progress bar over the"
            + " list file, then indexing and writing) and how long each step took. Default: on"
            + " when stderr is a terminal.")
    Boolean progress;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
      PrintWriter err = spec.commandLine().getErr();
      if (name != null && name.isBlank()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--name cannot be empty");
      }
      boolean say = progress != null ? progress : Terminal.stderrIsTerminal();
      long t0 = System.nanoTime();
      if (say) {
        err.println("hotlinekit: reading " + list + " ...");
      }
      // An index of nothing is refused: every file matched against it would come out new.
      HashList loaded;
      long size = sizeOf(list);
      // A bar over the file's MiB while it is read (the longest step of a large build).
      try (ProgressBar bar = ProgressBar.of(err, say, (int) Math.min(Integer.MAX_VALUE,
          Math.max(1, (size + (1 << 20) - 1) >> 20)), "MiB read")) {
        loaded = Lists.load(list, listFormat, "--list-format", strict, null, err,
            Cli.verbose(spec), say ? n -> bar.advanceTo((int) (n >> 20)) : null);
      }
      if (name != null) {
        loaded = new HashList(name, loaded.source(), loaded.entries());
      }
      long t1 = System.nanoTime();
      if (say) {
        err.printf(Locale.ROOT, "hotlinekit: read %d entries in %.1f s; indexing ...%n",
            loaded.entries().size(), (t1 - t0) / 1e9);
      }
      IndexedList indexed = IndexedList.of(loaded);
      if (listVersion != null) {
        try {
          indexed = indexed.withListVersion(listVersion);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--list-version: " + e.getMessage());
        }
      }
      long t2 = System.nanoTime();
      if (say) {
        err.printf(Locale.ROOT, "hotlinekit: indexed in %.1f s; writing %s ...%n",
            (t2 - t1) / 1e9, out);
      }
      indexed.writeTo(out);
      if (say) {
        err.printf(Locale.ROOT, "hotlinekit: written in %.1f s%n",
            (System.nanoTime() - t2) / 1e9);
      }
      err.flush();
      double seconds = (System.nanoTime() - t0) / 1e9;
      PrintWriter stdout = spec.commandLine().getOut();
      if (format == Cli.OutputFormat.json) {
        ObjectNode n = Cli.json().createObjectNode();
        n.put("list", list.toString());
        n.put("name", loaded.name());
        n.put("entries", loaded.entries().size());
        n.put("index", out.toString());
        indexed.listVersion().ifPresent(v -> n.put("listVersion", v));
        n.put("seconds", Math.round(seconds * 10) / 10.0);
        stdout.println(Cli.json().writeValueAsString(n));
      } else {
        stdout.println(String.format(Locale.ROOT, "indexed %d entries of %s into %s in %.1f s",
            loaded.entries().size(), list, out, seconds));
      }
      stdout.flush();
      return 0;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      return 0; // reading it will say what is wrong
    }
  }

  /** {@code hotlinekit index verify INDEX}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      header = "Check a whole index file now: every block, every table, every entry.",
      description = "Matching checks each part of an index file the first time it reads it (a"
          + " corrupt part stops that match with an error, never a wrong answer). This reads"
          + " everything at once: every 4 KiB block against its checksum, the structure of the"
          + " indexes, and every entry decoded and compared with the hash its index holds. Exit 0"
          + " when whole, 1 when not.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "INDEX", arity = "1..*", description = "Index files.")
    java.util.List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "text (default) or json: one line per file on stdout.")
    Cli.OutputFormat format = Cli.OutputFormat.text;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
      PrintWriter stdout = spec.commandLine().getOut();
      int exit = 0;
      for (Path f : files) {
        long t0 = System.nanoTime();
        String problem = null;
        int size = 0;
        try {
          IndexedList l = IndexedList.read(f);
          l.checkAll();
          size = l.size();
        } catch (org.hotlinekit.core.HotlinekitException e) {
          problem = e.getMessage();
          exit = 1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (format == Cli.OutputFormat.json) {
          ObjectNode n = Cli.json().createObjectNode();
          n.put("index", f.toString());
          n.put("whole", problem == null);
          if (problem == null) {
            n.put("entries", size);
          } else {
            n.put("reason", problem);
          }
          n.put("seconds", Math.round(seconds * 100) / 100.0);
          stdout.println(Cli.json().writeValueAsString(n));
        } else if (problem == null) {
          stdout.println(String.format(Locale.ROOT, "whole: %s (%d entries, checked in %.2f s)",
              f, size, seconds));
        } else {
          stdout.println("NOT whole: " + problem);
        }
      }
      stdout.flush();
      return exit;
    }
  }
}
