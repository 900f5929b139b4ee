package org.hotlinekit.iccam.packet;

import java.util.Objects;
import org.hotlinekit.core.HotlinekitException;

/**
 * Every cryptographic check passed, but the packet is not fresh: its id was opened before, or
 * its signing time lies outside the reader's window. A replayed packet is genuine but must not be
 * processed twice (reports would be counted and forwarded again).
 */
public final class ReplayException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /** Why the packet is not fresh. */
  public enum Reason {
    /** Its {@code packetId} was opened before, within the window. */
    REPLAYED,
    /** It was signed longer ago than the reader's maximum age. */
    TOO_OLD,
    /** Its signing time is later than now plus the allowed clock skew. */
    SIGNED_IN_THE_FUTURE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what failed
   */
  public ReplayException(Reason reason, String message) {
    super(message, null);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the packet is not fresh.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
