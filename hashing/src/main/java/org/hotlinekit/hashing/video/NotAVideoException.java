package org.hotlinekit.hashing.video;

import org.hotlinekit.core.MalformedInputException;

/**
 * The file is not a video at all: empty, an image, text, a format FFmpeg does not know, or a
 * container without a video stream. A caller that tries every file (the command line's {@code
 * hash --algorithms vpdq}) notes that vPDQ does not apply; a video that is truncated or damaged is
 * a plain {@link MalformedInputException} instead, since it should have been hashed and could
 * not.
 */
public class NotAVideoException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param message the file and why it is not a video
   */
  public NotAVideoException(String message) {
    super(message);
  }
}
