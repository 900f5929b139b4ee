package org.hotlinekit.core;

/**
 * The input may be well-formed, but this version of hotlinekit does not handle it: an unsupported file format, bit depth, or format version.
 */
public class UnsupportedInputException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person to read
   */
  public UnsupportedInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public UnsupportedInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
