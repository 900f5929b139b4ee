package org.hotlinekit.hashing.index;

import java.util.Objects;
import org.hotlinekit.core.pdq.Dihedral;

/**
 * One entry of a {@link PdqIndex} within the searched distance of a query.
 *
 * @param entry the entry's position in the index (the order in which it was added)
 * @param distance the Hamming distance, 0..256
 * @param variant which variant of the query matched: {@link Dihedral#ORIG} for a plain query,
 *     the closest variant for a dihedral query
 */
public record PdqMatch(int entry, int distance, Dihedral variant) {
  /**
   * Validates the components.
   *
   * @param entry the entry's position, at least 0
   * @param distance 0..256
   * @param variant the matching variant
   */
  public PdqMatch {
    Objects.requireNonNull(variant, "variant");
    if (entry < 0 || distance < 0 || distance > 256) {
      throw new IllegalArgumentException("bad match: entry " + entry + ", distance " + distance);
    }
  }
}
