package org.hotlinekit.hashing.match;

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
 * @param distance 0 for exact matches, the Hamming distance for PDQ
 * @param variant for PDQ, which variant of the query matched ({@link Dihedral#ORIG} unless
 *     dihedral matching is on)
 */
public record Match(String list, HashListEntry entry, HashType type, int distance,
    Dihedral variant) {
  /**
   * Checks the components.
   *
   * @param list the list's name
   * @param entry the entry
   * @param type the kind of hash
   * @param distance the distance
   * @param variant the variant
   */
  public Match {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(variant, "variant");
  }
}
