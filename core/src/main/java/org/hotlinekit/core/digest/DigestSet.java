package org.hotlinekit.core.digest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The digests of one input, at most one per algorithm. Immutable.
 */
public final class DigestSet {
  private static final DigestSet EMPTY = new DigestSet(new EnumMap<>(DigestAlgorithm.class));

  private final Map<DigestAlgorithm, Digest> digests;

  private DigestSet(EnumMap<DigestAlgorithm, Digest> digests) {
    this.digests = Collections.unmodifiableMap(digests);
  }

  /**
   * A set with no digests.
   *
   * @return the empty set
   */
  public static DigestSet empty() {
    return EMPTY;
  }

  /**
   * Builds a set from digests of distinct algorithms.
   *
   * @param digests the digests
   * @return the set
   * @throws IllegalArgumentException if two digests have the same algorithm
   */
  public static DigestSet of(Iterable<Digest> digests) {
    EnumMap<DigestAlgorithm, Digest> map = new EnumMap<>(DigestAlgorithm.class);
    for (Digest d : digests) {
      Objects.requireNonNull(d, "digest");
      if (map.put(d.algorithm(), d) != null) {
        throw new IllegalArgumentException("two digests for " + d.algorithm().jcaName());
      }
    }
    return map.isEmpty() ? EMPTY : new DigestSet(map);
  }

  /**
   * The digest of one algorithm.
   *
   * @param algorithm the algorithm
   * @return its digest, or empty if it was not computed
   */
  public Optional<Digest> get(DigestAlgorithm algorithm) {
    return Optional.ofNullable(digests.get(algorithm));
  }

  /**
   * The algorithms present.
   *
   * @return an unmodifiable set, in the enum's order
   */
  public Set<DigestAlgorithm> algorithms() {
    return digests.keySet();
  }

  /**
   * All digests by algorithm.
   *
   * @return an unmodifiable map in the enum's order
   */
  public Map<DigestAlgorithm, Digest> asMap() {
    return digests;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigestSet && digests.equals(((DigestSet) o).digests);
  }

  @Override
  public int hashCode() {
    return digests.hashCode();
  }

  @Override
  public String toString() {
    return digests.toString();
  }
}
