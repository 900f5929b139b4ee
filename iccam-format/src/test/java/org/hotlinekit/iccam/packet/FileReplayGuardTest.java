package org.hotlinekit.iccam.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplayGuardTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Instant WINDOW = NOW.minus(Duration.ofDays(30));

  @Test
  void anIdIsNewOnceAcrossGuardsOfTheSameFile(@TempDir Path dir) {
    Path db = dir.resolve("opened");
    UUID a = UUID.randomUUID();
    assertThat(ReplayGuard.file(db).firstOpening(a, NOW, WINDOW)).isTrue();
    // A new guard (another run of the tool) reads what the first recorded.
    ReplayGuard later = ReplayGuard.file(db);
    assertThat(later.firstOpening(a, NOW, WINDOW)).isFalse();
    assertThat(later.firstOpening(UUID.randomUUID(), NOW, WINDOW)).isTrue();
  }

  @Test
  void recordsOutsideTheWindowArePruned(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("opened");
    ReplayGuard g = ReplayGuard.file(db);
    for (int i = 0; i < 10; i++) {
      assertThat(g.firstOpening(UUID.randomUUID(), NOW.minus(Duration.ofDays(40)),
          NOW.minus(Duration.ofDays(50)))).isTrue();
    }
    UUID fresh = UUID.randomUUID();
    assertThat(g.firstOpening(fresh, NOW, WINDOW)).isTrue();
    // The ten old ones are now outside the window: pruned on a later opening.
    assertThat(g.firstOpening(UUID.randomUUID(), NOW, WINDOW)).isTrue();
    List<String> lines = Files.readAllLines(db);
    assertThat(lines.get(0)).isEqualTo(FileReplayGuard.HEADER);
    assertThat(lines).hasSizeLessThan(12).anyMatch(l -> l.startsWith(fresh.toString()));
    assertThat(g.firstOpening(fresh, NOW, WINDOW)).isFalse();
  }

  @Test
  void aDamagedFileIsRefusedNotReadAsEmpty(@TempDir Path dir) throws Exception {
    Path other = Files.writeString(dir.resolve("notes.txt"), "shopping list\n");
    assertThatThrownBy(() -> ReplayGuard.file(other).firstOpening(UUID.randomUUID(), NOW, WINDOW))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not a hotlinekit replay record file");
    Path broken = Files.writeString(dir.resolve("opened"),
        FileReplayGuard.HEADER + "\n" + UUID.randomUUID() + " 1764590400\ngarbage\n");
    assertThatThrownBy(() -> ReplayGuard.file(broken).firstOpening(UUID.randomUUID(), NOW,
        WINDOW)).isInstanceOf(MalformedInputException.class).hasMessageContaining(":3: ");
  }

  /** Several processes open the same packet at once: exactly one gets it. */
  @Test
  void concurrentProcessesAgree(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("opened");
    UUID id = UUID.randomUUID();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      processes.add(new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ReplayProbe.class.getName(),
          db.toString(), id.toString()).redirectErrorStream(true).start());
    }
    int first = 0;
    for (Process p : processes) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      if (out.equals("first")) {
        first++;
      } else {
        assertThat(out).isEqualTo("replay");
      }
    }
    assertThat(first).isEqualTo(1);
  }
}
