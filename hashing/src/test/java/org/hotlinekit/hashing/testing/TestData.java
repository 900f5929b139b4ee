package org.hotlinekit.hashing.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference vectors in the repository's own {@code testdata/} folder (each subfolder has a
 * README with the vectors' origin and licence). Missing data fails the test (it never skips): a
 * green run must mean the vectors were checked.
 */
public final class TestData {
  private TestData() {}

  /**
   * The repository's test data folder: the {@code hotlinekit.testdata} system property (set by the
   * build), or else the nearest {@code testdata/} above the working directory.
   *
   * @return the {@code testdata} folder
   */
  public static Path root() {
    String configured = System.getProperty("hotlinekit.testdata");
    List<Path> candidates = new ArrayList<>();
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      candidates.add(p.resolve("testdata"));
    }
    for (Path c : candidates) {
      if (Files.isDirectory(c.resolve("pdq"))) {
        return c.normalize();
      }
    }
    return fail("the repository's testdata/ folder was not found; looked in " + candidates);
  }

  /**
   * A file or folder under the test data, which must exist.
   *
   * @param relative e.g. {@code "pdq/expected/pdq-cpp.csv"}
   * @return its path
   */
  public static Path resolve(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      fail("missing test data: " + p);
    }
    return p;
  }

  /**
   * The lines of a test data text file, without comment lines (starting with {@code #}) and blanks.
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
