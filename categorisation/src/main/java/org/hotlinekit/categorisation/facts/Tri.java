package org.hotlinekit.categorisation.facts;

/** A yes/no fact that may not be known. */
public enum Tri {
  /** Observed to be so. */
  YES,
  /** Observed not to be so. */
  NO,
  /** Not known. */
  UNKNOWN
}
