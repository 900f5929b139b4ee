package org.hotlinekit.iccam.model;

/** ICCAM's gender categorisation. */
public enum Gender {
  /** Not determined. */
  NOT_DETERMINED,
  /** Female. */
  FEMALE,
  /** Male. */
  MALE,
  /** Both. */
  BOTH
}
