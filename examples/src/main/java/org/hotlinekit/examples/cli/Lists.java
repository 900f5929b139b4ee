package org.hotlinekit.examples.cli;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.list.ListChange;
import org.hotlinekit.hashing.list.ReadReport;

/** Loads hash lists for the CLI, the format named by an option or told by the library. */
final class Lists {
  private Lists() {}

  /** Rejected records shown without {@code --verbose}. */
  static final int PROBLEMS_SHOWN = 5;

  /** The list formats the CLI accepts: {@code auto} or one of {@link HashListFormat#names()}. */
  enum Format {
    auto,
    jsonl,
    te,
    pytx,
    ncmec,
    stopncii,
    stix,
    md5,
    sha1,
    sha256,
    pdq,
    photodna
  }

  /**
   * Reads a list; rejected records are summed up on {@code err}: a count and the first few (every
   * one with {@code verbose}). A list without entries is refused unless {@code allowEmpty} is
   * true; null means the command offers no {@code --allow-empty}.
   */
  static HashList load(Path file, Format format, String formatOption, boolean strict,
      Boolean allowEmpty, PrintWriter err, boolean verbose) {
    return load(file, format, formatOption, strict, allowEmpty, err, verbose, null);
  }

  /**
   * Loads a list as {@link #load(Path, Format, String, boolean, Boolean, PrintWriter, boolean)},
   * telling {@code bytesRead} (when not null) how many bytes of the file have been read so far.
   */
  static HashList load(Path file, Format format, String formatOption, boolean strict,
      Boolean allowEmpty, PrintWriter err, boolean verbose, LongConsumer bytesRead) {
    HashListFormat f = format(file, format, formatOption);
    List<HashListEntry> entries = new ArrayList<>();
    ReadReport r = bytesRead == null ? f.read(file, strict, entries::add)
        : readCounting(f, file, strict, entries::add, bytesRead);
    if (r.entries() == 0 && !Boolean.TRUE.equals(allowEmpty)) {
      // Matching against nothing calls every file new: never by accident.
      throw new MalformedInputException(file + ": no entries read as " + f.name() + " ("
          + r.rejected() + " records rejected, " + r.withdrawn() + " withdrawn); check "
          + formatOption + (allowEmpty == null ? ""
              : ", or pass --allow-empty if the list is meant to be empty"));
    }
    report(file, f, r, formatOption, err, verbose);
    if (r.withdrawn() > 0) {
      err.println("hotlinekit: " + file + ": " + r.withdrawn()
          + " withdrawn records left out (delete them from any copy you keep)");
    }
    return new HashList(file.getFileName().toString(), file.toString(), entries);
  }

  /**
   * Reads a delta: its entries as additions and its withdrawn records as withdrawals, in order,
   * bad records reported as for a list. A delta without changes is an error.
   */
  static List<ListChange> loadChanges(Path file, Format format, String formatOption,
      boolean strict, PrintWriter err, boolean verbose) {
    HashListFormat f = format(file, format, formatOption);
    List<ListChange> changes = new ArrayList<>();
    ReadReport r = f.readChanges(file, strict, changes::add);
    if (changes.isEmpty()) {
      throw new MalformedInputException(file + ": no additions or withdrawals read as "
          + f.name() + " (" + r.rejected() + " records rejected); check " + formatOption);
    }
    report(file, f, r, formatOption, err, verbose);
    return changes;
  }

  /** Says on stderr what a read rejected and carried. */
  private static void report(Path file, HashListFormat f, ReadReport r, String formatOption,
      PrintWriter err, boolean verbose) {
    if (r.rejected() > 0 && r.rejected() >= r.entries()) {
      err.println("hotlinekit: " + file + ": most records were rejected (" + r.rejected()
          + " of " + (r.rejected() + r.entries()) + " read as " + f.name() + "); is "
          + formatOption + " right?");
    }
    if (r.rejected() > 0) {
      List<ReadReport.Problem> problems = r.problems();
      int shown = verbose ? problems.size() : Math.min(PROBLEMS_SHOWN, problems.size());
      err.println("hotlinekit: " + file + ": " + r.rejected() + " bad records skipped, "
          + r.entries() + " entries loaded" + (shown < r.rejected()
              ? "; the first " + shown + (verbose ? " kept" : " (all with --verbose)") : "")
          + ":");
      for (ReadReport.Problem p : problems.subList(0, shown)) {
        err.println("  " + p);
      }
    }
    if (r.carried() > 0) {
      err.println("hotlinekit: " + file + ": " + r.carried() + " entries of kinds hotlinekit"
          + " carries but does not match (" + String.join(", ", r.carriedKinds()) + ")");
    }
  }

  /** The named format, or the one the library tells from the content (with a hint if it can't). */
  static HashListFormat format(Path file, Format format, String formatOption) {
    if (format != Format.auto) {
      return HashListFormat.named(format.name());
    }
    try {
      return HashListFormat.detect(file);
    } catch (MalformedInputException e) {
      if (e.getMessage().contains("name the list's format")) {
        throw new MalformedInputException(e.getMessage() + " with " + formatOption, e);
      }
      throw e;
    }
  }

  /** Reads a list through a stream that counts the bytes read (for a progress bar). */
  private static ReadReport readCounting(HashListFormat f, Path file, boolean strict,
      java.util.function.Consumer<HashListEntry> sink, LongConsumer bytesRead) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream counted = new FilterInputStream(raw) {
          private long n;

          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              bytesRead.accept(++n);
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int k = super.read(buf, off, len);
            if (k > 0) {
              n += k;
              bytesRead.accept(n);
            }
            return k;
          }
        };
        BufferedReader in = new BufferedReader(new InputStreamReader(counted,
            StandardCharsets.UTF_8.newDecoder()), 1 << 16)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset(); // no byte order mark
      }
      return f.read(in, file.toString(), strict, sink);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new MalformedInputException(file + ": the file is not UTF-8 text", e);
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(file, e);
    }
  }
}
