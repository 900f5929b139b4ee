package org.hotlinekit.iccam.packet;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.hotlinekit.iccam.json.PacketInfo;

/**
 * A packet file whose every check passed, opened by {@link PacketReader#open(Path, Path)}: where
 * its document (the exact signed JSON) was written, how many reports it holds, its packet header,
 * the signer's certificate and the signing time. Only a {@link PacketReader} makes one, so holding
 * one means the checks ran. Immutable.
 */
public final class OpenedPacketFile {
  private final Path document;
  private final int reports;
  private final PacketInfo header;
  private final X509Certificate signer;
  private final Instant signingTime;

  OpenedPacketFile(Path document, int reports, PacketInfo header, X509Certificate signer,
      Instant signingTime) {
    this.document = Objects.requireNonNull(document, "document");
    this.reports = reports;
    this.header = Objects.requireNonNull(header, "header");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.signingTime = Objects.requireNonNull(signingTime, "signingTime");
  }

  /**
   * Where the verified document was written.
   *
   * @return the file
   */
  public Path document() {
    return document;
  }

  /**
   * The number of reports in the document.
   *
   * @return at least one
   */
  public int reports() {
    return reports;
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

  @Override
  public String toString() {
    return "OpenedPacketFile[" + header.packetId() + " from " + header.sender() + ", " + reports
        + " reports, signed " + signingTime + ", written to " + document + "]";
  }
}
