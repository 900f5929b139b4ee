package org.hotlinekit.hashing.list;

import java.io.BufferedReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the elements of one array in a JSON document, one element tree at a time, so a
 * document of millions of records never has to be held whole.
 */
final class JsonArrays {
  private JsonArrays() {}

  static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Receives one element and the line it starts on. */
  @FunctionalInterface
  interface Handler {
    void element(JsonNode node, long line);
  }

  /**
   * Reads a document that is either the array itself or an object holding it under {@code
   * field}; other top-level fields are skipped.
   *
   * @return the last line read
   */
  static long each(BufferedReader in, Problems problems, String what, String field,
      Handler handler) {
    long line = 1;
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        boolean found = false;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          t = p.nextToken();
          if (name.equals(field) && t == JsonToken.START_ARRAY && !found) {
            found = true;
            elements(p, problems, handler);
          } else if (name.equals(field)) {
            throw problems.fatal(p.currentTokenLocation().getLineNr(),
                "'" + field + "' must be one array", null);
          } else {
            p.skipChildren();
          }
        }
        if (!found) {
          throw problems.fatal(p.currentTokenLocation().getLineNr(),
              "not " + what + ": no '" + field + "' array", null);
        }
      } else if (t == JsonToken.START_ARRAY) {
        elements(p, problems, handler);
      } else {
        throw problems.fatal(1, "not " + what + ": expected a JSON object or array", null);
      }
      line = p.currentLocation().getLineNr();
      if (p.nextToken() != null) {
        throw problems.fatal(p.currentTokenLocation().getLineNr(),
            "unexpected content after the JSON document", null);
      }
      return line;
    } catch (JacksonException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw problems.fatal(at, "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void elements(JsonParser p, Problems problems, Handler handler) {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      JsonNode node = JSON.readTree(p);
      handler.element(node, line);
    }
  }

  /** A string field, or null if absent; a non-string is an error. */
  static String string(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new org.hotlinekit.core.MalformedInputException("field '" + key + "' must be a string");
    }
    return v.asString();
  }
}
