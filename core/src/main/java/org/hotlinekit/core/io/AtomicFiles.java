package org.hotlinekit.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotlinekit.core.OutputWriteException;

/**
 * Writes a file so that readers see the old file or the complete new one, never a partial one: the
 * content goes to a temporary file beside the target, which is forced to disk and then moved over
 * the target atomically. On failure the temporary file is removed and the target is untouched;
 * when the process is stopped (SIGINT, SIGTERM) while writing, a shutdown hook removes it.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("case-17.p7m"), packetBytes);
 * AtomicFiles.write(Path.of("list.txt"), tmp -> Files.writeString(tmp, text));
 * }</pre>
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Temporary files being written now; a shutdown hook removes what is left of them. */
  private static final class InFlight {
    static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : FILES) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ignored) {
            // Nothing more can be done while the process ends.
          }
        }
      }, "hotlinekit-atomic-files-cleanup"));
    }

    private InFlight() {}
  }

  /** Writes the whole content of a file at the given temporary path. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the whole content.
     *
     * @param tmp where to write (the file exists and is empty)
     * @throws IOException if writing fails
     */
    void writeTo(Path tmp) throws IOException;
  }

  /**
   * Replaces {@code file} with {@code bytes}.
   *
   * @param file the target (replaced if it exists; its folder must exist)
   * @param bytes the whole content
   * @throws OutputWriteException if writing or moving fails (the message names the file)
   */
  public static void write(Path file, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    write(file, tmp -> {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
      }
    });
  }

  /**
   * Replaces {@code file} with what {@code content} writes; the written file is forced to disk
   * before it replaces the target.
   *
   * @param file the target (replaced if it exists; its folder must exist)
   * @param content writes the content
   * @throws OutputWriteException if writing or moving fails (the message names the file)
   */
  public static void write(Path file, Content content) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    boolean moved = false;
    try {
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      InFlight.FILES.add(tmp);
      content.writeTo(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } catch (IOException e) {
      throw failed(file, e);
    } finally {
      if (tmp != null) {
        if (!moved) {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException ignored) {
            // The write already failed; that failure is the one reported.
          }
        }
        InFlight.FILES.remove(tmp);
      }
    }
  }

  private static OutputWriteException failed(Path file, IOException e) {
    String why;
    if (e instanceof java.nio.file.NoSuchFileException) {
      why = "no such folder";
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      why = "permission denied";
    } else if (e.getMessage() == null) {
      why = e.getClass().getSimpleName();
    } else {
      why = e.getMessage();
    }
    return new OutputWriteException(file + ": could not write the file: " + why, e);
  }
}
