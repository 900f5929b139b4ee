package org.hotlinekit.core;

/**
 * The input could not be read: the file is missing, not readable (permissions), or an I/O error occurred. The cause, if any, is the underlying {@link java.io.IOException}.
 */
public class InputReadException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person to read
   */
  public InputReadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public InputReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
