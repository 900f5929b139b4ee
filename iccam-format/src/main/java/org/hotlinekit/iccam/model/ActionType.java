package org.hotlinekit.iccam.model;

/** What was done about a content item (ICCAM's action types, plus forwarding). */
public enum ActionType {
  /** Reported to law enforcement (ICCAM ReportedToLEA). */
  REPORTED_TO_LEA,
  /** Notice-and-takedown sent to the host (ICCAM ReportedToISP); may repeat. */
  REPORTED_TO_ISP,
  /** Forwarded to the hotline of the hosting country. */
  FORWARDED,
  /** The content was removed (ICCAM Removed). */
  REMOVED,
  /** The content could not be found (ICCAM Unavailable). */
  UNAVAILABLE,
  /** The content moved to another host (ICCAM Moved); it is traced again. */
  MOVED,
  /** Assessed not illegal (ICCAM NotIllegal); closes the item. */
  NOT_ILLEGAL
}
