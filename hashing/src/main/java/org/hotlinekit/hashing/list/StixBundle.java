package org.hotlinekit.hashing.list;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.MalformedInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * STIX 2.1 bundles. Reading: every {@code file} object's {@code hashes} ({@code MD5}, {@code
 * SHA-1}, {@code SHA-256}, and the bilateral custom keys {@code PDQ} and {@code PhotoDNA}; other
 * hash kinds are passed over) with the object's id as entry id, and every {@code indicator} with
 * {@code pattern_type} {@code stix} whose pattern is one or more {@code file:hashes.KEY = 'value'}
 * comparisons joined by {@code OR} (entry id: the indicator's {@code name}, else its id; label:
 * the first of its {@code labels}; added: {@code valid_from}). Other objects are ignored.
 * Writing: one indicator per entry, with a deterministic id (UUID version 5 of the entry).
 */
final class StixBundle extends HashListFormat {
  @Override
  public String name() {
    return "stix";
  }

  /** hotlinekit's namespace for version-5 UUIDs of STIX objects. */
  private static final UUID NAMESPACE = UUID.fromString("6f1e5a3c-2b8d-4c57-9a0e-7d4b1f2c8e91");

  private static final Map<String, HashType> KEYS = Map.of("MD5", HashType.MD5, "SHA-1",
      HashType.SHA1, "SHA-256", HashType.SHA256, "PDQ", HashType.PDQ, "PhotoDNA",
      HashType.PHOTODNA);

  private static final Pattern COMPARISON = Pattern.compile(
      "file:hashes\\.(?:'([^']{1,256})'|([A-Za-z0-9_-]{1,256}))\\s*=\\s*'([^'\\\\]*)'");
  private static final Pattern GLUE = Pattern.compile("[\\s\\[\\]]*|(?:[\\s\\[\\]]*OR[\\s\\[\\]]*)");

  private final Instant created;

  StixBundle(Instant created) {
    this.created = created;
  }

  @Override
  ReadReport readText(BufferedReader in, String name, boolean strict,
      Consumer<HashListEntry> sink, Consumer<Withdrawal> withdrawals) {
    Problems problems = new Problems(name, strict, withdrawals);
    long lines = JsonArrays.each(in, problems, "a STIX 2.1 bundle", "objects", (node, line) -> {
      List<HashListEntry> found;
      try {
        found = parse(node);
      } catch (HotlinekitException e) {
        problems.reject(line, e.getMessage(), e);
        return;
      }
      for (HashListEntry e : found) {
        sink.accept(e);
        problems.delivered(e);
      }
    });
    return problems.report(lines);
  }

  private static List<HashListEntry> parse(JsonNode node) {
    if (!node.isObject()) {
      throw new MalformedInputException("a STIX object must be a JSON object");
    }
    String type = JsonArrays.string(node, "type");
    if (type == null) {
      throw new MalformedInputException("missing field 'type'");
    }
    String id = JsonArrays.string(node, "id");
    if (type.equals("file")) {
      if (id == null || id.isEmpty()) {
        throw new MalformedInputException("file object without an 'id'");
      }
      JsonNode hashes = node.get("hashes");
      if (hashes == null || !hashes.isObject()) {
        throw new MalformedInputException("file " + printable(id) + ": no 'hashes' object");
      }
      List<HashListEntry> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> h : hashes.properties()) {
        HashType t = type(h.getKey());
        if (!h.getValue().isString()) {
          throw new MalformedInputException(
              "file " + printable(id) + ": hash '" + printable(h.getKey()) + "' is not a string");
        }
        out.add(HashListEntry.builder(id, value(t, h.getValue().asString(), id)).build());
      }
      return out;
    }
    if (type.equals("indicator")) {
      String patternType = JsonArrays.string(node, "pattern_type");
      String pattern = JsonArrays.string(node, "pattern");
      if (!"stix".equals(patternType) || pattern == null) {
        throw new MalformedInputException(
            "indicator " + printable(String.valueOf(id)) + ": only STIX patterns are supported");
      }
      String name = JsonArrays.string(node, "name");
      String entryId = name != null && !name.isEmpty() ? name : id;
      if (entryId == null || entryId.isEmpty()) {
        throw new MalformedInputException("indicator without an 'id'");
      }
      String label = null;
      JsonNode labels = node.get("labels");
      if (labels != null) {
        if (!labels.isArray() || (labels.size() > 0 && !labels.get(0).isString())) {
          throw new MalformedInputException("field 'labels' must be an array of strings");
        }
        if (labels.size() > 0) {
          label = labels.get(0).asString();
        }
      }
      Instant added = null;
      String validFrom = JsonArrays.string(node, "valid_from");
      if (validFrom != null) {
        try {
          added = Instant.parse(validFrom);
        } catch (DateTimeParseException e) {
          throw new MalformedInputException("field 'valid_from' is not an RFC 3339 timestamp");
        }
      }
      List<HashListEntry> out = new ArrayList<>();
      Matcher m = COMPARISON.matcher(pattern);
      int last = 0;
      while (m.find()) {
        glue(pattern.substring(last, m.start()), id);
        last = m.end();
        String key = m.group(1) != null ? m.group(1) : m.group(2);
        HashType t = type(key);
        HashListEntry.Builder b = HashListEntry.builder(entryId, value(t, m.group(3), entryId));
        if (label != null && !label.isEmpty()) {
          b.label(label);
        }
        if (added != null) {
          b.added(added);
        }
        out.add(b.build());
      }
      glue(pattern.substring(last), id);
      if (last == 0) {
        throw new MalformedInputException("indicator " + printable(String.valueOf(id))
            + ": the pattern compares no file hash");
      }
      return out;
    }
    return List.of();
  }

  /** Text between comparisons may only be brackets, white space and OR. */
  private static void glue(String between, String id) {
    if (!GLUE.matcher(between).matches()) {
      throw new MalformedInputException("indicator " + printable(String.valueOf(id))
          + ": unsupported pattern (only file hash comparisons joined by OR)");
    }
  }

  /** The type of a STIX hash key; keys hotlinekit cannot compare are carried. */
  private static HashType type(String key) {
    HashType t = KEYS.get(key);
    if (t != null) {
      return t;
    }
    try {
      return HashType.carried(key);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("hash key: " + e.getMessage(), e);
    }
  }

  private static HashValue value(HashType t, String text, String id) {
    try {
      if (t.isCarried()) {
        return HashValue.carried(t, text);
      }
      return t == HashType.PHOTODNA
          ? HashValue.parsePhotoDna(text)
          : HashValue.parse(t, text.toLowerCase(Locale.ROOT));
    } catch (HotlinekitException e) {
      throw new MalformedInputException(printable(id) + ": " + e.getMessage(), e);
    }
  }

  @Override
  void writeText(Iterable<HashListEntry> entries, Writer out) throws IOException {
    out.write("{\"type\": \"bundle\", \"id\": \"bundle--" + uuid5("bundle\n" + created) + "\", \"objects\": [");
    boolean first = true;
    for (HashListEntry e : entries) {
      ObjectNode n = JsonArrays.JSON.createObjectNode();
      String time = e.added().orElse(created).toString();
      n.put("type", "indicator");
      n.put("spec_version", "2.1");
      n.put("id", "indicator--" + uuid5(e.id() + "\n" + e.hash().type().id() + "\n" + e.hash()));
      n.put("created", time);
      n.put("modified", time);
      n.put("name", e.id());
      if (e.label().isPresent()) {
        n.putArray("labels").add(e.label().get());
      }
      n.put("pattern", "[file:hashes." + key(e.hash().type()) + " = '" + e.hash() + "']");
      n.put("pattern_type", "stix");
      n.put("valid_from", time);
      out.write(first ? "\n  " : ",\n  ");
      out.write(JsonArrays.JSON.writeValueAsString(n));
      first = false;
    }
    out.write("\n]}\n");
  }

  private static String key(HashType t) {
    if (t == HashType.MD5) {
      return "MD5";
    }
    if (t == HashType.SHA1) {
      return "'SHA-1'";
    }
    if (t == HashType.SHA256) {
      return "'SHA-256'";
    }
    if (t == HashType.PDQ) {
      return "PDQ";
    }
    if (t == HashType.PHOTODNA) {
      return "PhotoDNA";
    }
    if (!t.isCarried()) {
      throw new IllegalArgumentException("STIX file hashes have no key for " + t.id());
    }
    // A carried key is written as it was read (quoted unless a plain STIX identifier).
    return t.id().matches("[A-Za-z0-9_]+") ? t.id() : "'" + t.id() + "'";
  }

  /** A name-based UUID, version 5 (SHA-1), in hotlinekit's namespace (RFC 9562). */
  static UUID uuid5(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(java.nio.ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
          .putLong(NAMESPACE.getLeastSignificantBits()).array());
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JDK", e);
    }
  }
}
