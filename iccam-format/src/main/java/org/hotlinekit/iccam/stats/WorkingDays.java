package org.hotlinekit.iccam.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A working-day calendar: Monday to Friday except the public holidays of one country, for the
 * years it covers. Holidays are data, not code: bundled for Belgium ({@link #bundled(String)},
 * 2025-2027), or read from a file a hotline maintains ({@link #read(Path)}).
 *
 * <p>"Within N working days" of a report received on day D: at or before the end of the N-th
 * working day after D, in the report's time zone (D itself is not counted, whether or not it is
 * a working day). A date outside the covered years cannot be counted: {@link #covers(LocalDate)}
 * says so, and the statistics then report the working-day figures as not computed rather than
 * guess.
 *
 * <p>File: {@code {"format": "hotlinekit-holidays", "formatVersion": 1, "country": "BE",
 * "years": [2025, 2027], "source": "...", "holidays": ["2026-01-01", ...]}}; every holiday
 * within the years, none twice.
 */
public final class WorkingDays {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_BYTES = 1 << 20;

  private final String country;
  private final int firstYear;
  private final int lastYear;
  private final Set<LocalDate> holidays;
  private final String source;

  private WorkingDays(String country, int firstYear, int lastYear, Set<LocalDate> holidays,
      String source) {
    this.country = country;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
    this.source = source;
  }

  /**
   * A bundled calendar.
   *
   * @param country the country code; bundled: {@code BE}
   * @return the calendar, or empty if none is bundled for the country
   */
  public static Optional<WorkingDays> bundled(String country) {
    String c = Objects.requireNonNull(country, "country").strip().toUpperCase(java.util.Locale.ROOT);
    if (!c.matches("[A-Z]{2}")) {
      return Optional.empty();
    }
    try (InputStream in = WorkingDays.class.getResourceAsStream("holidays-" + c + ".json")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(in.readAllBytes(), "holidays-" + c + ".json"));
    } catch (IOException e) {
      throw new IllegalStateException("bundled holidays unreadable", e);
    }
  }

  /**
   * Reads a calendar file.
   *
   * @param file the JSON file
   * @return the calendar
   * @throws InputReadException if it cannot be read
   * @throws MalformedInputException if it is not a valid calendar (naming the member)
   */
  public static WorkingDays read(Path file) {
    byte[] b;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new MalformedInputException(file + ": a holiday calendar over 1 MiB");
      }
      b = Files.readAllBytes(file);
    } catch (IOException e) {
      throw InputReadException.of(file, e);
    }
    return parse(b, file.toString());
  }

  /**
   * Reads a calendar from its JSON bytes.
   *
   * @param json the bytes
   * @param name the name errors use
   * @return the calendar
   * @throws MalformedInputException if it is not a valid calendar (naming the member)
   */
  public static WorkingDays parse(byte[] json, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new MalformedInputException(name + ": not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw bad(name, "the document", "must be a JSON object");
    }
    for (String k : root.propertyNames()) {
      if (!Set.of("format", "formatVersion", "country", "years", "source", "holidays")
          .contains(k)) {
        throw bad(name, k, "unknown member");
      }
    }
    if (!"hotlinekit-holidays".equals(text(root, "format", name))) {
      throw bad(name, "format", "must be \"hotlinekit-holidays\"");
    }
    JsonNode v = root.get("formatVersion");
    if (v == null || !v.isIntegralNumber() || v.asLong() != 1) {
      throw bad(name, "formatVersion", "must be 1 (this version reads version 1)");
    }
    String country = text(root, "country", name);
    if (!country.matches("[A-Z]{2}")) {
      throw bad(name, "country", "must be a two-letter upper-case code");
    }
    String source = text(root, "source", name);
    JsonNode years = root.get("years");
    if (years == null || !years.isArray() || years.size() != 2 || !years.get(0).isIntegralNumber()
        || !years.get(1).isIntegralNumber()) {
      throw bad(name, "years", "must be [first, last]");
    }
    long first = years.get(0).asLong();
    long last = years.get(1).asLong();
    if (first < 1900 || last > 2200 || first > last) {
      throw bad(name, "years", "must be two years 1900..2200, first <= last");
    }
    JsonNode list = root.get("holidays");
    if (list == null || !list.isArray()) {
      throw bad(name, "holidays", "must be an array of dates");
    }
    Set<LocalDate> days = new TreeSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode d = list.get(i);
      String at = "holidays[" + i + "]";
      if (!d.isString()) {
        throw bad(name, at, "must be a date such as \"2026-01-01\"");
      }
      LocalDate day;
      try {
        day = LocalDate.parse(d.asString());
      } catch (DateTimeParseException e) {
        throw bad(name, at, "must be a date such as \"2026-01-01\"");
      }
      if (day.getYear() < first || day.getYear() > last) {
        throw bad(name, at, day + " is outside the years " + first + "-" + last);
      }
      if (!days.add(day)) {
        throw bad(name, at, day + " is listed twice");
      }
    }
    return new WorkingDays(country, (int) first, (int) last, days, source);
  }

  private static String text(JsonNode root, String key, String name) {
    JsonNode v = root.get(key);
    if (v == null || !v.isString() || v.asString().isBlank()) {
      throw bad(name, key, "must be a non-empty string");
    }
    return v.asString();
  }

  private static MalformedInputException bad(String name, String member, String why) {
    return new MalformedInputException(name + ": member '" + member + "': " + why);
  }

  /**
   * The country whose holidays these are.
   *
   * @return the code
   */
  public String country() {
    return country;
  }

  /**
   * The years covered, e.g. {@code 2025-2027}.
   *
   * @return the range in words
   */
  public String years() {
    return firstYear + "-" + lastYear;
  }

  /**
   * Where the holidays come from.
   *
   * @return the source note
   */
  public String source() {
    return source;
  }

  /**
   * Whether the calendar can say if a date is a working day.
   *
   * @param day the date
   * @return true within the covered years
   */
  public boolean covers(LocalDate day) {
    return day.getYear() >= firstYear && day.getYear() <= lastYear;
  }

  /**
   * Whether a date is a working day.
   *
   * @param day the date
   * @return true for Monday to Friday except holidays
   * @throws IllegalArgumentException if the date is outside the covered years
   */
  public boolean isWorkingDay(LocalDate day) {
    if (!covers(day)) {
      throw new IllegalArgumentException(day + " is outside the calendar's years " + years());
    }
    DayOfWeek w = day.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /**
   * The N-th working day after {@code received} (not counting {@code received} itself): an action
   * on or before that date is within N working days.
   *
   * @param received the day the report came in
   * @param n how many working days, at least 0 (0 gives {@code received})
   * @return the deadline's date
   * @throws IllegalArgumentException if a date counted is outside the covered years
   */
  public LocalDate deadline(LocalDate received, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be at least 0, got " + n);
    }
    LocalDate d = received;
    for (int left = n; left > 0; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }
}
