package org.hotlinekit.core.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test program: starts an atomic write that never finishes, so that a test can stop it. */
public final class SlowWriter {
  private SlowWriter() {}

  /**
   * Writes into {@code args[0]} until stopped.
   *
   * @param args the target file
   * @throws Exception never in practice
   */
  public static void main(String[] args) throws Exception {
    AtomicFiles.write(Path.of(args[0]), tmp -> {
      Files.writeString(tmp, "partial");
      System.out.println("writing");
      System.out.flush();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
