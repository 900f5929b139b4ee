package org.hotlinekit.hashing.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.HotlinekitException;

/** For fuzz targets whose reader takes a file: the fuzzed bytes in a temporary file. */
public final class FuzzFiles {
  private FuzzFiles() {}

  /** What a target does with the file; may throw anything but a bug. */
  @FunctionalInterface
  public interface Check {
    /**
     * Opens and uses the file.
     *
     * @param file the file holding the fuzzed bytes
     * @throws Exception for the harness to report
     */
    void accept(Path file) throws Exception;
  }

  /**
   * Writes {@code data} to a temporary file, runs {@code check} on it, and deletes it. A
   * HotlinekitException is the correct outcome for a bad file and is swallowed; anything else
   * propagates as a finding.
   *
   * @param data the fuzzed bytes
   * @param suffix the file name suffix
   * @param check what to do with the file
   * @throws Exception a finding
   */
  public static void withFile(byte[] data, String suffix, Check check) throws Exception {
    Path file = Files.createTempFile("fuzz", suffix);
    try {
      Files.write(file, data);
      check.accept(file);
    } catch (HotlinekitException expected) {
      // A clear refusal is the correct outcome for a bad file.
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
