package org.hotlinekit.iccam.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotlinekit.iccam.model.Action;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.AgeCategory;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.Classification;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Gender;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.junit.jupiter.api.Test;

/**
 * Generated reports with known action times: item k (k = 1..25) is reported to LEA after k hours,
 * noticed after 2k hours and removed after 10k hours; five more illegal items have no action. The
 * expected figures follow from the definitions by arithmetic.
 */
class KpisTest {
  private static final Instant RECEIVED = Instant.parse("2026-01-10T07:00:00Z"); // 08:00 Brussels

  @Test
  void knownTimesGiveExactFigures() {
    List<Report> reports = new ArrayList<>();
    for (int k = 1; k <= 25; k++) {
      reports.add(report("R" + k, item("1", Classification.NATIONAL, List.of(
          action(ActionType.REPORTED_TO_LEA, k), action(ActionType.REPORTED_TO_ISP, 2 * k),
          action(ActionType.REMOVED, 10 * k)), Optional.of(k % 5 == 0))));
    }
    for (int k = 1; k <= 5; k++) {
      reports.add(report("O" + k, item("1", Classification.BASELINE, List.of(),
          Optional.empty())));
    }
    reports.add(report("N", item("1", Classification.NOT_ILLEGAL, List.of(), Optional.empty())));
    KpiReport r = Kpis.standard().compute(reports);

    assertThat(r.contentItems()).isEqualTo(31);
    assertThat(r.illegal()).isEqualTo(30);
    assertThat(r.byClassification()).containsEntry("national", 25).containsEntry("baseline", 5)
        .containsEntry("not_illegal", 1);
    assertThat(r.known()).isEqualTo(5);
    assertThat(r.newItems()).isEqualTo(20);
    assertThat(r.knownUndetermined()).isEqualTo(5);
    // Every item is at https://example.org/i.jpg: one site.
    assertThat(r.byRegistrableDomain()).containsExactly(java.util.Map.entry("example.org", 30));

    Durations lea = r.toLea();
    assertThat(lea.withEvent()).isEqualTo(25);
    assertThat(lea.censored()).isEqualTo(5);
    assertThat(lea.median()).contains(Duration.ofHours(13));        // the 13th of 25
    assertThat(lea.p90()).contains(Duration.ofHours(23));           // rank ceil(22.5) = 23
    assertThat(lea.denominator()).isEqualTo(30);
    // Shares are of all 30 illegal items: the 5 without the action are not within.
    assertThat(lea.within().get(1)).isCloseTo(24 / 30.0, within(1e-12));
    assertThat(lea.within().get(3)).isCloseTo(25 / 30.0, within(1e-12));
    // Same calendar day in Brussels (UTC+1 in January): until 22:59 UTC, k <= 15.
    assertThat(lea.sameDay()).isCloseTo(15 / 30.0, within(1e-12));

    Durations notice = r.toNotice();
    assertThat(notice.median()).contains(Duration.ofHours(26));
    assertThat(notice.p90()).contains(Duration.ofHours(46));
    assertThat(notice.within().get(1)).isCloseTo(12 / 30.0, within(1e-12));   // 2k <= 24
    assertThat(notice.within().get(3)).isCloseTo(25 / 30.0, within(1e-12));

    Durations removal = r.toRemoval();
    assertThat(removal.median()).contains(Duration.ofHours(130));
    assertThat(removal.p90()).contains(Duration.ofHours(230));
    assertThat(removal.within().get(1)).isCloseTo(2 / 30.0, within(1e-12));  // 10k <= 24
    assertThat(removal.within().get(3)).isCloseTo(7 / 30.0, within(1e-12));  // 10k <= 72
    assertThat(removal.within().get(7)).isCloseTo(16 / 30.0, within(1e-12)); // 10k <= 168
    assertThat(removal.withinWorkingDays()).isEmpty(); // no calendar given
    assertThat(r.definitions()).contains("nearest rank").contains("removed only");
  }

  @Test
  void evenCountsAverageTheMiddleAndUnavailableCountsOnlyWhenAsked() {
    List<Report> reports = new ArrayList<>();
    int[] hours = {1, 2, 3, 10};
    for (int h : hours) {
      reports.add(report("R" + h, item("1", Classification.NATIONAL, List.of(
          action(ActionType.REPORTED_TO_LEA, h),
          action(h == 10 ? ActionType.UNAVAILABLE : ActionType.REMOVED, h + 1)),
          Optional.empty())));
    }
    KpiReport standard = Kpis.standard().compute(reports);
    assertThat(standard.toLea().median()).contains(Duration.ofMinutes(150)); // (2 + 3) / 2 h
    assertThat(standard.toLea().p90()).contains(Duration.ofHours(10));      // rank ceil(3.6)
    assertThat(standard.toRemoval().withEvent()).isEqualTo(3);
    assertThat(standard.toRemoval().censored()).isEqualTo(1);
    KpiReport counting = Kpis.countingUnavailableAsRemoved().compute(reports);
    assertThat(counting.toRemoval().withEvent()).isEqualTo(4);
    assertThat(counting.toRemoval().median()).contains(Duration.ofMinutes(210)); // (3 + 4) / 2 h
    assertThat(Kpis.standard().compute(List.of()).toLea().median()).isEmpty();
  }

  /**
   * Five illegal items, removal times worked out by hand (Brussels; CET until 29 March 2026,
   * CEST after; Belgian public holidays):
   * <ol>
   *   <li>weekend: received Fri 9 Jan 16:00, removed Mon 12 Jan 10:00: 66 h; Monday is the first
   *       working day after Friday;
   *   <li>after midnight: received Tue 13 Jan 23:30, removed Wed 14 Jan 00:30 local (still 13 Jan
   *       in UTC): 1 h, not the same local day;
   *   <li>still online: received Mon 19 Jan 10:00, never removed;
   *   <li>unavailable: received Tue 20 Jan 09:00, unavailable Thu 22 Jan 09:00: 48 h, removal
   *       only when unavailability counts;
   *   <li>Easter: received Thu 2 Apr 12:00, removed Wed 8 Apr 12:00: 144 h; working days after
   *       Thursday: Fri 3 (1), Mon 6 is Easter Monday, Tue 7 (2), Wed 8 (3).
   * </ol>
   */
  @Test
  void fiveHandComputedTimelines() {
    WorkingDays be = WorkingDays.bundled("BE").orElseThrow();
    List<Report> reports = List.of(
        timeline("W", "2026-01-09T15:00:00Z", ActionType.REMOVED, "2026-01-12T09:00:00Z"),
        timeline("M", "2026-01-13T22:30:00Z", ActionType.REMOVED, "2026-01-13T23:30:00Z"),
        timeline("S", "2026-01-19T09:00:00Z", null, null),
        timeline("U", "2026-01-20T08:00:00Z", ActionType.UNAVAILABLE, "2026-01-22T08:00:00Z"),
        timeline("E", "2026-04-02T10:00:00Z", ActionType.REMOVED, "2026-04-08T10:00:00Z"));

    Durations removed = Kpis.standard().withWorkingDays(be).compute(reports).toRemoval();
    assertThat(removed.withEvent()).isEqualTo(3);
    assertThat(removed.censored()).isEqualTo(2);
    assertThat(removed.denominator()).isEqualTo(5);
    assertThat(removed.median()).contains(Duration.ofHours(66));
    assertThat(removed.p90()).contains(Duration.ofHours(144));
    assertThat(removed.sameDay()).isCloseTo(0.0, within(1e-12));
    assertThat(removed.within()).containsEntry(1, 0.2).containsEntry(3, 0.4).containsEntry(7, 0.6);
    assertThat(removed.withinWorkingDays()).contains(Map.of(1, 0.4, 3, 0.6, 7, 0.6));

    Durations gone = Kpis.countingUnavailableAsRemoved().withWorkingDays(be).compute(reports)
        .toRemoval();
    assertThat(gone.withEvent()).isEqualTo(4);
    assertThat(gone.median()).contains(Duration.ofHours(57)); // (48 + 66) / 2
    assertThat(gone.within()).containsEntry(1, 0.2).containsEntry(3, 0.6).containsEntry(7, 0.8);
    assertThat(gone.withinWorkingDays()).contains(Map.of(1, 0.4, 3, 0.8, 7, 0.8));

    // A calendar that does not cover 2026 leaves the working-day figures uncomputed, and says so.
    WorkingDays only2027 = WorkingDays.parse(("{\"format\": \"hotlinekit-holidays\","
        + " \"formatVersion\": 1, \"country\": \"BE\", \"years\": [2027, 2027], \"source\":"
        + " \"test\", \"holidays\": [\"2027-01-01\"]}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "t.json");
    KpiReport uncovered = Kpis.standard().withWorkingDays(only2027).compute(reports);
    assertThat(uncovered.toRemoval().withinWorkingDays()).isEmpty();
    assertThat(uncovered.definitions()).contains("not computed");
  }

  private static Report timeline(String ref, String received, ActionType type, String at) {
    Instant in = Instant.parse(received);
    Assessment a = new Assessment("analyst-1", in.plusSeconds(60), "BE", Classification.NATIONAL,
        AgeCategory.PUBESCENT, Gender.FEMALE, false, false, false, Optional.empty(), List.of());
    ContentItem item = new ContentItem("1", "https://example.org/i.jpg", MediaType.IMAGE,
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(a),
        type == null ? List.of() : List.of(Action.of(type, Instant.parse(at))), Optional.empty());
    return new Report(ref, "BE-test", in, ZoneId.of("Europe/Brussels"),
        "https://example.org/" + ref, Optional.empty(), Optional.of("image_host"),
        Optional.empty(), List.of(), Optional.empty(), List.of(item));
  }

  private static Report report(String ref, ContentItem item) {
    return new Report(ref, "BE-test", RECEIVED, ZoneId.of("Europe/Brussels"),
        "https://example.org/" + ref, Optional.empty(), Optional.of("image_host"),
        Optional.empty(), List.of(), Optional.empty(), List.of(item));
  }

  private static ContentItem item(String id, Classification c, List<Action> actions,
      Optional<Boolean> known) {
    Assessment a = new Assessment("analyst-1", RECEIVED.plusSeconds(60), "BE", c,
        AgeCategory.PUBESCENT, Gender.FEMALE, false, false, false, Optional.empty(), List.of());
    return new ContentItem(id, "https://example.org/i.jpg", MediaType.IMAGE, Optional.empty(),
        Optional.empty(), known, List.of(), List.of(a), actions, Optional.empty());
  }

  private static Action action(ActionType t, int hours) {
    return Action.of(t, RECEIVED.plus(Duration.ofHours(hours)));
  }
}
