package org.hotlinekit.categorisation.facts;

/** The genders of the minors depicted (ICCAM's gender attribute). */
public enum GenderPresence {
  /** Female only. */
  FEMALE,
  /** Male only. */
  MALE,
  /** Female and male. */
  BOTH,
  /** Not determined. */
  NOT_DETERMINED
}
