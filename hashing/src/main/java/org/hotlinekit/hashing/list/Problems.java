package org.hotlinekit.hashing.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.hotlinekit.core.MalformedInputException;

/** Counts what a reader delivers, rejects and skips, and keeps the first problems. */
final class Problems {
  private final String name;
  private final boolean strict;
  private final List<ReadReport.Problem> problems = new ArrayList<>();
  private long rejected;
  private long entries;
  private long withdrawn;
  private long carried;
  private final java.util.SortedSet<String> carriedKinds = new java.util.TreeSet<>();
  private final Consumer<Withdrawal> withdrawals;

  Problems(String name, boolean strict, Consumer<Withdrawal> withdrawals) {
    this.name = name;
    this.strict = strict;
    this.withdrawals = Objects.requireNonNull(withdrawals, "withdrawals");
  }

  String name() {
    return name;
  }

  /** Records a rejected record; in strict mode, throws. */
  void reject(long line, String reason, RuntimeException cause) {
    ReadReport.Problem p = new ReadReport.Problem(name, line, reason);
    if (strict) {
      throw new MalformedInputException(p.toString(), cause);
    }
    rejected++;
    if (problems.size() < ReadReport.MAX_PROBLEMS) {
      problems.add(p);
    }
  }

  void delivered(HashListEntry e) {
    entries++;
    if (e.hash().type().isCarried()) {
      carried++;
      carriedKinds.add(e.hash().type().id());
    }
  }

  /** A withdrawn record: counted, and handed on. */
  void withdrawn(Withdrawal w) {
    withdrawn++;
    withdrawals.accept(w);
  }

  /** A withdrawn record that names nothing this library delivers (an unsupported signal). */
  void withdrawnUnsupported() {
    withdrawn++;
  }

  /** A fatal error that ends the read (the document itself is broken), at a line. */
  MalformedInputException fatal(long line, String reason, Throwable cause) {
    return new MalformedInputException(name + ":" + line + ": " + reason, cause);
  }

  ReadReport report(long lines) {
    return new ReadReport(name, lines, entries, rejected, withdrawn, problems, carried,
        carriedKinds);
  }
}
