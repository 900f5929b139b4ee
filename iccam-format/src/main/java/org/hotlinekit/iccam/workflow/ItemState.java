package org.hotlinekit.iccam.workflow;

/** Where a content item stands. */
public enum ItemState {
  /** Received, not assessed. */
  RECEIVED,
  /** Assessed; no action yet. */
  ASSESSED,
  /** Reported to law enforcement; no notice to the host yet. */
  LEA_NOTIFIED,
  /** A notice was sent to the host (by the hotline or, in Belgium, by the police). */
  NOTICE_SENT,
  /** Forwarded to the hosting country's hotline. */
  FORWARDED,
  /** The content moved; it must be traced and actioned again. */
  MOVED,
  /** Removed (closed). */
  REMOVED,
  /** No longer available (closed). */
  UNAVAILABLE,
  /** Assessed not illegal and closed. */
  NOT_ILLEGAL;

  /**
   * Whether nothing more is expected.
   *
   * @return true for removed, unavailable and not illegal
   */
  public boolean closed() {
    return this == REMOVED || this == UNAVAILABLE || this == NOT_ILLEGAL;
  }
}
