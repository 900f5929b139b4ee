package org.hotlinekit.iccam.model;

/** What a content item's URL points to. */
public enum MediaType {
  /** An image. */
  IMAGE,
  /** A video. */
  VIDEO,
  /** A web page. */
  WEBSITE,
  /** Anything else (archive, text, ...). */
  OTHER
}
