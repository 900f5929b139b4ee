package org.hotlinekit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.OutputWriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @Test
  void writesAndReplaces(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.bin");
    AtomicFiles.write(file, new byte[] {1, 2, 3});
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    AtomicFiles.write(file, tmp -> Files.writeString(tmp, "new"));
    assertThat(Files.readString(file)).isEqualTo("new");
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactly(file);
    }
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("keep.txt"), "old");
    assertThatThrownBy(() -> AtomicFiles.write(file, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("disk full");
    })).isInstanceOf(OutputWriteException.class)
        .hasMessage(file + ": could not write the file: disk full");
    assertThat(Files.readString(file)).isEqualTo("old");
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactly(file);
    }
  }

  @Test
  void aMissingFolderIsNamed(@TempDir Path dir) {
    Path file = dir.resolve("no-such-folder/out.bin");
    assertThatThrownBy(() -> AtomicFiles.write(file, new byte[1]))
        .isInstanceOf(OutputWriteException.class)
        .hasMessage(file + ": could not write the file: no such folder");
  }

  /** A process stopped while writing (SIGTERM, as Ctrl-C's SIGINT) leaves no temporary file. */
  @Test
  void aStoppedProcessLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out.bin");
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("writing");
      try (var s = Files.list(dir)) {
        assertThat(s).hasSize(1).allMatch(f -> f.getFileName().toString().endsWith(".tmp"));
      }
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    try (var s = Files.list(dir)) {
      assertThat(s).isEmpty();
    }
  }
}
