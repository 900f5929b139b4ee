package org.hotlinekit.hashing.match;

import java.util.Optional;
import org.hotlinekit.hashing.video.VpdqMatcher;

import java.util.Objects;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.core.hash.HashType;

/**
 * One list entry that matched.
 *
 * @param list the list's name
 * @param entry the entry (its id, hash, label, ...)
 * @param type the kind of hash that matched
 * @param distance 0 for exact matches, the Hamming distance for PDQ; for vPDQ, the percentage
 *     points of the query video's frames without a close frame in the listed video, rounded up
 *     (0: every frame has one; the shares themselves are in {@code video})
 * @param variant for PDQ, which variant of the query matched ({@link Dihedral#ORIG} unless
 *     dihedral matching is on)
 * @param video for vPDQ, the shares of frames matched on either side; empty for other types
 */
public record Match(String list, HashListEntry entry, HashType type, int distance,
    Dihedral variant, Optional<VpdqMatcher.Result> video) {
  /**
   * Checks the components.
   *
   * @param list the list's name
   * @param entry the entry
   * @param type the kind of hash
   * @param distance the distance
   * @param variant the variant
   * @param video the frame shares, for vPDQ only
   */
  public Match {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(video, "video");
    if (video.isPresent() != (type == HashType.VPDQ)) {
      throw new IllegalArgumentException("frame shares come with vPDQ matches, and only there");
    }
  }

  /**
   * A match of a hash that is not vPDQ.
   *
   * @param list the list's name
   * @param entry the entry
   * @param type the kind of hash
   * @param distance the distance
   * @param variant the variant
   */
  public Match(String list, HashListEntry entry, HashType type, int distance, Dihedral variant) {
    this(list, entry, type, distance, variant, Optional.empty());
  }

  /**
   * A vPDQ match.
   *
   * @param list the list's name
   * @param entry the listed video's entry
   * @param shares the matcher's outcome for the query and the listed video
   * @return the match, its distance the percentage points of the query's frames not matched
   */
  public static Match ofVideo(String list, HashListEntry entry, VpdqMatcher.Result shares) {
    int distance = (int) Math.ceil(100 - shares.queryMatchPercent() - 1e-9);
    return new Match(list, entry, HashType.VPDQ, Math.max(0, distance), Dihedral.ORIG,
        Optional.of(shares));
  }
}
