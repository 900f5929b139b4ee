package org.hotlinekit.iccam.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hotlinekit.iccam.model.AgeCategory;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.Classification;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Gender;
import org.hotlinekit.iccam.model.Hosting;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.junit.jupiter.api.Test;

/**
 * Four reports whose periods and counts are worked out by hand. R2 is received at 23:30 UTC on
 * 31 December 2025, which is 00:30 on 1 January 2026 in Brussels: it belongs to 2026.
 */
class PeriodsTest {
  private static final List<Report> REPORTS = List.of(
      report("R1", "2025-03-01T10:00:00Z", item(Classification.NATIONAL, "NL"),
          item(Classification.NOT_ILLEGAL, null)),
      report("R2", "2025-12-31T23:30:00Z", item(Classification.BASELINE, "DE")),
      report("R3", "2026-02-10T09:00:00Z", item(Classification.BASELINE, "US"),
          item(Classification.NATIONAL, "US")),
      report("R4", "2026-06-01T09:00:00Z", item(Classification.NOT_ILLEGAL, "FR")));

  @Test
  void yearsWithTheirChange() {
    assertThat(Periods.of(REPORTS, Periods.By.YEAR)).containsExactly(
        new Periods.Row("2025", 1, 1, 2, 1, 1, OptionalDouble.empty()),
        // 3 illegal items against 1 the year before: +200 %; countries DE and US.
        new Periods.Row("2026", 3, 2, 4, 3, 2, OptionalDouble.of(2.0)));
  }

  @Test
  void monthsCompareWithTheSameMonthAYearBefore() {
    List<Periods.Row> months = Periods.of(REPORTS, Periods.By.MONTH);
    assertThat(months).extracting(Periods.Row::period)
        .containsExactly("2025-03", "2026-01", "2026-02", "2026-06");
    assertThat(months).allSatisfy(r -> assertThat(r.illegalYearOnYear()).isEmpty());
    assertThat(months.get(1)).isEqualTo(
        new Periods.Row("2026-01", 1, 1, 1, 1, 1, OptionalDouble.empty()));
    assertThat(months.get(3)).isEqualTo(
        new Periods.Row("2026-06", 1, 0, 1, 0, 0, OptionalDouble.empty()));
    assertThat(Periods.of(List.of(), Periods.By.MONTH)).isEmpty();
  }

  private static Report report(String ref, String received, ContentItem... items) {
    Instant at = Instant.parse(received);
    List<ContentItem> list = new ArrayList<>();
    for (int k = 0; k < items.length; k++) {
      ContentItem i = items[k];
      Assessment a = new Assessment("analyst-1", at.plusSeconds(60), "BE",
          i.assessments().get(0).classification(), AgeCategory.PUBESCENT, Gender.FEMALE, false,
          false, false, Optional.empty(), List.of());
      list.add(new ContentItem(String.valueOf(k + 1), i.url(), i.mediaType(), i.hosting(),
          Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(a), List.of(),
          Optional.empty()));
    }
    return new Report(ref, "BE-test", at, ZoneId.of("Europe/Brussels"),
        "https://example.org/" + ref, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), Optional.empty(), list);
  }

  /** An item with one placeholder assessment (re-dated by {@link #report}). */
  private static ContentItem item(Classification c, String country) {
    Assessment a = new Assessment("analyst-1", Instant.EPOCH, "BE", c, AgeCategory.PUBESCENT,
        Gender.FEMALE, false, false, false, Optional.empty(), List.of());
    Optional<Hosting> h = country == null ? Optional.empty() : Optional.of(new Hosting(
        Instant.EPOCH, Optional.empty(), Optional.of(country), Optional.empty(),
        java.util.OptionalLong.empty(), false));
    return new ContentItem("x", "https://example.org/i.jpg", MediaType.IMAGE, h, Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(a), List.of(), Optional.empty());
  }
}
