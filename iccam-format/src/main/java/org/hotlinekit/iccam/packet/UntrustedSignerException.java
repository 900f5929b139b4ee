package org.hotlinekit.iccam.packet;

import org.hotlinekit.core.HotlinekitException;

/** The signature is valid, but the signer's certificate is not trusted. */
public final class UntrustedSignerException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /** Why the signer is not trusted. */
  public enum Reason {
    /** No path from the signer's certificate to a trust anchor. */
    NO_PATH,
    /** A certificate on the path is expired or not yet valid. */
    EXPIRED,
    /** A certificate on the path is revoked. */
    REVOKED,
    /** Revocation was to be checked, but the CRLs given do not cover a certificate. */
    REVOCATION_UNKNOWN,
    /** The signer's certificate may not be used for signatures. */
    KEY_USAGE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message details
   * @param cause the cause, if any
   */
  public UntrustedSignerException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * Why the signer is not trusted.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
