package org.hotlinekit.iccam.packet;

import java.nio.file.Path;
import java.util.Objects;
import org.hotlinekit.iccam.json.PacketInfo;

/**
 * A packet file written by {@link PacketWriter#seal(Path, Path)}: where it is, its size, how many
 * reports it carries and the packet header it was signed with. Immutable.
 */
public final class SealedPacketFile {
  private final Path packet;
  private final int reports;
  private final PacketInfo header;
  private final long bytes;

  SealedPacketFile(Path packet, int reports, PacketInfo header, long bytes) {
    this.packet = Objects.requireNonNull(packet, "packet");
    this.reports = reports;
    this.header = Objects.requireNonNull(header, "header");
    this.bytes = bytes;
  }

  /**
   * Where the packet was written.
   *
   * @return the file
   */
  public Path packet() {
    return packet;
  }

  /**
   * The number of reports sealed.
   *
   * @return at least one
   */
  public int reports() {
    return reports;
  }

  /**
   * The packet header in the signed document.
   *
   * @return the header
   */
  public PacketInfo header() {
    return header;
  }

  /**
   * The packet's size.
   *
   * @return bytes
   */
  public long bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return "SealedPacketFile[" + header.packetId() + ", " + reports + " reports, " + bytes
        + " bytes, written to " + packet + "]";
  }
}
