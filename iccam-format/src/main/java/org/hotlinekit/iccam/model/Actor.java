package org.hotlinekit.iccam.model;

/** Who performed an action. */
public enum Actor {
  /** The hotline. */
  HOTLINE,
  /** Law enforcement (Belgium: the police send the notice to the host). */
  LEA,
  /** Another hotline. */
  PARTNER_HOTLINE
}
