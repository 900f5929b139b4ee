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
  /** Writes go to the file in slices of this many bytes (see write(Path, byte[])). */
  private static final int SLICE = 1 << 20;

  private AtomicFiles() {}

  /** Temporary files being written now; a shutdown hook removes what is left of them. */
  private static final class InFlight {
    static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : FILES) {
          deleteQuietly(p);
        }
      }, "hotlinekit-atomic-files-cleanup"));
    }

    private InFlight() {}
  }

  /** Writes every file of a folder into the given temporary folder. */
  @FunctionalInterface
  public interface FolderContent {
    /**
     * Writes the folder's files.
     *
     * @param tmp where to write them (the folder exists and is empty)
     * @throws IOException if writing fails
     */
    void writeTo(Path tmp) throws IOException;
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
        // In slices: the JDK copies a heap buffer into a native one of the same size to write it,
        // which for one call of 64 MB is 64 MB more memory.
        for (int at = 0; at < bytes.length; ) {
          ByteBuffer b = ByteBuffer.wrap(bytes, at, Math.min(SLICE, bytes.length - at));
          while (b.hasRemaining()) {
            at += ch.write(b);
          }
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

  /**
   * Creates {@code folder} with the files {@code content} writes, all or nothing: they are written
   * into a temporary folder beside it, forced to disk, and the temporary folder is renamed to
   * {@code folder} in one atomic step. Readers never see some of the files without the others;
   * on failure, or when the process is stopped while writing, the temporary folder is removed.
   *
   * <p>The target must not exist, or be an empty folder (which is replaced): results of an
   * earlier run are never overwritten or mixed with new ones.
   *
   * @param folder the folder to create (its parent must exist)
   * @param content writes the files (regular files, possibly in sub-folders)
   * @throws OutputWriteException if {@code folder} exists and is not an empty folder, or writing
   *     or renaming fails (the message names the folder)
   */
  public static void writeFolder(Path folder, FolderContent content) {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(content, "content");
    Path target = folder.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new OutputWriteException(folder + ": cannot write the root folder", null);
    }
    refuseExisting(folder, target);
    Path tmp = null;
    boolean moved = false;
    try {
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
      InFlight.FILES.add(tmp);
      content.writeTo(tmp);
      forceTree(tmp);
      refuseExisting(folder, target);
      Files.deleteIfExists(target); // an empty folder only: refuseExisting checked
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
      force(parent, true);
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      throw new OutputWriteException(folder + ": exists and is not empty; results are never"
          + " written over others (choose another folder, or remove it)", e);
    } catch (IOException e) {
      throw failed(folder, e);
    } finally {
      if (tmp != null) {
        if (!moved) {
          deleteQuietly(tmp);
        }
        InFlight.FILES.remove(tmp);
      }
    }
  }

  private static void refuseExisting(Path folder, Path target) {
    if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    boolean empty = false;
    if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (java.util.stream.Stream<Path> s = Files.list(target)) {
        empty = s.findAny().isEmpty();
      } catch (IOException e) {
        throw failed(folder, e);
      }
    }
    if (!empty) {
      throw new OutputWriteException(folder + ": exists and is not an empty folder; results are"
          + " never written over others (choose another folder, or remove it)", null);
    }
  }

  private static void forceTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        force(p, Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
      }
    }
  }

  private static void force(Path p, boolean dir) throws IOException {
    try (FileChannel ch = FileChannel.open(p, dir ? StandardOpenOption.READ
        : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      if (!dir) {
        throw e;
      }
      // Some file systems cannot force a folder; the files in it are on disk already.
    }
  }

  /** Removes a file or a folder tree, as far as it can. */
  private static void deleteQuietly(Path p) {
    try {
      if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (java.util.stream.Stream<Path> s = Files.walk(p)) {
          for (Path q : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
            Files.deleteIfExists(q);
          }
        }
      } else {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // Nothing more can be done; the caller reports the failure that brought it here.
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
