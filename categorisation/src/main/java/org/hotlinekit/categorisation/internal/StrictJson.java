package org.hotlinekit.categorisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of small JSON documents: duplicate keys, unknown fields, wrong types and unknown
 * enum values are errors naming the document and the field ({@code facts.json: field
 * 'persons[0].ageGroup': ...}). Enum values are written in lower case with underscores.
 */
public final class StrictJson {
  private StrictJson() {}

  /** The largest document read: facts, profiles and vocabularies are small. */
  public static final int MAX_BYTES = 8 << 20;

  public static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
              .maxStringLength(1 << 20).build()).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Reads a whole document from a file. */
  public static JsonNode read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new LimitExceededException(file + ": larger than " + MAX_BYTES + " bytes");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (CharacterCodingException e) {
      throw new MalformedInputException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw InputReadException.of(file, e);
    }
  }

  /** Reads a bundled resource. */
  public static JsonNode resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource missing: " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new IllegalStateException("bundled resource unreadable: " + name, e);
    }
  }

  /** Reads a whole document from a reader. */
  public static JsonNode read(Reader in, String name) {
    try {
      char[] buf = new char[8192];
      StringBuilder b = new StringBuilder();
      int n;
      while ((n = in.read(buf)) > 0) {
        b.append(buf, 0, n);
        if (b.length() > MAX_BYTES) {
          throw new LimitExceededException(name + ": larger than " + MAX_BYTES + " characters");
        }
      }
      return parse(b.toString(), name);
    } catch (IOException e) {
      throw new InputReadException(name + ": " + InputReadException.reason(e), e);
    }
  }

  /** Parses a document. */
  public static JsonNode parse(String text, String name) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedInputException(name + ": empty document");
      }
      return node;
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? ""
          : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
      throw new MalformedInputException(name + ":" + where + "not valid JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** A reading position: the document name and the path of a node in it. */
  public static final class At {
    private final String name;
    private final String path;
    private final JsonNode node;

    public At(String name, JsonNode node) {
      this(name, "", node);
    }

    private At(String name, String path, JsonNode node) {
      this.name = name;
      this.path = path;
      this.node = node;
    }

    public JsonNode node() {
      return node;
    }

    public String path() {
      return path;
    }

    public MalformedInputException error(String message) {
      return new MalformedInputException(
          name + ": " + (path.isEmpty() ? "" : "field '" + path + "': ") + message);
    }

    /**
     * Checks a document's {@code format} and {@code formatVersion} members.
     *
     * @param format the expected format name
     * @param version the only version this reader reads
     * @param what the document kind in the message, e.g. "facts"
     */
    public void formatHeader(String format, int version, String what) {
      formatHeader(format, version, version, what);
    }

    /**
     * Checks the format name and that the version is one of {@code oldest..newest}.
     *
     * @return the version
     */
    public int formatHeader(String format, int oldest, int newest, String what) {
      if (!format.equals(required("format").string())) {
        throw required("format").error("must be \"" + format + "\"");
      }
      int v = required("formatVersion").integer(1, Integer.MAX_VALUE);
      if (v < oldest || v > newest) {
        throw new UnsupportedInputException(what + " format version " + v
            + " is not supported (this reads " + (oldest == newest ? "version " + newest
            : "versions " + oldest + " to " + newest) + ")");
      }
      return v;
    }

    /** This node must be an object with only these fields. */
    public At object(String... allowed) {
      if (!node.isObject()) {
        throw error("must be a JSON object");
      }
      Set<String> ok = Set.of(allowed);
      for (String k : node.propertyNames()) {
        if (!ok.contains(k)) {
          throw child(k, node.get(k)).error("unknown field");
        }
      }
      return this;
    }

    private At child(String key, JsonNode value) {
      return new At(name, path.isEmpty() ? key : path + "." + key, value);
    }

    /** A field that must be present. */
    public At required(String key) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        throw new At(name, path.isEmpty() ? key : path + "." + key, null)
            .error("missing required field");
      }
      return child(key, v);
    }

    /** A field that may be absent (or null). */
    public Optional<At> optional(String key) {
      JsonNode v = node.get(key);
      return v == null || v.isNull() ? Optional.empty() : Optional.of(child(key, v));
    }

    /** The elements of this array. */
    public List<At> elements() {
      if (!node.isArray()) {
        throw error("must be an array");
      }
      List<At> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        out.add(new At(name, path + "[" + i + "]", node.get(i)));
      }
      return out;
    }

    /** The properties of this object, each as a position. */
    public List<String> keys() {
      if (!node.isObject()) {
        throw error("must be a JSON object");
      }
      return new ArrayList<>(node.propertyNames());
    }

    /** The value of a property of this object. */
    public At get(String key) {
      return child(key, node.get(key));
    }

    public String string() {
      if (!node.isString()) {
        throw error("must be a string");
      }
      return node.asString();
    }

    public String nonBlank() {
      String s = string();
      if (s.isBlank()) {
        throw error("must not be empty");
      }
      return s;
    }

    public int integer(int min, int max) {
      if (!node.isIntegralNumber() || !node.canConvertToInt()
          || node.asInt() < min || node.asInt() > max) {
        throw error("must be a whole number " + min + ".." + max);
      }
      return node.asInt();
    }

    public double number(double min, double max) {
      if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max
          || Double.isNaN(node.asDouble())) {
        throw error("must be a number " + min + ".." + max);
      }
      return node.asDouble();
    }

    /** An enum constant written in lower case ({@code pre_pubescent}). */
    public <E extends Enum<E>> E enumValue(Class<E> type) {
      String s = string();
      for (E e : type.getEnumConstants()) {
        if (json(e).equals(s)) {
          return e;
        }
      }
      StringBuilder all = new StringBuilder();
      for (E e : type.getEnumConstants()) {
        all.append(all.length() == 0 ? "" : ", ").append(json(e));
      }
      throw error("unknown value '" + printable(s) + "' (expected one of: " + all + ")");
    }
  }

  /** The JSON spelling of an enum constant. */
  public static String json(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** The JSON spellings of all constants of an enum. */
  public static List<String> json(Class<? extends Enum<?>> type) {
    List<String> out = new ArrayList<>();
    Arrays.stream(type.getEnumConstants()).forEach(e -> out.add(json(e)));
    return out;
  }

  static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    StringBuilder b = new StringBuilder();
    for (char c : cut.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }
}
