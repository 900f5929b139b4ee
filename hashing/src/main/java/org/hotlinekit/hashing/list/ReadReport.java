package org.hotlinekit.hashing.list;

import java.util.List;

/**
 * What reading a list did: lines read, entries kept, records rejected, records withdrawn by
 * the list's owner, and the first problems (at most {@link #MAX_PROBLEMS} are kept; {@link
 * #rejected()} counts them all).
 *
 * <p>Withdrawn records (NCMEC {@code deletedImage}/{@code deletedVideo}, StopNCII {@code
 * Withdrawn}/{@code Deleted}) are never delivered as entries: the holder of a list must delete
 * them, so a list re-read from a feed no longer contains them.
 *
 * @param name the name of what was read (e.g. the file)
 * @param lines the number of lines read
 * @param entries the number of entries delivered
 * @param rejected the number of records (lines, or values of a document) rejected
 * @param withdrawn the number of records skipped because the list's owner withdrew them
 * @param problems the first problems, in order
 * @param carried how many of the entries are of {@linkplain
 *     org.hotlinekit.core.hash.HashType#isCarried() carried} kinds: kept and written back, never
 *     matched
 * @param carriedKinds the names of those kinds, sorted
 */
public record ReadReport(String name, long lines, long entries, long rejected, long withdrawn,
    List<Problem> problems, long carried, java.util.SortedSet<String> carriedKinds) {
  /** How many problems a report keeps. */
  public static final int MAX_PROBLEMS = 1000;

  /**
   * Copies the list of problems.
   *
   * @param name the name
   * @param lines lines read
   * @param entries entries kept
   * @param rejected records rejected
   * @param withdrawn records withdrawn
   * @param problems the problems kept
   * @param carried entries of carried kinds
   * @param carriedKinds their kinds
   */
  public ReadReport {
    problems = List.copyOf(problems);
    carriedKinds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(
        carriedKinds));
  }

  /**
   * One rejected record.
   *
   * @param name the file (or stream name)
   * @param line the 1-based line number where the record starts
   * @param reason why it was rejected
   */
  public record Problem(String name, long line, String reason) {
    /**
     * The conventional form.
     *
     * @return {@code name:line: reason}
     */
    @Override
    public String toString() {
      return name + ":" + line + ": " + reason;
    }
  }
}
