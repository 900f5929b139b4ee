package org.hotlinekit.hashing.match;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;

/**
 * Sorts files into known material (matching a loaded list) and new material, so that analysts see
 * only what is new, and never calls "new" what it could not fully check. Thread-safe; call {@link
 * #triage(Path)} from as many threads as wanted.
 *
 * <p>The statuses, and what they mean to a hotline and to an industry partner:
 *
 * <ul>
 *   <li>{@link Status#KNOWN}: some hash of the file matched a list entry (digests exactly, PDQ
 *       within the distance, rotated and mirrored copies when the hasher computes the dihedral
 *       hashes). A hotline takes the entry's labels; a platform blocks it.
 *   <li>{@link Status#NEW}: every hash the hasher was asked for was computed and none matched.
 *       Possibly new material: a hotline's analyst looks at it; for a platform, "not on these
 *       lists".
 *   <li>{@link Status#UNVERIFIED}: nothing matched, but a hash that the answer "new" depends on
 *       could not be computed or matched (PDQ of an unsupported, corrupt, truncated or oversized
 *       image, of a file that is no image, or a PDQ hash too weak to match; vPDQ of a video when
 *       video hashing is off ({@link Builder#video}), or of a damaged one). {@link
 *       Outcome#reason()} says which. It needs a person, like "new", but it must never be let
 *       through as "not known".
 *   <li>{@link Status#FAILED}: the file could not be read at all; {@link Outcome#reason()} says
 *       why.
 * </ul>
 *
 * <p>The digests are always computed in the same read and always matched: a file whose image
 * cannot be decoded is still known by its MD5.
 *
 * <pre>{@code
 * Triage triage = new Triage(MediaHasher.builder().digests(MD5).dihedral(true).build(), matcher);
 * Triage.Outcome o = triage.triage(file);   // KNOWN with matches, NEW, UNVERIFIED or FAILED
 * }</pre>
 */
public final class Triage {
  private final MediaHasher hasher;
  private final Matcher matcher;

  /**
   * Creates a triage.
   *
   * @param hasher computes what the lists hold (digests and/or PDQ; dihedral for mirrored copies)
   * @param matcher the loaded lists
   */
  public Triage(MediaHasher hasher, Matcher matcher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.matcher = Objects.requireNonNull(matcher, "matcher");
  }

  /**
   * The lists this triage matches against, for matching hashes given as such.
   *
   * @return the matcher
   */
  public Matcher matcher() {
    return matcher;
  }

  /**
   * Starts configuring a triage: the lists, how near a PDQ match may be, and what is hashed.
   *
   * <pre>{@code
   * Triage triage = Triage.builder()
   *     .list(Path.of("ncmec.xml"))            // format told from the content
   *     .index(Path.of("own.hlx"))             // an index file made by IndexedList.writeTo
   *     .maxDistance(31)
   *     .build();
   * }</pre>
   *
   * @return a builder: MD5, SHA-1 and SHA-256, PDQ with its rotations and mirror images, the
   *     installed plug-in signals, the recommended distance and quality gate
   */
  public static Builder builder() {
    return new Builder();
  }

  /** What became of one file (see the class description for what each means to whom). */
  public enum Status {
    /** At least one list entry matched. */
    KNOWN,
    /** Every requested hash was computed and nothing matched: possibly new material. */
    NEW,
    /** Nothing matched, but a hash the answer depends on is missing; see the reason. */
    UNVERIFIED,
    /** The file could not be read; see the reason. */
    FAILED
  }

  /**
   * The outcome for one file.
   *
   * @param file the file
   * @param status known, new, unverified or failed
   * @param matches the matches (empty unless known)
   * @param pdqBelowQuality whether the PDQ hash was computed but too weak to match
   * @param reason why the file is unverified or failed; empty when known or new
   * @param hashes what was computed for the file (for its report item's fingerprints); empty
   *     when it failed
   * @param suppressed matches of entries this team disputes or that a flood guard quarantined:
   *     reported, never deciding the status
   */
  public record Outcome(Path file, Status status, List<Match> matches, boolean pdqBelowQuality,
      Optional<String> reason, Optional<MediaHashes> hashes, List<Matcher.Suppressed> suppressed) {
    /**
     * Checks and copies.
     *
     * @param file the file
     * @param status the status
     * @param matches the matches
     * @param pdqBelowQuality the quality flag
     * @param reason the reason
     * @param hashes the hashes
     * @param suppressed matches of disputed or quarantined entries, which did not count
     */
    public Outcome {
      suppressed = List.copyOf(suppressed);
      Objects.requireNonNull(hashes, "hashes");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(status, "status");
      matches = List.copyOf(matches);
      Objects.requireNonNull(reason, "reason");
      if ((status == Status.KNOWN) == matches.isEmpty()) {
        throw new IllegalArgumentException("a known outcome has matches, any other none");
      }
      boolean needsReason = status == Status.UNVERIFIED || status == Status.FAILED;
      if (needsReason != reason.isPresent()) {
        throw new IllegalArgumentException(status + " outcome " + (needsReason ? "needs"
            : "has no") + " reason");
      }
    }

    /**
     * An outcome without suppressed matches.
     *
     * @param file the file
     * @param status the status
     * @param matches the matches
     * @param pdqBelowQuality the quality flag
     * @param reason the reason
     * @param hashes the hashes
     */
    public Outcome(Path file, Status status, List<Match> matches, boolean pdqBelowQuality,
        Optional<String> reason, Optional<MediaHashes> hashes) {
      this(file, status, matches, pdqBelowQuality, reason, hashes, List.of());
    }

    /**
     * A file that could not be read or hashed at all.
     *
     * @param file the file
     * @param reason why
     * @return the failed outcome
     */
    public static Outcome failed(Path file, String reason) {
      return new Outcome(file, Status.FAILED, List.of(), false, Optional.of(reason),
          Optional.empty());
    }

    /**
     * An outcome without the file's hashes (e.g. for a hash given as such).
     *
     * @param file the file
     * @param status the status
     * @param matches the matches
     * @param pdqBelowQuality the quality flag
     * @param reason the reason
     */
    public Outcome(Path file, Status status, List<Match> matches, boolean pdqBelowQuality,
        Optional<String> reason) {
      this(file, status, matches, pdqBelowQuality, reason, Optional.empty());
    }
  }

  /**
   * Hashes one file and matches it: the digests always, PDQ where it can be computed (see the
   * class description). Failures to read the file are part of the outcome, never thrown.
   *
   * @param file the file
   * @return the outcome
   */
  public Outcome triage(Path file) {
    MediaHashes hashes;
    try {
      hashes = hasher.hashBestEffort(file);
    } catch (HotlinekitException e) {
      return Outcome.failed(file, e.getMessage());
    }
    return decide(file, hashes, matcher.match(hashes));
  }

  /**
   * Hashes a stream (an archive entry, an upload) and matches it, as {@link #triage(Path)} does a
   * file. Failures to read it are part of the outcome, never thrown.
   *
   * @param name what the outcome names it by, e.g. {@code case.zip!/dir/a.jpg}
   * @param in the content, read to its end (not closed)
   * @return the outcome
   */
  public Outcome triage(Path name, java.io.InputStream in) {
    MediaHashes hashes;
    try {
      hashes = hasher.hashBestEffort(in);
    } catch (HotlinekitException e) {
      return Outcome.failed(name, e.getMessage());
    }
    return decide(name, hashes, matcher.match(hashes));
  }

  /**
   * Matches hashes computed elsewhere and decides as {@link #triage(Path)} does.
   *
   * @param file what the outcome names
   * @param hashes the hashes
   * @return the outcome
   */
  public Outcome decide(Path file, MediaHashes hashes) {
    return decide(file, hashes, matcher.match(hashes));
  }

  /**
   * Matches a hash computed elsewhere (an entry of a list of queries) and decides: known if it
   * matches; unverified if it is a video's vPDQ hash of which no frame reaches the quality
   * threshold (nothing of it could match); else new. A PDQ hash given this way has no quality to
   * gate on and is always matched.
   *
   * @param name what the outcome names, e.g. the query's id
   * @param hash the hash
   * @return the outcome (without hashes of a file)
   */
  public Outcome decide(Path name, org.hotlinekit.core.hash.HashValue hash) {
    return decided(name, matcher.match(hash));
  }

  /**
   * Matches many hashes computed elsewhere (a file of queries) and decides each as {@link
   * #decide(Path, org.hotlinekit.core.hash.HashValue)} does; their PDQ hashes are searched
   * together ({@link Matcher#matchAll}).
   *
   * @param names what each outcome names, e.g. the queries' ids
   * @param hashes the hashes, one per name
   * @return the outcomes, in order
   * @throws IllegalArgumentException if there are not as many names as hashes
   */
  public List<Outcome> decideAll(List<Path> names,
      List<org.hotlinekit.core.hash.HashValue> hashes) {
    if (names.size() != hashes.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + hashes.size()
          + " hashes");
    }
    List<Matcher.Result> results = matcher.matchAll(hashes);
    List<Outcome> out = new java.util.ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      out.add(decided(Objects.requireNonNull(names.get(i), "name"), results.get(i)));
    }
    return out;
  }

  private static Outcome decided(Path name, Matcher.Result r) {
    if (r.known()) {
      return new Outcome(name, Status.KNOWN, r.matches(), false, Optional.empty(),
          Optional.empty(), r.suppressed());
    }
    if (r.pdqBelowQuality()) {
      return new Outcome(name, Status.UNVERIFIED, List.of(), true, Optional.of(VIDEO_TOO_WEAK),
          Optional.empty(), r.suppressed());
    }
    return new Outcome(name, Status.NEW, List.of(), false, Optional.empty(), Optional.empty(),
        r.suppressed());
  }

  private static final String VIDEO_TOO_WEAK =
      "vPDQ: no frame of the video reaches the quality threshold: too weak to match";

  /**
   * Triages an entry of {@link org.hotlinekit.hashing.media.MediaFiles#walk(List)}: a path the
   * walk could not use (unreadable folder, FIFO, ...) is a failed outcome with its problem.
   *
   * @param entry the entry
   * @return the outcome
   */
  public Outcome triage(org.hotlinekit.hashing.media.MediaFiles.Entry entry) {
    return entry.problem().isPresent() ? Outcome.failed(entry.path(), entry.problem().get())
        : triage(entry.path());
  }

  /**
   * The status a file's hashes and their matches give: known if anything matched; else
   * unverified if PDQ was requested but not computed or too weak to match; else new.
   *
   * @param file the file
   * @param hashes what was computed
   * @param r what matched
   * @return the outcome
   */
  static Outcome decide(Path file, MediaHashes hashes, Matcher.Result r) {
    if (r.known()) {
      return new Outcome(file, Status.KNOWN, r.matches(), r.pdqBelowQuality(), Optional.empty(),
          Optional.of(hashes), r.suppressed());
    }
    Optional<String> missing = hashes.pdqNotComputed()
        .map(why -> "PDQ not computed: " + why.message());
    if (missing.isEmpty() && r.pdqBelowQuality()) {
      missing = Optional.of(hashes.pdq().isPresent()
          ? "PDQ quality " + hashes.pdq().get().quality()
              + " is below the matching threshold: too weak to match"
          : VIDEO_TOO_WEAK);
    }
    if (missing.isPresent()) {
      return new Outcome(file, Status.UNVERIFIED, List.of(), r.pdqBelowQuality(), missing,
          Optional.of(hashes), r.suppressed());
    }
    return new Outcome(file, Status.NEW, List.of(), false, Optional.empty(),
        Optional.of(hashes), r.suppressed());
  }

  /** Configures a {@link Triage}. */
  public static final class Builder {
    private final Matcher.Builder matcher = Matcher.builder();
    private final MediaHasher.Builder hasher = MediaHasher.builder()
        .digests(java.util.EnumSet.allOf(org.hotlinekit.core.digest.DigestAlgorithm.class))
        .pdq(true).dihedral(true)
        .signals(org.hotlinekit.hashing.spi.SignalHasher.installed());

    private Builder() {}

    /**
     * Adds a list.
     *
     * @param list the list
     * @return this builder
     * @throws IllegalArgumentException if a list of that name was added already
     */
    public Builder list(org.hotlinekit.hashing.list.HashList list) {
      matcher.list(list);
      return this;
    }

    /**
     * Adds a list file, its format told from its content ({@link
     * org.hotlinekit.hashing.list.HashListFormat#detect(Path)}), named after its file. Bad
     * records are skipped; use {@link #list(org.hotlinekit.hashing.list.HashList)} to see them.
     *
     * @param file the list
     * @return this builder
     * @throws org.hotlinekit.core.MalformedInputException if the format cannot be told
     * @throws org.hotlinekit.core.InputReadException if the file cannot be read
     */
    public Builder list(Path file) {
      return list(file, org.hotlinekit.hashing.list.HashListFormat.detect(file));
    }

    /**
     * Adds a list file of a known format, named after its file. Bad records are skipped.
     *
     * @param file the list
     * @param format its format
     * @return this builder
     * @throws org.hotlinekit.core.InputReadException if the file cannot be read
     */
    public Builder list(Path file, org.hotlinekit.hashing.list.HashListFormat format) {
      List<org.hotlinekit.hashing.list.HashListEntry> entries = new java.util.ArrayList<>();
      format.read(file, false, entries::add);
      return list(new org.hotlinekit.hashing.list.HashList(file.getFileName().toString(),
          file.toString(), entries));
    }

    /**
     * Adds an index file ({@link IndexedList#writeTo(Path)}), opened without re-indexing.
     *
     * @param file the index file
     * @return this builder
     */
    public Builder index(Path file) {
      return index(IndexedList.read(file));
    }

    /**
     * Adds a list indexed already (e.g. read once with {@link IndexedList#read(Path)}).
     *
     * @param indexed the indexed list
     * @return this builder
     * @throws IllegalArgumentException if a list of that name was added already
     */
    public Builder index(IndexedList indexed) {
      matcher.list(indexed);
      return this;
    }

    /**
     * The largest PDQ Hamming distance that matches.
     *
     * @param distance 0..63 (default 31)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxDistance(int distance) {
      matcher.maxDistance(distance);
      return this;
    }

    /**
     * The lowest PDQ quality that is matched; weaker hashes make a file unverified.
     *
     * @param quality 0..100 (default 50)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder minQuality(int quality) {
      matcher.minQuality(quality);
      return this;
    }

    /**
     * Accepts lists without entries (refused by default: every file would come out new).
     *
     * @return this builder
     */
    public Builder allowEmptyLists() {
      matcher.allowEmptyLists();
      return this;
    }

    /**
     * The digests computed and matched (default MD5, SHA-1 and SHA-256).
     *
     * @param algorithms the algorithms, possibly none
     * @return this builder
     */
    public Builder digests(Iterable<org.hotlinekit.core.digest.DigestAlgorithm> algorithms) {
      hasher.digests(algorithms);
      return this;
    }

    /**
     * Whether PDQ is computed and matched (default true). Without it, "new" rests on the digests
     * alone.
     *
     * @param enabled whether to use PDQ
     * @return this builder
     */
    public Builder pdq(boolean enabled) {
      hasher.pdq(enabled);
      if (!enabled) {
        hasher.dihedral(false);
      }
      return this;
    }

    /**
     * Whether rotated and mirrored copies match (default true; implies PDQ).
     *
     * @param enabled whether to match the eight dihedral variants
     * @return this builder
     */
    public Builder dihedral(boolean enabled) {
      hasher.dihedral(enabled);
      return this;
    }

    /**
     * The plug-in signals computed and matched (default: {@link
     * org.hotlinekit.hashing.spi.SignalHasher#installed()}, those on the class or module path).
     *
     * @param plugins the plug-ins
     * @return this builder
     */
    public Builder signals(List<org.hotlinekit.hashing.spi.SignalHasher> plugins) {
      hasher.signals(plugins);
      return this;
    }

    /**
     * The PDQ hasher (for its pixel cap).
     *
     * @param pdqHasher the hasher
     * @return this builder
     */
    public Builder pdqHasher(org.hotlinekit.hashing.pdq.PdqHasher pdqHasher) {
      hasher.pdqHasher(pdqHasher);
      return this;
    }

    /**
     * Hashes videos with vPDQ through this hasher and matches them against the lists' vPDQ
     * entries ({@link org.hotlinekit.hashing.media.MediaHasher.Builder#video}); without it a
     * video is checked by its digests only and comes out unverified, never new.
     *
     * @param videoHasher the video hasher
     * @return this builder
     */
    public Builder video(org.hotlinekit.hashing.video.VideoHasher videoHasher) {
      hasher.video(videoHasher);
      return this;
    }

    /**
     * Where to tell how far the hashing of each video has got.
     *
     * @param progress told after each hashed frame
     * @return this builder
     */
    public Builder videoProgress(org.hotlinekit.hashing.media.MediaHasher.VideoProgress progress) {
      hasher.videoProgress(progress);
      return this;
    }

    /**
     * This team's disputed entries ({@link Matcher.Builder#disputes}).
     *
     * @param verdicts the disputed entries
     * @return this builder
     */
    public Builder disputes(Disputes verdicts) {
      matcher.disputes(verdicts);
      return this;
    }

    /**
     * A flood guard that quarantines entries that match far too much ({@link
     * Matcher.Builder#floodGuard}).
     *
     * @param guard the guard
     * @return this builder
     */
    public Builder floodGuard(FloodGuard guard) {
      matcher.floodGuard(guard);
      return this;
    }

    /**
     * The rules that decide a video match ({@link Matcher.Builder#videoRules}).
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder videoRules(org.hotlinekit.hashing.video.VpdqMatcher rules) {
      matcher.videoRules(rules);
      return this;
    }

    /**
     * Builds the indexes.
     *
     * @return the triage
     * @throws org.hotlinekit.core.MalformedInputException if a list has no entries (unless
     *     {@link #allowEmptyLists()})
     * @throws IllegalStateException if no list was added, or nothing is to be hashed
     */
    public Triage build() {
      return new Triage(hasher.build(), matcher.build());
    }
  }
}
