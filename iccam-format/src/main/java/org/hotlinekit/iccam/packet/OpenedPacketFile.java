package org.hotlinekit.iccam.packet;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.hotlinekit.iccam.json.PacketInfo;

/**
 * A packet file whose every check passed, opened by {@link PacketReader#open(Path, Path)}: what
 * {@link VerifiedPacket} says, and where its document (the exact signed JSON) was written. Only a
 * {@link PacketReader} makes one, so holding one means the checks ran. Immutable.
 */
public final class OpenedPacketFile extends VerifiedPacket {
  private final Path document;

  OpenedPacketFile(Path document, int reports, PacketInfo header, X509Certificate signer,
      Instant signingTime) {
    super(reports, header, signer, signingTime);
    this.document = Objects.requireNonNull(document, "document");
  }

  /**
   * Where the verified document was written.
   *
   * @return the file
   */
  public Path document() {
    return document;
  }

  @Override
  public String toString() {
    return "OpenedPacketFile[" + description() + ", written to " + document + "]";
  }
}
