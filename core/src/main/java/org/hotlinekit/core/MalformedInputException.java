package org.hotlinekit.core;

/**
 * The input is broken: bad syntax, corrupt or truncated data, a value out of range. Retrying the same input will not help.
 */
public class MalformedInputException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person to read
   */
  public MalformedInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public MalformedInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
