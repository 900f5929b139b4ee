package org.hotlinekit.hashing.media;

import java.util.Objects;
import java.util.Optional;

/**
 * Why PDQ was requested for a file but not computed (see {@link
 * MediaHasher#hashBestEffort(java.nio.file.Path)}).
 *
 * @param kind what kind of reason
 * @param message the reason, for a person to read
 * @param setting for {@link Kind#OVER_LIMIT}, the builder setting that raises the limit (e.g.
 *     {@code maxPixels}), if one does
 */
public record PdqNotComputed(Kind kind, String message, Optional<String> setting) {
  /** The kinds of reason. */
  public enum Kind {
    /** The content is not an image format at all (or not one hotlinekit knows). */
    NOT_AN_IMAGE,
    /** An image, but of a format, bit depth or colour model that is not supported. */
    UNSUPPORTED_IMAGE,
    /** An image that is corrupt, truncated or empty. */
    CORRUPT_IMAGE,
    /** An image larger than a configured limit (pixels or file size). */
    OVER_LIMIT,
    /**
     * A video whose vPDQ hash could not be computed: truncated, damaged, an unsupported codec,
     * over a limit, or read from a stream (vPDQ needs a file).
     */
    VIDEO_NOT_HASHED
  }

  /**
   * Checks.
   *
   * @param kind the kind
   * @param message the message
   * @param setting the setting that raises the limit
   */
  public PdqNotComputed {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(setting, "setting");
  }

  /**
   * A reason that no setting changes.
   *
   * @param kind the kind
   * @param message the message
   */
  public PdqNotComputed(Kind kind, String message) {
    this(kind, message, Optional.empty());
  }

  @Override
  public String toString() {
    return message;
  }
}
