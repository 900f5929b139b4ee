package org.hotlinekit.core;

/**
 * An output could not be written: no space, no permission, or an I/O error. Nothing half-written
 * is left behind by hotlinekit's writers. The cause, if any, is the underlying {@link
 * java.io.IOException}.
 */
public class OutputWriteException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public OutputWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
