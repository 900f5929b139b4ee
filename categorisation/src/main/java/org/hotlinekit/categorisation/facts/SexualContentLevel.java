package org.hotlinekit.categorisation.facts;

/**
 * The most severe sexual content in the item, ordered as the COPINE scale (level {@link #copine()}
 * 1 to 10); {@link #UNKNOWN} is outside the order.
 */
public enum SexualContentLevel {
  /** Non-sexual; only the context suggests sexual interest (COPINE 1). */
  NONE_INDICATIVE(1),
  /** Nudity in a non-sexual, legitimate setting (COPINE 2). */
  NUDITY_NON_SEXUAL(2),
  /** Surreptitious images, underwear or nakedness without posing (COPINE 3). */
  EROTICA_SURREPTITIOUS(3),
  /** Deliberate posing suggesting sexual interest (COPINE 4). */
  POSING(4),
  /** Sexualised or provocative posing (COPINE 5). */
  EROTIC_POSING(5),
  /** Emphasis on, or focus on, the genital or anal region (COPINE 6). */
  GENITAL_ANAL_FOCUS(6),
  /** Sexual activity between children or solo masturbation, no adult (COPINE 7). */
  SEXUAL_ACTIVITY_CHILD_ONLY(7),
  /** Non-penetrative sexual activity involving an adult (COPINE 8). */
  NON_PENETRATIVE_WITH_ADULT(8),
  /** Penetrative sexual activity, with or without an adult (COPINE 9; 7 without an adult). */
  PENETRATIVE(9),
  /** Sadism, or penetration of or by an animal (COPINE 10). */
  SADISM_OR_BESTIALITY(10),
  /** Not determined. */
  UNKNOWN(0);

  private final int copine;

  SexualContentLevel(int copine) {
    this.copine = copine;
  }

  /**
   * The COPINE level this value is modelled on.
   *
   * @return 1..10, or 0 for {@link #UNKNOWN}
   */
  public int copine() {
    return copine;
  }

  /**
   * Whether this level is known and at least {@code other}.
   *
   * @param other a known level
   * @return false for {@link #UNKNOWN}
   */
  public boolean atLeast(SexualContentLevel other) {
    return this != UNKNOWN && copine >= other.copine;
  }
}
