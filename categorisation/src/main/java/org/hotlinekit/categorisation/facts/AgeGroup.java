package org.hotlinekit.categorisation.facts;

/**
 * A person's apparent developmental stage, as an assessor judges it from the image (not an age in
 * years). Ordered from youngest; {@link #MINOR_STAGE_UNKNOWN} and {@link #NOT_DETERMINED} carry
 * less information.
 */
public enum AgeGroup {
  /** A baby or toddler. */
  INFANT,
  /** A child before puberty. */
  PRE_PUBESCENT,
  /** A child in or after puberty, still a minor. */
  PUBESCENT,
  /** Clearly a minor, stage not determined. */
  MINOR_STAGE_UNKNOWN,
  /** Appears to be an adult. */
  ADULT_APPEARING,
  /** Not determined. */
  NOT_DETERMINED
}
