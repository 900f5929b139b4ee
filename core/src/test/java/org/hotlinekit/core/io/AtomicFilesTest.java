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

  @Test
  void aFolderAppearsWithAllItsFilesAtOnce(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("scan-1");
    AtomicFiles.writeFolder(out, tmp -> {
      assertThat(out).doesNotExist();
      Files.writeString(tmp.resolve("a.txt"), "a");
      Files.createDirectories(tmp.resolve("sub"));
      Files.writeString(tmp.resolve("sub/b.txt"), "b");
    });
    assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("a");
    assertThat(Files.readString(out.resolve("sub/b.txt"))).isEqualTo("b");
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactly(out);
    }
  }

  @Test
  void anEmptyFolderIsReplacedAndAFullOneRefused(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    AtomicFiles.writeFolder(empty, tmp -> Files.writeString(tmp.resolve("a.txt"), "new"));
    assertThat(Files.readString(empty.resolve("a.txt"))).isEqualTo("new");

    assertThatThrownBy(() -> AtomicFiles.writeFolder(empty, tmp -> Files.writeString(
        tmp.resolve("a.txt"), "newer"))).isInstanceOf(OutputWriteException.class)
        .hasMessageContaining("exists and is not an empty folder");
    assertThat(Files.readString(empty.resolve("a.txt"))).isEqualTo("new");
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> AtomicFiles.writeFolder(file, tmp -> { }))
        .isInstanceOf(OutputWriteException.class);
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactlyInAnyOrder(empty, file);
    }
  }

  @Test
  void aFailedFolderWriteLeavesNothing(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> AtomicFiles.writeFolder(out, tmp -> {
      Files.writeString(tmp.resolve("a.txt"), "half");
      throw new IOException("disk full");
    })).isInstanceOf(OutputWriteException.class)
        .hasMessage(out + ": could not write the file: disk full");
    try (var s = Files.list(dir)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void aProcessStoppedWhileWritingAFolderLeavesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), out.toString(),
        "folder").redirectErrorStream(true).start();
    try (var o = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      assertThat(o.readLine()).isEqualTo("writing");
      try (var s = Files.list(dir)) {
        assertThat(s).hasSize(1).allMatch(f -> f.getFileName().toString().startsWith(".out."));
      }
      p.destroy();
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    try (var s = Files.list(dir)) {
      assertThat(s).isEmpty();
    }
  }

  /** More than one slice of the write: every byte lands, in order. */
  @Test
  void aLargeArrayIsWrittenWhole(@TempDir Path dir) throws IOException {
    byte[] bytes = new byte[(5 << 20) + 12345];
    new java.util.Random(7).nextBytes(bytes);
    Path file = dir.resolve("big");
    AtomicFiles.write(file, bytes);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }
}
