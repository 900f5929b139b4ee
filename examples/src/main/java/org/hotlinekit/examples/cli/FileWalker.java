package org.hotlinekit.examples.cli;

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
import java.util.Optional;

/**
 * Expands command-line paths into files: directories are walked recursively in a stable order
 * (entries sorted by name, files and folders alike). Symbolic links to directories are not
 * followed (so there are no cycles). A path that cannot be listed, and anything that is not a
 * regular file (FIFOs, sockets, devices: reading them may never end), becomes an entry with an
 * error, and the walk goes on.
 */
final class FileWalker {
  /** Lists a directory; replaceable in tests to simulate failures. */
  interface Lister {
    List<Path> list(Path dir) throws IOException;
  }

  /** One file to process, or a path that failed before processing. */
  record Entry(Path path, Optional<String> error) {
    static Entry ok(Path p) {
      return new Entry(p, Optional.empty());
    }

    static Entry failed(Path p, String message) {
      return new Entry(p, Optional.of(message));
    }
  }

  private final Lister lister;

  FileWalker() {
    this(FileWalker::listSorted);
  }

  FileWalker(Lister lister) {
    this.lister = lister;
  }

  List<Entry> expand(List<Path> roots) {
    List<Entry> out = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        walk(root, out);
      } else if (Files.isDirectory(root)) {
        // A link to a directory named on the command line is followed: the user asked for it.
        walk(root, out);
      } else if (Files.exists(root)) {
        out.add(regularOrFailed(root));
      } else {
        out.add(Entry.failed(root, "no such file or directory"));
      }
    }
    return out;
  }

  private void walk(Path dir, List<Entry> out) {
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
        walk(child, out);
      } else if (Files.isSymbolicLink(child) && Files.isDirectory(child)) {
        continue; // not followed: avoids cycles and walking outside the tree
      } else {
        out.add(regularOrFailed(child));
      }
    }
  }

  /**
   * A regular file (or a link to one) is processed; a FIFO, socket or device is reported and
   * skipped, since reading one may never end.
   */
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
