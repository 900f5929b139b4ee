package org.hotlinekit.iccam.packet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.hotlinekit.core.HotlinekitException;

/**
 * A replay record file that was damaged or tampered with: the guard answers or refuses with a
 * HotlinekitException, and never calls a recorded id new.
 */
class ReplayGuardFuzzTest {
  private static final UUID ID = UUID.fromString("6f1c1e5a-52a5-4f0e-9c55-1f0f5d2a8b11");

  @FuzzTest(maxDuration = "60s")
  void readDamagedFile(byte[] data) throws Exception {
    Path dir = Files.createTempDirectory("fuzz-replay");
    Path file = dir.resolve("opened");
    try {
      Files.write(file, data);
      Instant now = Instant.now();
      ReplayGuard guard = ReplayGuard.file(file);
      boolean first;
      try {
        first = guard.firstOpening(ID, now, now.minusSeconds(3600));
      } catch (HotlinekitException refused) {
        return; // a damaged file is refused: correct
      }
      if (first && guard.firstOpening(ID, now, now.minusSeconds(3600))) {
        throw new AssertionError("an id recorded a moment ago was called new");
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir.resolve("opened.lock"));
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
