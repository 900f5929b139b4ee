package org.hotlinekit.iccam.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hotlinekit.iccam.model.Action;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Report;

/**
 * Computes {@link KpiReport}s. INHOPE does not define the details, so they are explicit here and
 * printed with the results ({@link KpiReport#definitions()}):
 *
 * <ul>
 *   <li>every clock starts at the report's {@code receivedAt} and stops at the item's first action
 *       of the kind;
 *   <li>durations are over illegal items (latest assessment baseline or national) that had the
 *       action; illegal items without it are counted as censored, not as zero or infinite;
 *   <li>"within N days" is N &times; 24 elapsed hours, inclusive; "same day" is the same calendar
 *       date in the report's time zone; both are shares of <em>all</em> illegal items, an item
 *       still without the action counting as not within ({@link Durations#denominator()});
 *   <li>"within N working days" (with a {@link WorkingDays} calendar): on or before the N-th
 *       working day after the report's day, in the report's time zone;
 *   <li>the median of an even count is the mean of the two middle values; the 90th percentile is
 *       the nearest rank, the value at rank ceil(0.9 n);
 *   <li>removal counts {@code removed}, and {@code unavailable} too only when asked.
 * </ul>
 */
public final class Kpis {
  private final boolean unavailableCountsAsRemoved;
  private final Optional<WorkingDays> calendar;

  private Kpis(boolean unavailableCountsAsRemoved, Optional<WorkingDays> calendar) {
    this.unavailableCountsAsRemoved = unavailableCountsAsRemoved;
    this.calendar = calendar;
  }

  /**
   * The same definitions, with shares within N working days by a calendar.
   *
   * @param workingDays the calendar (the reporting hotline's country)
   * @return the calculator
   */
  public Kpis withWorkingDays(WorkingDays workingDays) {
    return new Kpis(unavailableCountsAsRemoved,
        Optional.of(java.util.Objects.requireNonNull(workingDays, "workingDays")));
  }

  /**
   * The default definitions: removal is {@code removed} only.
   *
   * @return the calculator
   */
  public static Kpis standard() {
    return new Kpis(false, Optional.empty());
  }

  /**
   * Definitions where {@code unavailable} also stops the removal clock.
   *
   * @return the calculator
   */
  public static Kpis countingUnavailableAsRemoved() {
    return new Kpis(true, Optional.empty());
  }

  /**
   * Computes the statistics.
   *
   * @param reports the reports
   * @return the statistics
   */
  public KpiReport compute(List<Report> reports) {
    int items = 0;
    int illegal = 0;
    Map<String, Integer> byClass = new TreeMap<>();
    Map<String, Integer> byAge = new TreeMap<>();
    Map<String, Integer> byGender = new TreeMap<>();
    Map<String, Integer> bySite = new TreeMap<>();
    Map<String, Integer> byCountry = new TreeMap<>();
    Map<String, Integer> byDomain = new TreeMap<>();
    int known = 0;
    int fresh = 0;
    int undetermined = 0;
    Clock lea = new Clock(EnumSet.of(ActionType.REPORTED_TO_LEA), calendar);
    Clock notice = new Clock(EnumSet.of(ActionType.REPORTED_TO_ISP), calendar);
    Clock removal = new Clock(unavailableCountsAsRemoved
        ? EnumSet.of(ActionType.REMOVED, ActionType.UNAVAILABLE) : EnumSet.of(ActionType.REMOVED),
        calendar);
    for (Report r : reports) {
      for (ContentItem i : r.items()) {
        items++;
        Optional<Assessment> a = i.latestAssessment();
        byClass.merge(a.map(x -> lower(x.classification())).orElse("unassessed"), 1,
            Integer::sum);
        if (a.isEmpty() || !a.get().classification().illegal()) {
          continue;
        }
        illegal++;
        byAge.merge(lower(a.get().ageCategory()), 1, Integer::sum);
        byGender.merge(lower(a.get().gender()), 1, Integer::sum);
        bySite.merge(r.siteType().orElse("unknown"), 1, Integer::sum);
        byCountry.merge(i.hosting().flatMap(h -> h.country()).orElse("unknown"), 1,
            Integer::sum);
        byDomain.merge(registrableDomain(i.url()), 1, Integer::sum);
        if (i.known().isEmpty()) {
          undetermined++;
        } else if (i.known().get()) {
          known++;
        } else {
          fresh++;
        }
        lea.add(r, i);
        notice.add(r, i);
        removal.add(r, i);
      }
    }
    String definitions = "items: content items; illegal: latest assessment baseline or national;"
        + " times: from the report's receivedAt to the item's first action of the kind, over"
        + " illegal items that had it (the others are censored); within N days: at most N x 24"
        + " elapsed hours; same day: same calendar date in the report's time zone; shares (same"
        + " day, within) are of all illegal items, those still without the action counted as not"
        + " within; median: mean"
        + " of the two middle values for an even count; p90: nearest rank, ceil(0.9 n);"
        + " removal: removed" + (unavailableCountsAsRemoved ? " or unavailable" : " only")
        + calendar.map(c -> "; within N working days: on or before the N-th working day after"
            + " the report's day in its time zone, Monday-Friday except " + c.country()
            + " public holidays " + c.years() + (lea.uncounted + notice.uncounted
            + removal.uncounted > 0 ? " (not computed: a date outside " + c.years() + ")" : ""))
            .orElse("");
    return new KpiReport(items, illegal, byClass, byAge, byGender, bySite, byCountry, byDomain,
        known, fresh,
        undetermined, lea.result(), notice.result(), removal.result(), definitions);
  }

  private static String registrableDomain(String url) {
    try {
      return org.hotlinekit.iccam.url.Urls.registrableDomain(url).orElse(NO_DOMAIN);
    } catch (org.hotlinekit.core.MalformedInputException e) {
      return "(invalid URL)";
    }
  }

  private static final String NO_DOMAIN = "(no registrable domain)";

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static final int[] DAYS = {1, 3, 7};

  /** Times to one kind of action. */
  private static final class Clock {
    final Set<ActionType> stops;
    final Optional<WorkingDays> calendar;
    final List<Duration> times = new ArrayList<>();
    final int[] withinWorking = new int[DAYS.length];
    int sameDay;
    int censored;
    /** Actions whose working days could not be counted (a date outside the calendar). */
    int uncounted;

    Clock(Set<ActionType> stops, Optional<WorkingDays> calendar) {
      this.stops = stops;
      this.calendar = calendar;
    }

    void add(Report r, ContentItem i) {
      Optional<Instant> first = Optional.empty();
      for (Action a : i.actions()) {
        if (stops.contains(a.type())) {
          first = Optional.of(a.at());
          break;
        }
      }
      if (first.isEmpty()) {
        censored++;
        return;
      }
      Duration d = Duration.between(r.receivedAt(), first.get());
      times.add(d.isNegative() ? Duration.ZERO : d);
      ZoneId zone = r.timeZone();
      java.time.LocalDate received = r.receivedAt().atZone(zone).toLocalDate();
      java.time.LocalDate done = first.get().atZone(zone).toLocalDate();
      if (received.equals(done)) {
        sameDay++;
      }
      if (calendar.isPresent()) {
        try {
          for (int k = 0; k < DAYS.length; k++) {
            if (!done.isAfter(calendar.get().deadline(received, DAYS[k]))) {
              withinWorking[k]++;
            }
          }
        } catch (IllegalArgumentException outside) {
          uncounted++;
        }
      }
    }

    Durations result() {
      List<Duration> sorted = new ArrayList<>(times);
      Collections.sort(sorted);
      int n = sorted.size();
      Optional<Duration> median = Optional.empty();
      Optional<Duration> p90 = Optional.empty();
      Map<Integer, Double> within = new TreeMap<>();
      if (n > 0) {
        median = Optional.of(n % 2 == 1 ? sorted.get(n / 2)
            : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
        p90 = Optional.of(sorted.get((int) Math.ceil(0.9 * n) - 1));
      }
      // Shares of all illegal items: those still without the action are not within.
      int all = n + censored;
      for (int days : DAYS) {
        Duration limit = Duration.ofHours(24L * days);
        long count = sorted.stream().filter(d -> d.compareTo(limit) <= 0).count();
        within.put(days, all == 0 ? 0.0 : (double) count / all);
      }
      Optional<Map<Integer, Double>> working = Optional.empty();
      if (calendar.isPresent() && uncounted == 0) {
        Map<Integer, Double> w = new TreeMap<>();
        for (int k = 0; k < DAYS.length; k++) {
          w.put(DAYS[k], all == 0 ? 0.0 : (double) withinWorking[k] / all);
        }
        working = Optional.of(w);
      }
      return new Durations(n, censored, median, p90, all == 0 ? 0.0 : (double) sameDay / all,
          within, working);
    }
  }
}
