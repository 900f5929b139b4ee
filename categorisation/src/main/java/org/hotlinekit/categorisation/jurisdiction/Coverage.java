package org.hotlinekit.categorisation.jurisdiction;

/** How a law treats one kind of material. */
public enum Coverage {
  /** Illegal. */
  ILLEGAL,
  /** Illegal to distribute, but possession is exempt; a hotline, dealing with material online,
   *  treats it as illegal. */
  POSSESSION_EXEMPT,
  /** Not covered by the law. */
  NOT_COVERED,
  /** Sources conflict or the law is unsettled: a derivation that depends on it is indeterminate. */
  UNCLEAR
}
