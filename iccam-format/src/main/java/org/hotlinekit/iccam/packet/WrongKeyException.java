package org.hotlinekit.iccam.packet;

/** A recipient entry names this reader's certificate, but its private key does not unwrap it. */
public final class WrongKeyException extends NotARecipientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the cause
   */
  public WrongKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
