package org.hotlinekit.categorisation.routing;

/** Where content goes. */
public enum Route {
  /** Hosted in the assessing hotline's own country: national LEA and notice-and-takedown. */
  OWN_COUNTRY,
  /** Hosted in another country with an INHOPE member: forwarded to that hotline via ICCAM. */
  FORWARD_TO_MEMBER,
  /** Hosted in a country without an INHOPE member: assigned to the assessing hotline, to LEA. */
  ORPHANED,
  /** The hosting country is not traced yet: trace first. */
  NOT_TRACED,
  /** The directory is incomplete and does not list the hosting country: check membership. */
  MEMBERSHIP_UNKNOWN
}
