package org.hotlinekit.hashing.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only reference vectors in {@code ../shared/testdata}, beside the repository. Missing
 * data fails the test (it never skips): a green run must mean the vectors were checked.
 */
public final class SharedTestData {
  private SharedTestData() {}

  /**
   * The shared test data folder.
   *
   * @return {@code <repo>/../shared/testdata}
   */
  public static Path root() {
    String configured = System.getProperty("hotlinekit.shared");
    List<Path> candidates = new ArrayList<>();
    if (configured != null) {
      candidates.add(Path.of(configured, "testdata"));
    }
    // Walk up from the working directory (module or repository root) to find ../shared.
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      candidates.add(p.resolveSibling("shared").resolve("testdata"));
    }
    for (Path c : candidates) {
      if (Files.isDirectory(c.resolve("pdq"))) {
        return c.normalize();
      }
    }
    return fail("shared test data not found; looked in " + candidates);
  }

  /**
   * A file or folder under the shared test data, which must exist.
   *
   * @param relative e.g. {@code "pdq/expected/pdq-cpp.csv"}
   * @return its path
   */
  public static Path resolve(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      fail("missing shared test data: " + p);
    }
    return p;
  }

  /**
   * The lines of a shared text file, without comment lines (starting with {@code #}) and blanks.
   *
   * @param relative the file
   * @return its data lines
   */
  public static List<String> dataLines(String relative) {
    try {
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(resolve(relative))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      if (out.isEmpty()) {
        fail("no data lines in " + relative);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
