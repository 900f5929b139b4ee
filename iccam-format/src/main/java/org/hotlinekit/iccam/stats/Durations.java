package org.hotlinekit.iccam.stats;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Times from the public report to one kind of action, over the illegal items.
 *
 * @param withEvent the number of items that had the action
 * @param censored illegal items that had not had it by the end of the data (still open)
 * @param median the median (mean of the two middle values for an even count), if any
 * @param p90 the 90th percentile by nearest rank (the value at rank ceil(0.9 n)), if any
 * @param sameDay the share of all illegal items ({@link #denominator()}) whose action happened on
 *     the report's calendar day in its time zone
 * @param within the share of all illegal items whose action happened within N elapsed days (N
 *     &times; 24 h), for N = 1, 3, 7: an item still without the action counts as not within
 * @param withinWorkingDays the same within N working days (see {@link WorkingDays}) for N = 1,
 *     3, 7; empty when no calendar was given or a date falls outside its years
 */
public record Durations(int withEvent, int censored, Optional<Duration> median,
    Optional<Duration> p90, double sameDay, Map<Integer, Double> within,
    Optional<Map<Integer, Double>> withinWorkingDays) {
  /**
   * Copies.
   *
   * @param withEvent the count
   * @param censored the censored count
   * @param median the median
   * @param p90 the 90th percentile
   * @param sameDay the same-day share
   * @param within the shares within N days
   * @param withinWorkingDays the shares within N working days, if computed
   */
  public Durations {
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(p90, "p90");
    within = Map.copyOf(within);
    withinWorkingDays = withinWorkingDays.map(Map::copyOf);
  }

  /**
   * What the shares are of: every illegal item, with the action or still without it.
   *
   * @return {@code withEvent + censored}
   */
  public int denominator() {
    return withEvent + censored;
  }
}
