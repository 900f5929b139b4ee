package org.hotlinekit.core;

/**
 * Root of every exception hotlinekit throws on purpose. Unchecked.
 *
 * <p>Catch a subclass to act on a specific failure:
 *
 * <ul>
 *   <li>{@link MalformedInputException}: the input is broken (bad syntax, corrupt or truncated
 *       data); retrying will not help.
 *   <li>{@link UnsupportedInputException}: the input may be valid but this version of hotlinekit
 *       does not handle it (a format, a bit depth, a version).
 *   <li>{@link LimitExceededException}: the input is larger than a configured limit.
 *   <li>{@link InputReadException}: the input could not be read at all (missing file, no
 *       permission, I/O error).
 *   <li>{@link OutputWriteException}: an output could not be written.
 * </ul>
 *
 * <p>Messages are meant for people: they name the problem and, where it helps, the location, but
 * never echo content such as report text, URLs or hashes.
 */
public class HotlinekitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for a person to read
   */
  public HotlinekitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public HotlinekitException(String message, Throwable cause) {
    super(message, cause);
  }
}
