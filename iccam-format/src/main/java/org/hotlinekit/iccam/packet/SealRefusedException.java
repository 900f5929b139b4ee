package org.hotlinekit.iccam.packet;

import java.util.Objects;
import org.hotlinekit.core.HotlinekitException;

/**
 * The writer refuses to make a packet that its recipients would refuse: a sender checks what the
 * recipient will check, so that a mistake is seen where it can be mended, not as "tampered" or
 * "untrusted" at every partner. {@link #reason()} tells the cases apart.
 */
public final class SealRefusedException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /** Why the packet would be refused. */
  public enum Reason {
    /** The private key does not belong to the signer's certificate (every signature fails). */
    KEY_DOES_NOT_MATCH_CERTIFICATE,
    /** The signer's certificate is expired or not yet valid. */
    SIGNER_NOT_VALID_NOW,
    /** The signer's certificate may not sign e-mail-style messages (key usage, extended key usage). */
    SIGNER_NOT_FOR_SIGNING,
    /** A recipient's certificate is expired or not yet valid. */
    RECIPIENT_NOT_VALID_NOW,
    /** A recipient's certificate is a CA's, or its key usage forbids key agreement/encipherment. */
    RECIPIENT_NOT_FOR_ENCRYPTION,
    /** The same recipient was given twice. */
    DUPLICATE_RECIPIENT,
    /** The packet would be larger than the readers' limit. */
    TOO_LARGE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message details, for a person to read
   */
  public SealRefusedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the packet would be refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
