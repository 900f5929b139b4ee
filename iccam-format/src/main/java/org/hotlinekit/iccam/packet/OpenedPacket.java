package org.hotlinekit.iccam.packet;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.hotlinekit.iccam.json.PacketInfo;
import org.hotlinekit.iccam.json.ReportDocument;

/**
 * A packet whose every check passed: the document, its packet header, the signer's certificate,
 * and the signing time it states. Only a {@link PacketReader} makes one, so holding one means
 * the checks ran. Immutable.
 */
public final class OpenedPacket {
  private final ReportDocument document;
  private final PacketInfo header;
  private final X509Certificate signer;
  private final Instant signingTime;
  private final byte[] payload;

  /** Takes {@code payload} over: the reader hands it its own fresh array, never shared. */
  OpenedPacket(ReportDocument document, PacketInfo header, X509Certificate signer,
      Instant signingTime, byte[] payload) {
    this.document = Objects.requireNonNull(document, "document");
    this.header = Objects.requireNonNull(header, "header");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.signingTime = Objects.requireNonNull(signingTime, "signingTime");
    this.payload = Objects.requireNonNull(payload, "payload");
  }

  /**
   * The reports, with {@link ReportDocument#packet()} present.
   *
   * @return the document
   */
  public ReportDocument document() {
    return document;
  }

  /**
   * The packet header from the signed document.
   *
   * @return the header
   */
  public PacketInfo header() {
    return header;
  }

  /**
   * The signer's certificate; its path to a trust anchor was validated.
   *
   * @return the certificate
   */
  public X509Certificate signer() {
    return signer;
  }

  /**
   * The signing time from the signed attributes.
   *
   * @return the time
   */
  public Instant signingTime() {
    return signingTime;
  }

  /**
   * The exact signed JSON.
   *
   * @return a copy of the bytes
   */
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public String toString() {
    return "OpenedPacket[" + header.packetId() + " from " + header.sender() + ", "
        + document.reports().size() + " reports, signed " + signingTime + "]";
  }
}
