package org.hotlinekit.iccam.packet;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers the ids of the packets a reader opened, so that a replayed packet is refused ({@link
 * ReplayException.Reason#REPLAYED}). The reader asks only after every other check passed. Packets
 * signed before the reader's window are refused as too old anyway, so a guard only needs to
 * remember ids signed within it. A hotline that runs several readers, or restarts, implements this
 * over its own database; {@link #inMemory()} serves one reader in one process.
 */
public interface ReplayGuard {
  /**
   * Records the opening of a verified packet.
   *
   * @param packetId the packet's id from its signed header
   * @param signingTime its signing time
   * @param forgetBefore ids signed before this may be forgotten (the reader refuses such
   *     packets as too old)
   * @return true if the id was not recorded before (the packet may be processed), false if it was
   */
  boolean firstOpening(UUID packetId, Instant signingTime, Instant forgetBefore);

  /**
   * A guard in this process's memory (thread-safe): about 100 bytes per packet opened within the
   * window, forgotten when the process ends.
   *
   * @return a new, empty guard
   */
  static ReplayGuard inMemory() {
    return new ReplayGuard() {
      private final ConcurrentHashMap<UUID, Instant> seen = new ConcurrentHashMap<>();
      private final AtomicInteger sincePrune = new AtomicInteger();

      @Override
      public boolean firstOpening(UUID packetId, Instant signingTime, Instant forgetBefore) {
        if (sincePrune.incrementAndGet() >= 1024) {
          sincePrune.set(0);
          seen.values().removeIf(t -> t.isBefore(forgetBefore));
        }
        return seen.putIfAbsent(packetId, signingTime) == null;
      }
    };
  }

  /**
   * A guard kept in a file, shared by every process (and every reader) that names the same file:
   * a replay is refused across runs of a command-line tool and across restarts. Opening a packet
   * takes an exclusive lock on {@code FILE.lock}, so concurrent processes serialise; each new id
   * is forced to disk before the reader returns the packet. Ids signed before the reader's window
   * are pruned. A file that is not a replay record file is refused ({@link
   * org.hotlinekit.core.MalformedInputException}), never read as empty.
   *
   * @param file the record file (created when missing; its folder must exist)
   * @return the guard
   */
  static ReplayGuard file(java.nio.file.Path file) {
    return new FileReplayGuard(file);
  }

  /**
   * No replay check: every packet id is new. For re-opening archived packets (an audit), or a
   * benchmark that opens one packet again and again; the time window still applies.
   *
   * @return the guard
   */
  static ReplayGuard none() {
    return (packetId, signingTime, forgetBefore) -> true;
  }
}
