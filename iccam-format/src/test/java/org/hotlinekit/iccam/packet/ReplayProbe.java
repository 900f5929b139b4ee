package org.hotlinekit.iccam.packet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** Test program: records one packet id in a replay file and prints whether it was the first. */
public final class ReplayProbe {
  private ReplayProbe() {}

  /**
   * Records the id.
   *
   * @param args the file and the packet id
   */
  public static void main(String[] args) {
    boolean first = ReplayGuard.file(Path.of(args[0])).firstOpening(UUID.fromString(args[1]),
        Instant.now(), Instant.now().minusSeconds(3600));
    System.out.println(first ? "first" : "replay");
  }
}
