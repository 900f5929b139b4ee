package org.hotlinekit.iccam.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days by the bundled Belgian calendar, and bad calendar files. */
class WorkingDaysTest {
  private static final WorkingDays BE = WorkingDays.bundled("BE").orElseThrow();

  /** Deadlines worked out on a 2026 calendar by hand. */
  @ParameterizedTest
  @CsvSource({
    "2026-01-09, 1, 2026-01-12", // Friday: Monday
    "2026-01-10, 1, 2026-01-12", // Saturday: Monday
    "2026-01-12, 3, 2026-01-15", // Monday: Thursday
    "2026-04-02, 1, 2026-04-03", // Thursday: Good Friday is a working day in Belgium
    "2026-04-02, 2, 2026-04-07", // ... then Easter Monday (6 April) is not
    "2026-04-30, 1, 2026-05-04", // Thursday before Labour Day (Friday 1 May): Monday
    "2026-12-24, 1, 2026-12-28", // Christmas on Friday, then the weekend
    "2026-12-31, 1, 2027-01-04", // New Year's Day on Friday
    "2026-03-03, 0, 2026-03-03",
  })
  void deadlines(LocalDate received, int n, LocalDate expected) {
    assertThat(BE.deadline(received, n)).isEqualTo(expected);
  }

  @Test
  void theBundledCalendarSaysWhatItCovers() {
    assertThat(BE.country()).isEqualTo("BE");
    assertThat(BE.years()).isEqualTo("2025-2027");
    assertThat(BE.isWorkingDay(LocalDate.parse("2026-07-21"))).isFalse(); // National Day
    assertThat(BE.isWorkingDay(LocalDate.parse("2026-07-22"))).isTrue();
    assertThat(BE.covers(LocalDate.parse("2028-01-03"))).isFalse();
    assertThatThrownBy(() -> BE.deadline(LocalDate.parse("2027-12-30"), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-2027");
    assertThat(WorkingDays.bundled("NL")).isEmpty();
    assertThat(WorkingDays.bundled("../x")).isEmpty();
  }

  @Test
  void badCalendarsAreRefusedNamingTheMember() {
    String ok = "{\"format\": \"hotlinekit-holidays\", \"formatVersion\": 1, \"country\": \"BE\","
        + " \"years\": [2026, 2026], \"source\": \"s\", \"holidays\": [%s]}";
    assertThat(parse(String.format(ok, "\"2026-01-01\"")).isWorkingDay(
        LocalDate.parse("2026-01-01"))).isFalse();
    assertThatThrownBy(() -> parse(String.format(ok, "\"2025-12-25\"")))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("t.json: member 'holidays[0]': 2025-12-25 is outside the years 2026-2026");
    assertThatThrownBy(() -> parse(String.format(ok, "\"2026-01-01\", \"2026-01-01\"")))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> parse(String.format(ok, "\"1 January\"")))
        .hasMessageContaining("member 'holidays[0]': must be a date");
    assertThatThrownBy(() -> parse(ok.replace("formatVersion\": 1", "formatVersion\": 2")
        .formatted("")))
        .hasMessageContaining("formatVersion");
    assertThatThrownBy(() -> parse("[]")).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> parse(String.format(ok, "").replace("\"source\"", "\"sauce\"")))
        .hasMessageContaining("member 'sauce': unknown member");
  }

  private static WorkingDays parse(String json) {
    return WorkingDays.parse(json.getBytes(StandardCharsets.UTF_8), "t.json");
  }

  /** Untrusted calendar files: a calendar or a HotlinekitException, and it answers. */
  @FuzzTest(maxDuration = "60s")
  void parseUntrusted(byte[] data) {
    WorkingDays w;
    try {
      w = WorkingDays.parse(data, "fuzz");
    } catch (HotlinekitException expected) {
      return;
    }
    LocalDate start = LocalDate.of(Integer.parseInt(w.years().substring(0, 4)), 1, 1);
    w.isWorkingDay(start);
  }
}
