package org.hotlinekit.hashing.match;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;

/**
 * Sorts files into known (matching a loaded list) and new material, so that analysts see only
 * what is new. Thread-safe; call {@link #triage(Path)} from as many threads as wanted.
 *
 * <pre>{@code
 * Triage triage = new Triage(MediaHasher.builder().digests(MD5).dihedral(true).build(), matcher);
 * Triage.Outcome o = triage.triage(file);   // KNOWN with matches, NEW, or FAILED with a reason
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

  /** What became of one file. */
  public enum Status {
    /** At least one list entry matched. */
    KNOWN,
    /** Nothing matched: possibly new material. */
    NEW,
    /** The file could not be hashed; see {@link Outcome#error()}. */
    FAILED
  }

  /**
   * The outcome for one file.
   *
   * @param file the file
   * @param status known, new or failed
   * @param matches the matches (empty unless known)
   * @param pdqBelowQuality whether the PDQ hash was too weak to match, so "new" rests on the
   *     digests alone
   * @param error why the file failed, if it did
   */
  public record Outcome(Path file, Status status, List<Match> matches, boolean pdqBelowQuality,
      Optional<String> error) {
    /**
     * Copies the matches.
     *
     * @param file the file
     * @param status the status
     * @param matches the matches
     * @param pdqBelowQuality the quality flag
     * @param error the error
     */
    public Outcome {
      matches = List.copyOf(matches);
    }
  }

  /**
   * Hashes one file and matches it. A file that is not an image (a video, a document) is matched
   * on its digests alone, if the hasher computes any. Failures to read or decode it are part of
   * the outcome.
   *
   * @param file the file
   * @return the outcome
   */
  public Outcome triage(Path file) {
    try {
      MediaHashes hashes;
      try {
        hashes = hasher.hash(file);
      } catch (UnsupportedInputException notAnImage) {
        Optional<MediaHasher> digests = hasher.digestsOnly();
        if (digests.isEmpty()) {
          throw notAnImage;
        }
        hashes = digests.get().hash(file);
      }
      Matcher.Result r = matcher.match(hashes);
      return new Outcome(file, r.known() ? Status.KNOWN : Status.NEW, r.matches(),
          r.pdqBelowQuality(), Optional.empty());
    } catch (HotlinekitException e) {
      return new Outcome(file, Status.FAILED, List.of(), false, Optional.of(e.getMessage()));
    }
  }
}
