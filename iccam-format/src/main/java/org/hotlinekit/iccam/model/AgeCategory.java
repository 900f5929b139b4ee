package org.hotlinekit.iccam.model;

/** ICCAM's age categorisation. */
public enum AgeCategory {
  /** Not categorised. */
  NOT_CATEGORISED,
  /** Infant. */
  INFANT,
  /** Pre-pubescent. */
  PRE_PUBESCENT,
  /** Pubescent. */
  PUBESCENT
}
