package org.hotlinekit.hashing.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON-lines files of a team's verdicts ({@link Disputes}, {@link FloodGuard}'s
 * state): one object per line, blank lines skipped, every error naming {@code file:line}.
 */
final class JsonLinesFile {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonLinesFile() {}

  /** What takes each object, with the {@code file:line: } prefix for its errors. */
  @FunctionalInterface
  interface Line {
    void accept(JsonNode object, String at);
  }

  /**
   * Hands every line's object to {@code each}, in order.
   *
   * @throws InputReadException if the file cannot be read
   * @throws MalformedInputException at the first line that is not a JSON object, or that
   *     {@code each} refuses
   */
  static void read(Path file, Line each) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String at = file + ":" + number + ": ";
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (JacksonException e) {
          throw new MalformedInputException(at + "not a JSON object: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
          throw new MalformedInputException(at + "not a JSON object");
        }
        each.accept(n, at);
      }
    } catch (IOException e) {
      throw InputReadException.of(file, e);
    }
  }
}
