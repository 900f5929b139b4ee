package org.hotlinekit.iccam.packet;

import org.hotlinekit.core.HotlinekitException;

/**
 * The packet is not for this reader: no recipient entry matches its certificate, or the signed
 * recipient list does not name it (a packet forwarded by one of its recipients).
 */
public class NotARecipientException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what does not match
   */
  public NotARecipientException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what does not match
   * @param cause the cause
   */
  public NotARecipientException(String message, Throwable cause) {
    super(message, cause);
  }
}
