package org.hotlinekit.hashing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file so that readers see the old file or the complete new one, never a partial one. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file at the given (temporary) path. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the whole content.
     *
     * @param tmp where to write
     * @throws IOException if writing fails
     */
    void writeTo(Path tmp) throws IOException;
  }

  /**
   * Writes a temporary file beside the target, then moves it over the target atomically; on
   * failure the temporary file is removed and the target is untouched.
   *
   * @param file the target (replaced if it exists)
   * @param content writes the content
   * @throws org.hotlinekit.core.OutputWriteException if writing or moving fails
   */
  public static void write(Path file, Content content) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      content.writeTo(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw ReadErrors.writeFailed(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed; that failure is the one reported.
        }
      }
    }
  }
}
