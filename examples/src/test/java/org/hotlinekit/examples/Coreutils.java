package org.hotlinekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The coreutils digest tools, as an independent oracle for hotlinekit's digests. */
public final class Coreutils {
  private Coreutils() {}

  /**
   * Runs {@code tool file} and returns the hex digest it prints.
   *
   * @param tool {@code md5sum}, {@code sha1sum} or {@code sha256sum}
   * @param file the file
   * @return the lowercase hex digest
   */
  public static String digest(String tool, Path file) {
    try {
      Process p = new ProcessBuilder(tool, file.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(tool + ": " + out).isZero();
      return out.substring(0, out.indexOf(' '));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
