package org.hotlinekit.iccam.stats;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Report;

/**
 * Counts per year or per month, as hotlines publish them ("1,728 reports in 2018, +136 %"), with
 * the change against the same period a year before. A report belongs to the period of its {@code
 * receivedAt} in its own time zone; items are counted by their latest assessment, as in {@link
 * Kpis}.
 *
 * <pre>{@code
 * List<Periods.Row> years = Periods.of(reports, Periods.By.YEAR);
 * }</pre>
 */
public final class Periods {
  private Periods() {}

  /** The length of a period. */
  public enum By {
    /** Calendar years, e.g. {@code 2026}. */
    YEAR,
    /** Calendar months, e.g. {@code 2026-10}. */
    MONTH
  }

  /**
   * The counts of one period.
   *
   * @param period {@code 2026} or {@code 2026-10}
   * @param reports reports received in the period
   * @param reportsWithIllegal reports with at least one illegal item (latest assessment baseline
   *     or national)
   * @param contentItems content items of those reports
   * @param illegal illegal items
   * @param hostingCountries distinct traced hosting countries of the illegal items
   * @param illegalYearOnYear the change in illegal items against the same period a year before
   *     (0.5 for +50 %), empty when the data has no reports for that period or it had no illegal
   *     item (no base to compare with)
   */
  public record Row(String period, int reports, int reportsWithIllegal, int contentItems,
      int illegal, int hostingCountries, OptionalDouble illegalYearOnYear) {
    /**
     * Validates.
     *
     * @param period the period
     * @param reports the reports
     * @param reportsWithIllegal reports with illegal items
     * @param contentItems the items
     * @param illegal the illegal items
     * @param hostingCountries the hosting countries
     * @param illegalYearOnYear the year-on-year change
     */
    public Row {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(illegalYearOnYear, "illegalYearOnYear");
    }
  }

  /**
   * The rows of every period that has reports, in order.
   *
   * @param reports the reports
   * @param by years or months
   * @return one row per period with reports
   */
  public static List<Row> of(List<Report> reports, By by) {
    Objects.requireNonNull(by, "by");
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Set<String>> countries = new TreeMap<>();
    for (Report r : reports) {
      String p = period(r.receivedAt().atZone(r.timeZone()), by);
      int[] c = counts.computeIfAbsent(p, k -> new int[4]);
      Set<String> hosts = countries.computeIfAbsent(p, k -> new HashSet<>());
      c[0]++;
      boolean any = false;
      for (ContentItem i : r.items()) {
        c[2]++;
        boolean illegal = i.latestAssessment().map(Assessment::classification)
            .map(x -> x.illegal()).orElse(false);
        if (illegal) {
          c[3]++;
          any = true;
          i.hosting().flatMap(h -> h.country()).ifPresent(hosts::add);
        }
      }
      if (any) {
        c[1]++;
      }
    }
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      int[] before = counts.get(yearBefore(e.getKey()));
      OptionalDouble change = before == null || before[3] == 0 ? OptionalDouble.empty()
          : OptionalDouble.of((double) (c[3] - before[3]) / before[3]);
      out.add(new Row(e.getKey(), c[0], c[1], c[2], c[3], countries.get(e.getKey()).size(),
          change));
    }
    return out;
  }

  private static String period(ZonedDateTime t, By by) {
    return by == By.YEAR ? String.format(Locale.ROOT, "%04d", t.getYear())
        : String.format(Locale.ROOT, "%04d-%02d", t.getYear(), t.getMonthValue());
  }

  /** The same period a year before: {@code 2025} for {@code 2026}, {@code 2025-10} for 2026-10. */
  private static String yearBefore(String period) {
    int year = Integer.parseInt(period.substring(0, 4)) - 1;
    return String.format(Locale.ROOT, "%04d", year) + period.substring(4);
  }
}
