package org.hotlinekit.iccam.packet;

import org.hotlinekit.core.HotlinekitException;

/**
 * Authentication failed: the GCM tag does not match the ciphertext, or the signature does not
 * match the signed content. The packet was changed after it was sealed, or was not sealed by the
 * key it claims.
 */
public final class TamperedException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the cause, if any
   */
  public TamperedException(String message, Throwable cause) {
    super(message, cause);
  }
}
