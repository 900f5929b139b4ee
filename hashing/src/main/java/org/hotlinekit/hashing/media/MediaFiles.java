package org.hotlinekit.hashing.media;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Expands paths into the files to hash: folders are walked recursively in a stable order (entries
 * sorted by name, files and folders alike); symbolic links to folders inside them are not
 * followed (no cycles, nothing outside the tree), a link named directly is. A path that cannot be
 * listed, and anything that is not a regular file (FIFOs, sockets, devices: reading one may never
 * end), becomes an entry with a problem, and the walk goes on.
 *
 * <pre>{@code
 * for (MediaFiles.Entry e : MediaFiles.walk(List.of(Path.of("seized")))) {
 *   e.problem().ifPresentOrElse(p -> report(e.path(), p), () -> triage.triage(e.path()));
 * }
 * }</pre>
 */
public final class MediaFiles {
  private MediaFiles() {}

  /** Lists a folder; replaceable in tests to simulate failures. */
  @FunctionalInterface
  interface Lister {
    List<Path> list(Path dir) throws IOException;
  }

  /**
   * One file to process, or a path that could not be processed.
   *
   * @param path the path
   * @param problem why it cannot be processed, if it cannot
   */
  public record Entry(Path path, Optional<String> problem) {
    /**
     * Checks.
     *
     * @param path the path
     * @param problem the problem
     */
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(problem, "problem");
    }

    static Entry ok(Path p) {
      return new Entry(p, Optional.empty());
    }

    static Entry failed(Path p, String message) {
      return new Entry(p, Optional.of(message));
    }
  }

  /**
   * Expands files and folders.
   *
   * @param roots files and folders, in the order given
   * @return the entries: each root's files in sorted order, then the next root's
   */
  public static List<Entry> walk(List<Path> roots) {
    return walk(roots, MediaFiles::listSorted);
  }

  static List<Entry> walk(List<Path> roots, Lister lister) {
    List<Entry> out = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        // A link to a folder named by the caller is followed: the caller asked for it.
        walk(root, out, lister);
      } else if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        out.add(regularOrFailed(root));
      } else {
        out.add(Entry.failed(root, "no such file or directory"));
      }
    }
    return out;
  }

  private static void walk(Path dir, List<Entry> out, Lister lister) {
    List<Path> children;
    try {
      children = lister.list(dir);
    } catch (AccessDeniedException e) {
      out.add(Entry.failed(dir, "cannot read directory: permission denied"));
      return;
    } catch (NoSuchFileException e) {
      out.add(Entry.failed(dir, "directory disappeared while being read"));
      return;
    } catch (IOException e) {
      out.add(Entry.failed(dir, "cannot read directory: " + e.getMessage()));
      return;
    }
    for (Path child : children) {
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        walk(child, out, lister);
      } else if (Files.isSymbolicLink(child) && Files.isDirectory(child)) {
        continue; // not followed: avoids cycles and walking outside the tree
      } else {
        out.add(regularOrFailed(child));
      }
    }
  }

  private static Entry regularOrFailed(Path p) {
    return Files.isRegularFile(p) ? Entry.ok(p)
        : Entry.failed(p, "not a regular file (a FIFO, socket, device or broken link): skipped");
  }

  private static List<Path> listSorted(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        children.add(p);
      }
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return children;
  }
}
