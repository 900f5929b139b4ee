package org.hotlinekit.core.pdq;

import java.util.Objects;

/**
 * A PDQ hash with the quality score the hasher gave it.
 *
 * <p>Quality (0..100) measures how much gradient structure the image has; the bits of a
 * low-quality hash are unstable. Upstream recommends discarding hashes below {@value
 * #RECOMMENDED_MIN_QUALITY}: see {@link #isRecommendedForMatching()}.
 *
 * @param hash the hash
 * @param quality the quality score, 0..100
 */
public record PdqHashWithQuality(PdqHash hash, int quality) {
  /** The upstream-recommended minimum quality for matching. */
  public static final int RECOMMENDED_MIN_QUALITY = 50;

  /**
   * Validates the components.
   *
   * @param hash the hash
   * @param quality the quality score, 0..100
   * @throws IllegalArgumentException if the quality is outside 0..100
   */
  public PdqHashWithQuality {
    Objects.requireNonNull(hash, "hash");
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("PDQ quality must be 0..100, got " + quality);
    }
  }

  /**
   * Whether the quality reaches the upstream recommendation.
   *
   * @return {@code quality() >= 50}
   */
  public boolean isRecommendedForMatching() {
    return quality >= RECOMMENDED_MIN_QUALITY;
  }

  /**
   * The reference tool's form.
   *
   * @return {@code "<64 hex digits>,<quality>"}
   */
  @Override
  public String toString() {
    return hash + "," + quality;
  }
}
