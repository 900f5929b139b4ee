package org.hotlinekit.hashing.match;

import org.hotlinekit.hashing.video.VideoIndex;
import org.hotlinekit.hashing.video.VpdqHash;
import org.hotlinekit.hashing.video.VpdqMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.index.DigestIndex;
import org.hotlinekit.hashing.index.PdqMatch;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.media.MediaHashes;

/**
 * Looks media hashes up in hash lists: digests exactly, PDQ within a Hamming distance (default
 * 31), optionally through all eight rotations and mirror images, and videos' vPDQ hashes by the
 * shares of their frames that match ({@link Builder#videoRules}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Matcher matcher = Matcher.builder().list(iwf).list(ownList).maxDistance(31).build();
 * Matcher.Result r = matcher.match(mediaHasher.hash(file));
 * r.matches();           // every matching entry of every list
 * r.pdqBelowQuality();   // true if the PDQ hash was too weak to match (quality < 50)
 * }</pre>
 *
 * <p>PDQ hashes below the quality gate (default 50, upstream's recommendation) are not matched,
 * and the result says so. Entries of other types (PhotoDNA) are indexed by nobody yet and never
 * match.
 *
 * <p>Updates: a list update (a new daily list, a withdrawn hash) is a new {@link HashList}; {@link
 * #withList(HashList)} returns a matcher in which only that list is re-indexed (10 million PDQ
 * entries in about 10 s, 10 million MD5 in about 2 s on one core) while the other lists' indexes
 * are shared. Swap the new matcher in atomically (e.g. an {@code AtomicReference}); queries on the
 * old one finish undisturbed. Rebuilding one list keeps the indexes compact and exact, with no
 * tombstones to sweep. A delta (today's additions and withdrawals) needs no re-indexing at all:
 * {@link IndexedList#apply} gives the list with the changes (its indexes shared, the additions
 * indexed on their own, withdrawn entries left out of every match), and {@link
 * #withList(IndexedList)} swaps it in.
 */
public final class Matcher {
  private final int maxDistance;
  private final int minQuality;
  private final VpdqMatcher videoRules;
  private final List<IndexedList> lists;
  private final Disputes disputes;
  private final FloodGuard guard;

  private Matcher(Builder b) {
    this(b.maxDistance, b.minQuality, b.videoRules, b.lists, b.disputes, b.guard);
  }

  private Matcher(int maxDistance, int minQuality, VpdqMatcher videoRules,
      List<IndexedList> lists, Disputes disputes, FloodGuard guard) {
    this.maxDistance = maxDistance;
    this.minQuality = minQuality;
    this.videoRules = videoRules;
    this.lists = List.copyOf(lists);
    this.disputes = disputes;
    this.guard = guard;
  }

  /**
   * A matcher with one list added, or replaced if a list of that name is loaded; only that list
   * is indexed, the others are shared with this matcher.
   *
   * @param list the new or updated list
   * @return the new matcher (this one is unchanged)
   */
  public Matcher withList(HashList list) {
    return withList(IndexedList.of(Objects.requireNonNull(list, "list")));
  }

  /**
   * A matcher with an indexed list added, or replaced if a list of that name is loaded; the other
   * lists are shared with this matcher.
   *
   * @param fresh the new or updated list, indexed
   * @return the new matcher (this one is unchanged)
   */
  public Matcher withList(IndexedList fresh) {
    Objects.requireNonNull(fresh, "fresh");
    List<IndexedList> next = new ArrayList<>();
    boolean replaced = false;
    for (IndexedList l : lists) {
      if (l.name().equals(fresh.name())) {
        next.add(fresh);
        replaced = true;
      } else {
        next.add(l);
      }
    }
    if (!replaced) {
      next.add(fresh);
    }
    return new Matcher(maxDistance, minQuality, videoRules, next, disputes, guard);
  }

  /**
   * A matcher without the named list.
   *
   * @param name the list's name
   * @return the new matcher (this one is unchanged); the same lists if none has that name
   */
  public Matcher withoutList(String name) {
    List<IndexedList> next = new ArrayList<>();
    for (IndexedList l : lists) {
      if (!l.name().equals(name)) {
        next.add(l);
      }
    }
    return new Matcher(maxDistance, minQuality, videoRules, next, disputes, guard);
  }

  /**
   * The largest PDQ Hamming distance that matches.
   *
   * @return 0..63
   */
  public int maxDistance() {
    return maxDistance;
  }

  /**
   * The lowest PDQ quality that is matched.
   *
   * @return 0..100
   */
  public int minQuality() {
    return minQuality;
  }

  /**
   * The names of the loaded lists.
   *
   * @return the names, in loading order
   */
  public List<String> listNames() {
    List<String> names = new ArrayList<>();
    for (IndexedList l : lists) {
      names.add(l.name());
    }
    return names;
  }

  /**
   * Starts configuring a matcher.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Matches what was computed for one file.
   *
   * @param hashes the file's digests and, if computed, its PDQ (and dihedral) hashes
   * @return every match, sorted by list, then distance, then entry id
   */
  public Result match(MediaHashes hashes) {
    Objects.requireNonNull(hashes, "hashes");
    List<Match> out = new ArrayList<>();
    for (Digest d : hashes.digests().asMap().values()) {
      matchDigest(d, out);
    }
    for (HashValue v : hashes.signals()) {
      matchSignal(v, out);
    }
    boolean belowQuality = false;
    if (hashes.vpdq().isPresent()) {
      belowQuality = !matchVideo(hashes.vpdq().get(), out);
    }
    Optional<PdqHashWithQuality> pdq = hashes.pdq();
    if (pdq.isPresent()) {
      if (pdq.get().quality() < minQuality) {
        belowQuality = true;
      } else {
        matchPdq(pdq.get().hash(), hashes.dihedral().orElse(null), out);
      }
    }
    return result(out, belowQuality);
  }

  /**
   * Matches one hash, e.g. from a query list. A PDQ hash given this way has no quality to gate
   * on and is always matched.
   *
   * @param hash the hash
   * @return every match, sorted by list, then distance, then entry id
   */
  public Result match(HashValue hash) {
    List<Match> out = new ArrayList<>();
    hash.asPdq().ifPresent(p -> matchPdq(p, null, out));
    boolean belowQuality = matchAllButPdq(hash, out);
    return result(out, belowQuality);
  }

  /**
   * Matches many hashes, e.g. a file of queries: for each, what {@link #match(HashValue)}
   * answers, in order (a flood guard counts them in that order). Their PDQ hashes are searched
   * together ({@link org.hotlinekit.hashing.index.PdqIndex#searchAll}), which reads each list's
   * index in address order: for a few hundred queries or more, about twice as fast as one at a
   * time once the index is in memory.
   *
   * @param hashes the hashes
   * @return their results, in the order of the hashes
   */
  public List<Result> matchAll(List<HashValue> hashes) {
    int n = hashes.size();
    List<List<Match>> outs = new ArrayList<>(n);
    boolean[] belowQuality = new boolean[n];
    List<Integer> pdqAt = new ArrayList<>();
    List<PdqHash> pdqs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HashValue hash = Objects.requireNonNull(hashes.get(i), "hash");
      List<Match> out = new ArrayList<>();
      outs.add(out);
      Optional<PdqHash> pdq = hash.asPdq();
      if (pdq.isPresent()) {
        pdqAt.add(i);
        pdqs.add(pdq.get());
      }
      belowQuality[i] = matchAllButPdq(hash, out);
    }
    if (!pdqs.isEmpty()) {
      for (IndexedList l : lists) {
        for (IndexedList part : l.parts()) {
          if (part.pdq == null) {
            continue;
          }
          try {
            List<List<PdqMatch>> found = part.pdq.searchAll(pdqs, maxDistance);
            for (int k = 0; k < found.size(); k++) {
              for (PdqMatch m : found.get(k)) {
                add(outs.get(pdqAt.get(k)), l, part, pdqMatch(l, part, m));
              }
            }
          } catch (MalformedInputException e) {
            throw part.corrupt(e);
          }
        }
      }
    }
    List<Result> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      results.add(result(outs.get(i), belowQuality[i]));
    }
    return results;
  }

  /**
   * Matches a hash given as such on everything but its PDQ index: digests, plug-in signals,
   * vPDQ.
   *
   * @return whether it is a vPDQ hash of which no frame reaches the rules' quality
   */
  private boolean matchAllButPdq(HashValue hash, List<Match> out) {
    hash.asDigest().ifPresent(d -> matchDigest(d, out));
    if (hash.type().isPlugin()) {
      matchSignal(hash, out);
    }
    return hash.type() == HashType.VPDQ && !matchVideo(VpdqHash.of(hash), out);
  }

  /**
   * A video's vPDQ hash against every list's vPDQ entries, under the video rules.
   *
   * @return false if no frame of the query reaches the rules' quality (nothing could match)
   */
  private boolean matchVideo(VpdqHash video, List<Match> out) {
    boolean comparable = video.features().stream()
        .anyMatch(f -> f.quality() >= videoRules.minQuality());
    for (IndexedList l : lists) {
      for (IndexedList part : l.parts()) {
        if (part.videos == null || !comparable) {
          continue;
        }
        for (VideoIndex.Match m : part.videos.search(video, videoRules)) {
          add(out, l, part, Match.ofVideo(l.name(), part.videoEntries.get(m.video()),
              m.result()));
        }
      }
    }
    return comparable;
  }

  /** A plug-in signal: exact, or within its type's default distance, through its index. */
  private void matchSignal(HashValue v, List<Match> out) {
    HashType type = v.type();
    int max = type.comparison() == HashType.Comparison.EXACT ? 0 : type.defaultMaxDistance();
    for (IndexedList l : lists) {
      for (IndexedList part : l.parts()) {
        org.hotlinekit.hashing.spi.SignalIndex index = part.signalIndexes.get(type);
        if (index == null) {
          continue;
        }
        List<HashListEntry> entries = part.signalEntries.get(type);
        for (org.hotlinekit.hashing.spi.SignalIndex.Hit hit : index.search(v, max)) {
          add(out, l, part, new Match(l.name(), entries.get(hit.position()), type,
              hit.distance(), Dihedral.ORIG));
        }
      }
    }
  }


  private void matchDigest(Digest d, List<Match> out) {
    HashType type = HashType.of(d.algorithm());
    for (IndexedList l : lists) {
      for (IndexedList part : l.parts()) {
        DigestIndex index = part.digests.get(d.algorithm());
        if (index != null) {
          try {
            for (int i : index.find(d)) {
              add(out, l, part, new Match(l.name(), part.digestEntry(d.algorithm(), i), type, 0,
                  Dihedral.ORIG));
            }
          } catch (org.hotlinekit.core.MalformedInputException e) {
            throw part.corrupt(e);
          }
        }
      }
    }
  }

  private void matchPdq(PdqHash hash, DihedralPdqHashes all, List<Match> out) {
    for (IndexedList l : lists) {
      for (IndexedList part : l.parts()) {
        if (part.pdq == null) {
          continue;
        }
        try {
          List<PdqMatch> found = all != null
              ? part.pdq.searchDihedral(all, maxDistance)
              : part.pdq.search(hash, maxDistance);
          for (PdqMatch m : found) {
            add(out, l, part, pdqMatch(l, part, m));
          }
        } catch (org.hotlinekit.core.MalformedInputException e) {
          throw part.corrupt(e);
        }
      }
    }
  }

  /** A match of a part of a list's PDQ index, its entry decoded. */
  private static Match pdqMatch(IndexedList list, IndexedList part, PdqMatch m) {
    return new Match(list.name(), part.pdqEntry(m.entry()), HashType.PDQ, m.distance(),
        m.variant());
  }

  /**
   * Adds a match found in a part of a list, unless it is an entry of the list's own indexes that
   * a change applied since withdrew.
   */
  private static void add(List<Match> out, IndexedList list, IndexedList part, Match m) {
    if (part != list || !list.withdrawn(m.entry())) {
      out.add(m);
    }
  }

  /**
   * The result: the matches sorted, then those of disputed and quarantined entries moved aside,
   * and the query counted by the flood guard (on every match, suppressed or not).
   */
  private Result result(List<Match> out, boolean belowQuality) {
    out.sort(Comparator.comparing(Match::list).thenComparingInt(Match::distance)
        .thenComparing(m -> m.entry().id()));
    List<Match> kept = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    for (Match m : out) {
      Optional<String> disputed = disputes.reason(m.list(), m.entry().id());
      Optional<FloodGuard.Quarantine> held = guard == null ? Optional.empty()
          : guard.quarantine(m.list(), m.entry().id());
      if (disputed.isPresent()) {
        suppressed.add(new Suppressed(m, "disputed: " + disputed.get()));
      } else if (held.isPresent()) {
        suppressed.add(new Suppressed(m, "quarantined since " + held.get().since() + ": "
            + held.get().reason()));
      } else {
        kept.add(m);
      }
    }
    if (guard != null) {
      guard.observe(out);
    }
    return new Result(kept, belowQuality, suppressed);
  }

  /**
   * A match left out of the decision: its entry is disputed (a false positive for this team,
   * {@link Builder#disputes}) or quarantined (it matched far too much, {@link
   * Builder#floodGuard}).
   *
   * @param match the match
   * @param reason why it was left out
   */
  public record Suppressed(Match match, String reason) {
    /**
     * Validates.
     *
     * @param match the match
     * @param reason the reason
     */
    public Suppressed {
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The matches of one file.
   *
   * @param matches every match that counts, possibly none
   * @param pdqBelowQuality whether a PDQ hash (or every frame of a video's vPDQ hash) was
   *     computed but not matched because its quality is below the gate
   * @param suppressed matches of disputed or quarantined entries, which do not count
   */
  public record Result(List<Match> matches, boolean pdqBelowQuality,
      List<Suppressed> suppressed) {
    /**
     * Copies the matches.
     *
     * @param matches the matches
     * @param pdqBelowQuality the quality flag
     * @param suppressed the matches left out of the decision
     */
    public Result {
      matches = List.copyOf(matches);
      suppressed = List.copyOf(suppressed);
    }

    /**
     * A result without suppressed matches.
     *
     * @param matches the matches
     * @param pdqBelowQuality the quality flag
     */
    public Result(List<Match> matches, boolean pdqBelowQuality) {
      this(matches, pdqBelowQuality, List.of());
    }

    /**
     * Whether anything matched.
     *
     * @return true if known
     */
    public boolean known() {
      return !matches.isEmpty();
    }
  }

  /** Configures a {@link Matcher}. */
  public static final class Builder {
    private final List<IndexedList> lists = new ArrayList<>();
    private int maxDistance = PdqHash.RECOMMENDED_MATCH_DISTANCE;
    private int minQuality = PdqHashWithQuality.RECOMMENDED_MIN_QUALITY;
    private VpdqMatcher videoRules = VpdqMatcher.create();
    private boolean allowEmptyLists;
    private Disputes disputes = Disputes.none();
    private FloodGuard guard;

    private Builder() {}

    /**
     * This team's disputed entries: their matches never make a file known and are reported as
     * suppressed, with the reason ({@link Result#suppressed()}).
     *
     * @param verdicts the disputed entries
     * @return this builder
     */
    public Builder disputes(Disputes verdicts) {
      this.disputes = Objects.requireNonNull(verdicts, "verdicts");
      return this;
    }

    /**
     * Counts every query's matches in this guard and leaves the matches of the entries it
     * quarantines out of the decision (reported as suppressed). The guard is shared by the
     * matchers made from this one ({@link #withList}).
     *
     * @param floodGuard the guard
     * @return this builder
     */
    public Builder floodGuard(FloodGuard floodGuard) {
      this.guard = Objects.requireNonNull(floodGuard, "floodGuard");
      return this;
    }

    /**
     * The rules that decide whether two videos' vPDQ hashes match (default {@link
     * VpdqMatcher#create()}: python-threatexchange's, frames within distance 31 of quality 50 or
     * more, de-duplicated, 80 % of the query's frames matched).
     *
     * @param rules the rules; at least one of their thresholds above 0
     * @return this builder
     * @throws IllegalArgumentException if both thresholds are 0 (every video would match)
     */
    public Builder videoRules(VpdqMatcher rules) {
      Objects.requireNonNull(rules, "rules");
      if (rules.matchesWithoutSharedFrames()) {
        throw new IllegalArgumentException("video rules with both match thresholds at 0 match"
            + " every video");
      }
      this.videoRules = rules;
      return this;
    }

    /**
     * Adds a list, indexing it now.
     *
     * @param list the list
     * @return this builder
     * @throws IllegalArgumentException if a list of that name was added already
     */
    public Builder list(HashList list) {
      Objects.requireNonNull(list, "list");
      checkName(list.name());
      return list(IndexedList.of(list));
    }

    /**
     * Adds a list indexed already (e.g. opened with {@link IndexedList#read}).
     *
     * @param list the list with its indexes
     * @return this builder
     * @throws IllegalArgumentException if a list of that name was added already
     */
    public Builder list(IndexedList list) {
      Objects.requireNonNull(list, "list");
      checkName(list.name());
      lists.add(list);
      return this;
    }

    private void checkName(String name) {
      for (IndexedList l : lists) {
        if (l.name().equals(name)) {
          throw new IllegalArgumentException("two lists named '" + name + "'");
        }
      }
    }

    /**
     * The largest PDQ distance that matches.
     *
     * @param distance 0..63 (default 31)
     * @return this builder
     */
    public Builder maxDistance(int distance) {
      if (distance < 0 || distance > 63) {
        throw new IllegalArgumentException("maxDistance must be 0..63, got " + distance);
      }
      this.maxDistance = distance;
      return this;
    }

    /**
     * The lowest PDQ quality that is matched.
     *
     * @param quality 0..100 (default 50; 0 matches every hash)
     * @return this builder
     */
    public Builder minQuality(int quality) {
      if (quality < 0 || quality > 100) {
        throw new IllegalArgumentException("minQuality must be 0..100, got " + quality);
      }
      this.minQuality = quality;
      return this;
    }

    /**
     * Builds the indexes.
     *
     * @return the matcher
     * @throws MalformedInputException if a list has no entries (unless {@link #allowEmptyLists()})
     * @throws IllegalStateException if no list was added (unless {@link #allowEmptyLists()})
     */
    public Matcher build() {
      if (!allowEmptyLists) {
        if (lists.isEmpty()) {
          throw new IllegalStateException("add at least one list (or allow empty lists)");
        }
        for (IndexedList l : lists) {
          if (l.knownEmpty()) {
            // Matching against nothing calls everything new: never by accident.
            throw new MalformedInputException("the list '" + l.name() + "' ("
                + l.source() + ") has no entries, so nothing could match it; check its"
                + " format, or allow empty lists explicitly");
          }
          if (l.types().stream().noneMatch(Builder::matchable)) {
            throw new MalformedInputException("the list '" + l.name() + "' ("
                + l.source() + ") has " + l.size() + " entries but"
                + " none of a kind hotlinekit matches (MD5, SHA-1, SHA-256, PDQ, vPDQ), so"
                + " nothing"
                + " could match it; allow empty lists explicitly to use it anyway");
          }
        }
      }
      return new Matcher(this);
    }

    /** Whether entries of a type are indexed and matched. */
    private static boolean matchable(HashType t) {
      return t.digestAlgorithm().isPresent() || t == HashType.PDQ || t == HashType.VPDQ
          || t.isPlugin();
    }

    /**
     * Accepts lists without entries ({@link #build()} refuses them by default: a matcher with an
     * empty list finds every file new, which is right only when the list is known to be empty).
     *
     * @return this builder
     */
    public Builder allowEmptyLists() {
      this.allowEmptyLists = true;
      return this;
    }
  }
}
