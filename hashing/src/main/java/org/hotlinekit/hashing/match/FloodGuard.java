package org.hotlinekit.hashing.match;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.io.AtomicFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Protection against a flooding entry: a list entry that suddenly matches far too much (a logo, a
 * blank frame, an adversarial collision) is quarantined, so that it no longer decides that a file
 * is known, until a person confirms it. Counts, per entry, the queries it matched among the last
 * {@link Builder#window(int)} queries a {@link Matcher} answered; an entry that matched more than
 * {@link Builder#share(double)} of them, once at least {@link Builder#minQueries(int)} were seen,
 * is quarantined and stays so (also across runs, through {@link #write(Path)} and {@link
 * #read(Path, Builder)}) until {@link #confirm}ed. Thread-safe.
 *
 * <p>State file: JSON lines, one object per entry: {@code {"list", "entry", "state":
 * "quarantined" | "confirmed", "since", "reason"}}. A person confirms an entry by changing its
 * state to {@code confirmed}: it is then never quarantined again.
 */
public final class FloodGuard {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * An entry the guard holds back.
   *
   * @param list the list's name
   * @param entry the entry's id
   * @param since when it was quarantined
   * @param reason what it matched, in words
   */
  public record Quarantine(String list, String entry, Instant since, String reason) {
    /**
     * Validates.
     *
     * @param list the list
     * @param entry the entry
     * @param since the time
     * @param reason the reason
     */
    public Quarantine {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private record Key(String list, String entry) {}

  private final int window;
  private final double share;
  private final int minQueries;
  private final Clock clock;
  /** The entries each of the last {@code window} queries matched (each entry once a query). */
  private final ArrayDeque<Set<Key>> recent = new ArrayDeque<>();
  private final Map<Key, Integer> counts = new HashMap<>();
  private final Map<Key, Quarantine> quarantined = new LinkedHashMap<>();
  private final Set<Key> confirmed = new HashSet<>();
  private final List<Quarantine> fresh = new ArrayList<>();
  private long seen;

  private FloodGuard(Builder b) {
    this.window = b.window;
    this.share = b.share;
    this.minQueries = b.minQueries;
    this.clock = b.clock;
  }

  /**
   * A builder: by default a window of 10,000 queries, a share of 5 %, at least 1,000 queries.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether an entry is quarantined now.
   *
   * @param list the list's name
   * @param entry the entry's id
   * @return the quarantine, or empty
   */
  public synchronized Optional<Quarantine> quarantine(String list, String entry) {
    return Optional.ofNullable(quarantined.get(new Key(list, entry)));
  }

  /**
   * Counts one answered query: the entries it matched (quarantined ones included: the guard
   * watches what the lists do, not what was decided).
   *
   * @param matches the matches of one query, before anything was suppressed
   */
  public synchronized void observe(List<Match> matches) {
    Set<Key> keys = new HashSet<>();
    for (Match m : matches) {
      keys.add(new Key(m.list(), m.entry().id()));
    }
    recent.addLast(keys);
    seen++;
    for (Key k : keys) {
      counts.merge(k, 1, Integer::sum);
    }
    if (recent.size() > window) {
      for (Key k : recent.removeFirst()) {
        counts.computeIfPresent(k, (x, n) -> n == 1 ? null : n - 1);
      }
    }
    if (seen < minQueries) {
      return;
    }
    for (Key k : keys) {
      int n = counts.getOrDefault(k, 0);
      if (n > share * recent.size() && !quarantined.containsKey(k) && !confirmed.contains(k)) {
        Quarantine q = new Quarantine(k.list(), k.entry(), clock.instant(), String.format(
            java.util.Locale.ROOT, "matched %d of the last %d queries (over %.1f %%)", n,
            recent.size(), 100 * share));
        quarantined.put(k, q);
        fresh.add(q);
      }
    }
  }

  /**
   * A person's confirmation: the entry is released and never quarantined again.
   *
   * @param list the list's name
   * @param entry the entry's id
   */
  public synchronized void confirm(String list, String entry) {
    Key k = new Key(list, entry);
    quarantined.remove(k);
    confirmed.add(k);
  }

  /**
   * The entries quarantined now.
   *
   * @return the quarantines, in the order they happened
   */
  public synchronized List<Quarantine> quarantined() {
    return List.copyOf(quarantined.values());
  }

  /**
   * The entries quarantined since the last call (to report them once).
   *
   * @return the new quarantines
   */
  public synchronized List<Quarantine> newlyQuarantined() {
    List<Quarantine> out = List.copyOf(fresh);
    fresh.clear();
    return out;
  }

  /**
   * Saves the quarantined and the confirmed entries, atomically.
   *
   * @param file the state file
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   */
  public synchronized void write(Path file) {
    StringBuilder b = new StringBuilder();
    for (Quarantine q : quarantined.values()) {
      ObjectNode n = JSON.createObjectNode().put("list", q.list()).put("entry", q.entry())
          .put("state", "quarantined").put("since", q.since().toString())
          .put("reason", q.reason());
      b.append(JSON.writeValueAsString(n)).append('\n');
    }
    for (Key k : confirmed) {
      b.append(JSON.writeValueAsString(JSON.createObjectNode().put("list", k.list())
          .put("entry", k.entry()).put("state", "confirmed"))).append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, bytes);
  }

  /**
   * A guard that starts from a saved state (a missing file is an empty state).
   *
   * @param file the state file
   * @param settings the window, share and minimum
   * @return the guard
   * @throws InputReadException if the file exists and cannot be read
   * @throws MalformedInputException at the first line that is not a state, naming it
   */
  public static FloodGuard read(Path file, Builder settings) {
    FloodGuard g = settings.build();
    if (!Files.exists(file)) {
      return g;
    }
    JsonLinesFile.read(file, (n, at) -> {
      String list = text(n, "list", at);
      String entry = text(n, "entry", at);
      String state = text(n, "state", at);
      Key k = new Key(list, entry);
      if (state.equals("confirmed")) {
        g.confirmed.add(k);
      } else if (state.equals("quarantined")) {
        Instant since;
        try {
          since = Instant.parse(text(n, "since", at));
        } catch (DateTimeParseException e) {
          throw new MalformedInputException(at + "since is not an ISO-8601 instant");
        }
        g.quarantined.put(k, new Quarantine(list, entry, since, text(n, "reason", at)));
      } else {
        throw new MalformedInputException(at + "state is quarantined or confirmed");
      }
    });
    return g;
  }

  private static String text(JsonNode n, String key, String at) {
    if (n == null || !n.isObject() || !n.has(key) || !n.get(key).isString()) {
      throw new MalformedInputException(at + "missing string '" + key + "'");
    }
    return n.get(key).asString();
  }

  /** Configures a {@link FloodGuard}. */
  public static final class Builder {
    private int window = 10_000;
    private double share = 0.05;
    private int minQueries = 1_000;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * How many of the last queries are counted.
     *
     * @param queries at least 1 (default 10,000)
     * @return this builder
     */
    public Builder window(int queries) {
      if (queries < 1) {
        throw new IllegalArgumentException("window must be at least 1, got " + queries);
      }
      this.window = queries;
      return this;
    }

    /**
     * The share of the counted queries above which an entry is quarantined.
     *
     * @param fraction above 0, at most 1 (default 0.05)
     * @return this builder
     */
    public Builder share(double fraction) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("share must be in (0, 1], got " + fraction);
      }
      this.share = fraction;
      return this;
    }

    /**
     * How many queries must have been seen before anything is quarantined (a handful of
     * copies of one image in a small folder is not a flood).
     *
     * @param queries at least 1 (default 1,000)
     * @return this builder
     */
    public Builder minQueries(int queries) {
      if (queries < 1) {
        throw new IllegalArgumentException("minQueries must be at least 1, got " + queries);
      }
      this.minQueries = queries;
      return this;
    }

    /**
     * The clock of the quarantine times.
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * A guard with nothing counted.
     *
     * @return the guard
     */
    public FloodGuard build() {
      return new FloodGuard(this);
    }
  }
}
