package org.hotlinekit.core.pdq;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The PDQ hashes of all eight {@link Dihedral} variants of one image, with its quality (the same
 * for every variant). Immutable.
 */
public final class DihedralPdqHashes {
  private final Map<Dihedral, PdqHash> hashes;
  private final int quality;

  private DihedralPdqHashes(EnumMap<Dihedral, PdqHash> hashes, int quality) {
    this.hashes = Collections.unmodifiableMap(hashes);
    this.quality = quality;
  }

  /**
   * Creates the set.
   *
   * @param hashes a hash for every one of the eight variants
   * @param quality the quality, 0..100
   * @return the set
   * @throws IllegalArgumentException if a variant is missing or the quality is out of range
   */
  public static DihedralPdqHashes of(Map<Dihedral, PdqHash> hashes, int quality) {
    Objects.requireNonNull(hashes, "hashes");
    EnumMap<Dihedral, PdqHash> copy = new EnumMap<>(Dihedral.class);
    for (Dihedral d : Dihedral.values()) {
      PdqHash h = hashes.get(d);
      if (h == null) {
        throw new IllegalArgumentException("no hash for " + d.referenceName());
      }
      copy.put(d, h);
    }
    // Reuse the record's range check.
    new PdqHashWithQuality(copy.get(Dihedral.ORIG), quality);
    return new DihedralPdqHashes(copy, quality);
  }

  /**
   * One variant's hash.
   *
   * @param variant the variant
   * @return its hash
   */
  public PdqHash get(Dihedral variant) {
    return hashes.get(Objects.requireNonNull(variant, "variant"));
  }

  /**
   * The hash of the image as it is, with the quality.
   *
   * @return the {@link Dihedral#ORIG} hash and quality
   */
  public PdqHashWithQuality original() {
    return new PdqHashWithQuality(hashes.get(Dihedral.ORIG), quality);
  }

  /**
   * The quality score, the same for every variant.
   *
   * @return 0..100
   */
  public int quality() {
    return quality;
  }

  /**
   * All eight hashes.
   *
   * @return an unmodifiable map in {@link Dihedral} order
   */
  public Map<Dihedral, PdqHash> asMap() {
    return hashes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DihedralPdqHashes
        && quality == ((DihedralPdqHashes) o).quality
        && hashes.equals(((DihedralPdqHashes) o).hashes);
  }

  @Override
  public int hashCode() {
    return hashes.hashCode() * 31 + quality;
  }

  @Override
  public String toString() {
    return hashes + ",quality=" + quality;
  }
}
