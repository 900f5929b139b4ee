package org.hotlinekit.categorisation.scheme;

/** Why a scheme's label cannot be derived. */
public enum Reason {
  /** A fact the rule needs is unknown. */
  MISSING_FACT,
  /** The facts fit more than one label (the scheme's criteria leave it open). */
  AMBIGUOUS,
  /** The scheme does not cover this kind of item. */
  OUT_OF_SCOPE,
  /** The jurisdiction's profile marks the relevant law unclear. */
  UNCLEAR_LAW,
  /** The scheme needs a jurisdiction and none, or none known, was given. */
  UNKNOWN_JURISDICTION,
  /**
   * The facts disagree on what the rule needs (e.g. an adult appearance with an apparent age of
   * 9 to 11): neither reading is taken, least of all the less protective one.
   */
  CONTRADICTORY_FACTS
}
