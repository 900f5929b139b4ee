package org.hotlinekit.categorisation.jurisdiction;

/** The questions on which the laws of different jurisdictions differ. */
public enum Topic {
  /** Photorealistic computer-generated or AI-generated material. */
  REALISTIC_VIRTUAL,
  /** Real images altered or combined (morphed). */
  MORPHED,
  /** Drawings, animation, anything clearly not a photograph. */
  NON_REALISTIC_DRAWN,
  /** Posing and erotic posing without genital focus. */
  POSING,
  /** A focus on the genital or anal region without sexual activity. */
  GENITAL_FOCUS,
  /** Adults who look like minors (and are known to be adults). */
  LOOK_ALIKE_ADULTS,
  /**
   * Persons who appear to be minors while their real age is not established (an apparent age
   * range reaching 18, adulthood not known): whether the law covers them by appearance. Optional
   * in profile files; a profile without it is {@link Coverage#UNCLEAR} there.
   */
  APPARENT_MINORS
}
