package org.hotlinekit.core.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test program: starts an atomic write that never finishes, so that a test can stop it. */
public final class SlowWriter {
  private SlowWriter() {}

  /**
   * Writes into {@code args[0]} until stopped; a folder with two files when {@code args[1]} is
   * {@code folder}.
   *
   * @param args the target, and optionally {@code folder}
   * @throws Exception never in practice
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[1].equals("folder")) {
      AtomicFiles.writeFolder(Path.of(args[0]), tmp -> {
        Files.writeString(tmp.resolve("results.jsonl"), "{}\n");
        Files.writeString(tmp.resolve("report.json"), "{\"partial\": true");
        System.out.println("writing");
        System.out.flush();
        sleep();
      });
      return;
    }
    AtomicFiles.write(Path.of(args[0]), tmp -> {
      Files.writeString(tmp, "partial");
      System.out.println("writing");
      System.out.flush();
      sleep();
    });
  }

  private static void sleep() {
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
