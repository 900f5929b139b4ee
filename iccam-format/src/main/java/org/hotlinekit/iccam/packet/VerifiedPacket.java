package org.hotlinekit.iccam.packet;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.hotlinekit.iccam.json.PacketInfo;

/**
 * A packet file whose every check passed, verified by {@link PacketReader#verify(Path)} without
 * keeping its document: how many reports the document holds, its packet header, the signer's
 * certificate and the signing time. {@link OpenedPacketFile} adds where the document was written.
 * Only a {@link PacketReader} makes one, so holding one means the checks ran. Immutable.
 */
public sealed class VerifiedPacket permits OpenedPacketFile {
  private final int reports;
  private final PacketInfo header;
  private final X509Certificate signer;
  private final Instant signingTime;

  VerifiedPacket(int reports, PacketInfo header, X509Certificate signer, Instant signingTime) {
    this.reports = reports;
    this.header = Objects.requireNonNull(header, "header");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.signingTime = Objects.requireNonNull(signingTime, "signingTime");
  }

  /**
   * The number of reports in the document.
   *
   * @return at least one
   */
  public final int reports() {
    return reports;
  }

  /**
   * The packet header from the signed document.
   *
   * @return the header
   */
  public final PacketInfo header() {
    return header;
  }

  /**
   * The signer's certificate; its path to a trust anchor was validated.
   *
   * @return the certificate
   */
  public final X509Certificate signer() {
    return signer;
  }

  /**
   * The signing time from the signed attributes.
   *
   * @return the time
   */
  public final Instant signingTime() {
    return signingTime;
  }

  @Override
  public String toString() {
    return "VerifiedPacket[" + description() + "]";
  }

  /** The packet in words, for {@link #toString()}. */
  final String description() {
    return header.packetId() + " from " + header.sender() + ", " + reports + " reports, signed "
        + signingTime;
  }
}
