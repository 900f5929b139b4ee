package org.hotlinekit.iccam.json;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The top-level {@code packet} member of a document sent inside an exchange packet: its id, when
 * and by whom it was sealed, and the SHA-256 of every intended recipient's certificate (so that a
 * recipient who re-encrypts the signed document to a third party is detected: the third party is
 * not in the signed list).
 *
 * @param packetId a random id, unique per packet
 * @param created when the packet was sealed
 * @param sender the sending organisation's id
 * @param recipientCertSha256 lowercase hex SHA-256 of each recipient's DER certificate
 */
public record PacketInfo(UUID packetId, Instant created, String sender,
    List<String> recipientCertSha256) {
  /**
   * Validates and copies.
   *
   * @param packetId the id
   * @param created the time
   * @param sender the sender
   * @param recipientCertSha256 the recipient hashes (at least one)
   */
  public PacketInfo {
    Objects.requireNonNull(packetId, "packetId");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(sender, "sender");
    if (sender.isBlank()) {
      throw new IllegalArgumentException("sender must not be empty");
    }
    recipientCertSha256 = List.copyOf(recipientCertSha256);
    if (recipientCertSha256.isEmpty()) {
      throw new IllegalArgumentException("a packet needs at least one recipient");
    }
    for (String h : recipientCertSha256) {
      if (!h.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("recipientCertSha256 entries are 64 lowercase hex");
      }
    }
  }
}
