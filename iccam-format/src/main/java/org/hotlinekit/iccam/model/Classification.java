package org.hotlinekit.iccam.model;

/** ICCAM's classification of an item. */
public enum Classification {
  /** Illegal everywhere by INTERPOL's criteria. */
  BASELINE,
  /** Illegal under the assessing hotline's law. */
  NATIONAL,
  /** Not illegal. */
  NOT_ILLEGAL,
  /** Doubtful (ICCAM API v2 only). */
  DOUBTFUL;

  /**
   * Whether the item is illegal.
   *
   * @return true for baseline and national
   */
  public boolean illegal() {
    return this == BASELINE || this == NATIONAL;
  }
}
