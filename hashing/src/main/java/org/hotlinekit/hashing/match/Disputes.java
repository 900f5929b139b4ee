package org.hotlinekit.hashing.match;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;

/**
 * A team's own verdicts on entries of lists it does not own: entries it found to be false
 * positives ("disputed"), which a {@link Matcher} then leaves out of every decision and reports as
 * suppressed, with the reason. Immutable.
 *
 * <p>File format: JSON lines, one object per disputed entry: {@code {"list": "ncmec.xml",
 * "entry": "12345", "reason": "a company logo, not abuse material"}}, all three strings, nothing
 * else; blank lines are skipped. A line that is not such an object is an error naming the line
 * (the file is refused: a verdict that was meant but not read would let a false positive
 * through silently, and the reverse).
 */
public final class Disputes {
  private static final java.util.List<String> KEYS =
      java.util.List.of("list", "entry", "reason");

  private final Map<String, Map<String, String>> byList;

  private Disputes(Map<String, Map<String, String>> byList) {
    this.byList = byList;
  }

  /**
   * No disputed entries.
   *
   * @return the empty verdicts
   */
  public static Disputes none() {
    return new Disputes(Map.of());
  }

  /**
   * Verdicts given in code.
   *
   * @param reasons list name, then entry id, then the reason
   * @return the verdicts
   */
  public static Disputes of(Map<String, Map<String, String>> reasons) {
    Map<String, Map<String, String>> copy = new HashMap<>();
    reasons.forEach((list, entries) -> copy.put(Objects.requireNonNull(list, "list"),
        Map.copyOf(entries)));
    return new Disputes(Map.copyOf(copy));
  }

  /**
   * Reads a disputes file.
   *
   * @param file the file (JSON lines, UTF-8)
   * @return the verdicts
   * @throws InputReadException if it cannot be read
   * @throws MalformedInputException at the first line that is not a verdict, naming it
   */
  public static Disputes read(Path file) {
    Map<String, Map<String, String>> out = new HashMap<>();
    JsonLinesFile.read(file, (n, at) -> {
      if (n.size() != KEYS.size() || !KEYS.stream().allMatch(k -> n.has(k)
          && n.get(k).isString() && !n.get(k).asString().isBlank())) {
        throw new MalformedInputException(at + "a disputed entry is {\"list\", \"entry\","
            + " \"reason\"}, three non-empty strings");
      }
      out.computeIfAbsent(n.get("list").asString(), k -> new HashMap<>())
          .put(n.get("entry").asString(), n.get("reason").asString());
    });
    return of(out);
  }

  /**
   * Why an entry is disputed.
   *
   * @param list the list's name
   * @param entry the entry's id
   * @return the reason, or empty if the entry is not disputed
   */
  public Optional<String> reason(String list, String entry) {
    return Optional.ofNullable(byList.getOrDefault(list, Map.of()).get(entry));
  }

  /**
   * How many entries are disputed.
   *
   * @return the count
   */
  public int size() {
    return byList.values().stream().mapToInt(Map::size).sum();
  }
}
