package org.hotlinekit.core;

/**
 * The input exceeds a configured limit (pixel count, file size, ...). The message names the limit and how to raise it.
 */
public class LimitExceededException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person to read
   */
  public LimitExceededException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public LimitExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
