package org.hotlinekit.iccam.packet;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.hotlinekit.iccam.json.PacketInfo;
import org.hotlinekit.iccam.json.ReportDocument;

/**
 * A packet whose every check passed: the document, its packet header, the signer's certificate,
 * and the signing time it states.
 *
 * @param document the reports (with {@link ReportDocument#packet()} present)
 * @param header the packet header
 * @param signer the signer's certificate (its path to a trust anchor was validated)
 * @param signingTime the signing time from the signed attributes
 * @param payload the exact signed JSON bytes
 */
public record OpenedPacket(ReportDocument document, PacketInfo header, X509Certificate signer,
    Instant signingTime, byte[] payload) {
  /**
   * Validates.
   *
   * @param document the document
   * @param header the header
   * @param signer the signer
   * @param signingTime the signing time
   * @param payload the payload
   */
  public OpenedPacket {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(signingTime, "signingTime");
    payload = payload.clone();
  }

  /**
   * The signed JSON.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
