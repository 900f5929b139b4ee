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
 * @param sameDay the share that happened on the same calendar day in the hotline's time zone
 * @param within the share within N elapsed days (N &times; 24 h), for N = 1, 3, 7
 */
public record Durations(int withEvent, int censored, Optional<Duration> median,
    Optional<Duration> p90, double sameDay, Map<Integer, Double> within) {
  /**
   * Copies.
   *
   * @param withEvent the count
   * @param censored the censored count
   * @param median the median
   * @param p90 the 90th percentile
   * @param sameDay the same-day share
   * @param within the shares within N days
   */
  public Durations {
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(p90, "p90");
    within = Map.copyOf(within);
  }
}
