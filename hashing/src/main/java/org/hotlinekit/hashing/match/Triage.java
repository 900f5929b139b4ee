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
 *       image, of a file that is no image, or a PDQ hash too weak to match). {@link
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
   */
  public record Outcome(Path file, Status status, List<Match> matches, boolean pdqBelowQuality,
      Optional<String> reason) {
    /**
     * Checks and copies.
     *
     * @param file the file
     * @param status the status
     * @param matches the matches
     * @param pdqBelowQuality the quality flag
     * @param reason the reason
     */
    public Outcome {
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
     * A file that could not be read or hashed at all.
     *
     * @param file the file
     * @param reason why
     * @return the failed outcome
     */
    public static Outcome failed(Path file, String reason) {
      return new Outcome(file, Status.FAILED, List.of(), false, Optional.of(reason));
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
      return new Outcome(file, Status.KNOWN, r.matches(), r.pdqBelowQuality(), Optional.empty());
    }
    Optional<String> missing = hashes.pdqNotComputed().map(why -> "PDQ not computed: " + why);
    if (missing.isEmpty() && r.pdqBelowQuality()) {
      missing = Optional.of("PDQ quality " + hashes.pdq().orElseThrow().quality()
          + " is below the matching threshold: too weak to match");
    }
    if (missing.isPresent()) {
      return new Outcome(file, Status.UNVERIFIED, List.of(), r.pdqBelowQuality(), missing);
    }
    return new Outcome(file, Status.NEW, List.of(), false, Optional.empty());
  }
}
