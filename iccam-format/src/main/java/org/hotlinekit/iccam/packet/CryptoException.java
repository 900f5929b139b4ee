package org.hotlinekit.iccam.packet;

import org.hotlinekit.core.HotlinekitException;

/**
 * The platform's cryptography failed while sealing or opening a packet, for a reason that is not
 * the packet's: a security provider or algorithm missing from the JDK, a hardware key that
 * refused to sign, a certificate that cannot be re-encoded. The cause is the provider's
 * exception; retrying on a correctly configured JDK or token may succeed.
 */
public final class CryptoException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, for a person to read
   * @param cause the provider's exception
   */
  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
