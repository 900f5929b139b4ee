package org.hotlinekit.hashing.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {
  @Test
  void anUnreadableFolderIsReportedAndTheWalkGoesOn(@TempDir Path dir) throws IOException {
    Path locked = Files.createDirectories(dir.resolve("a-locked"));
    Files.writeString(locked.resolve("x.png"), "x");
    Path open = Files.writeString(dir.resolve("b-open.png"), "y");
    // A lister that refuses one folder, as the file system does without read permission (root
    // ignores permissions, so this also runs in CI).
    List<MediaFiles.Entry> entries = MediaFiles.walk(List.of(dir), d -> {
      if (d.equals(locked)) {
        throw new AccessDeniedException(d.toString());
      }
      try (var s = Files.list(d)) {
        return s.sorted().toList();
      }
    });
    assertThat(entries).extracting(MediaFiles.Entry::path).containsExactly(locked, open);
    assertThat(entries.get(0).problem()).contains("cannot read directory: permission denied");
    assertThat(entries.get(1).problem()).isEmpty();
  }

  @Test
  void linksToFoldersInsideTheTreeAreNotFollowed(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(sub.resolve("x.png"), "x");
    Files.createSymbolicLink(sub.resolve("loop"), dir);
    assertThat(MediaFiles.walk(List.of(dir))).extracting(MediaFiles.Entry::path)
        .containsExactly(sub.resolve("x.png"));
  }

  @Test
  void filesAreSortedAndMissingOnesReported(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b"), "b");
    Files.writeString(dir.resolve("a"), "a");
    Path missing = dir.resolve("missing");
    List<MediaFiles.Entry> entries = MediaFiles.walk(List.of(dir, missing));
    assertThat(entries).extracting(MediaFiles.Entry::path)
        .containsExactly(dir.resolve("a"), dir.resolve("b"), missing);
    assertThat(entries.get(2).problem()).contains("no such file or directory");
  }
}
