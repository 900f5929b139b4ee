package org.hotlinekit.iccam.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON tree in which every value knows its line and column, built with Jackson's streaming
 * parser under explicit limits: duplicate member names, strings over the limit, nesting deeper
 * than the limit and numbers outside IEEE double range are refused where they occur.
 */
public final class LocatedJson {
  private LocatedJson() {}

  /** A value and where it starts. */
  public static final class Node {
    public final Object value; // Map<String, Node>, List<Node>, String, BigDecimal, Boolean, null
    public final int line;
    public final int column;

    Node(Object value, int line, int column) {
      this.value = value;
      this.line = line;
      this.column = column;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Node> object() {
      return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    public List<Node> array() {
      return (List<Node>) value;
    }

    public boolean isObject() {
      return value instanceof Map;
    }

    public boolean isArray() {
      return value instanceof List;
    }

    public boolean isString() {
      return value instanceof String;
    }

    public boolean isNumber() {
      return value instanceof BigDecimal;
    }

    public boolean isBoolean() {
      return value instanceof Boolean;
    }

    public boolean isNull() {
      return value == null;
    }
  }

  /** Where and why parsing stopped. */
  public static final class SyntaxError extends MalformedInputException {
    private static final long serialVersionUID = 1L;
    public final int line;
    public final int column;
    public final String reason;

    SyntaxError(String name, int line, int column, String reason, Throwable cause) {
      super(name + ":" + line + ":" + column + ": " + reason, cause);
      this.line = line;
      this.column = column;
      this.reason = reason;
    }
  }

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE) // the document size is capped by the caller
          .maxNumberLength(64).build()).build();

  /**
   * Parses a whole UTF-8 document (the caller has checked that it is UTF-8 and capped its size).
   */
  public static Node parse(byte[] text, String name, int maxStringLength, int maxDepth) {
    if (text.length >= 3 && (text[0] & 0xff) == 0xEF && (text[1] & 0xff) == 0xBB
        && (text[2] & 0xff) == 0xBF) {
      throw new SyntaxError(name, 1, 1, "a byte order mark is not allowed (RFC 7493)", null);
    }
    refuseNulStart(text, Math.min(4, text.length), name);
    try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(),
        text)) {
      return root(p, name, maxStringLength, maxDepth, null, null);
    } catch (JacksonException e) {
      throw translate(e, name);
    }
  }

  /**
   * Parses a UTF-8 document from a stream, handing the elements of one array member of the root
   * object to {@code elements} as each is parsed instead of keeping them: in the tree returned,
   * that member is an empty array (the caller counts what it was given). Only one element is held
   * at a time, so a document of any size is parsed in the memory of its largest element. Like
   * {@link #parse}, the caller checks the text is UTF-8 (here, as it passes) and caps its size;
   * a byte order mark is refused as the stream starts with it.
   *
   * @param in the text, read to its end (not closed)
   * @param name the name used in errors
   * @param maxStringLength the longest string
   * @param maxDepth the deepest nesting
   * @param member the root member whose array elements are streamed
   * @param elements receives them, in order
   * @return the root without those elements
   * @throws SyntaxError for text that is not one JSON value
   * @throws java.io.UncheckedIOException if reading the stream fails
   */
  public static Node parse(java.io.InputStream in, String name, int maxStringLength,
      int maxDepth, String member, java.util.function.Consumer<Node> elements) {
    // Jackson closes its source with the parser; the caller's stream stays open. A failure of
    // the stream itself is marked, to tell it from Jackson's own decoding errors (also
    // IOExceptions, such as a text that looks like UTF-32), which are the text's problems.
    java.io.PushbackInputStream pb = new java.io.PushbackInputStream(
        new java.io.FilterInputStream(in) {
          @Override
          public int read() throws java.io.IOException {
            try {
              return in.read();
            } catch (java.io.IOException e) {
              throw new SourceFailure(e);
            }
          }

          @Override
          public int read(byte[] b, int off, int len) throws java.io.IOException {
            try {
              return in.read(b, off, len);
            } catch (java.io.IOException e) {
              throw new SourceFailure(e);
            }
          }

          @Override
          public void close() {
            // Left to the caller.
          }
        }, 4);
    try {
      byte[] head = pb.readNBytes(4);
      if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
          && (head[2] & 0xff) == 0xBF) {
        throw new SyntaxError(name, 1, 1, "a byte order mark is not allowed (RFC 7493)", null);
      }
      refuseNulStart(head, head.length, name);
      pb.unread(head);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e instanceof SourceFailure
          ? (java.io.IOException) e.getCause() : e);
    }
    try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), pb)) {
      return root(p, name, maxStringLength, maxDepth, member, elements);
    } catch (JacksonException e) {
      if (e.getCause() instanceof SourceFailure) {
        throw new java.io.UncheckedIOException((java.io.IOException) e.getCause().getCause());
      }
      throw translate(e, name); // as parse(byte[]) reports it
    }
  }

  /**
   * Refuses a NUL byte among the first four: never JSON text (RFC 8259: control characters only
   * escaped, inside strings), and the pattern by which Jackson would take the text for UTF-16 or
   * UTF-32 and report it in its own terms, differently for bytes and for a stream.
   */
  private static void refuseNulStart(byte[] head, int n, String name) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        throw new SyntaxError(name, line, i - lineStart + 1,
            "not valid JSON: a NUL byte (the text must be UTF-8 JSON)", null);
      }
      if (head[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
  }

  /** An IOException of the stream being parsed, as opposed to one of Jackson's decoding. */
  private static final class SourceFailure extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(java.io.IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static Node root(JsonParser p, String name, int maxString, int maxDepth,
      String member, java.util.function.Consumer<Node> elements) {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new SyntaxError(name, 1, 1, "empty document", null);
    }
    Node root = member == null || t != JsonToken.START_OBJECT
        ? value(p, t, name, maxString, maxDepth, 0)
        : streamedRoot(p, name, maxString, maxDepth, member, elements);
    if (p.nextToken() != null) {
      throw error(p, name, "unexpected content after the JSON document");
    }
    return root;
  }

  /** The root object, as {@link #value} parses it, but the member's array elements handed on. */
  private static Node streamedRoot(JsonParser p, String name, int maxString, int maxDepth,
      String member, java.util.function.Consumer<Node> elements) {
    return object(p, name, maxString, maxDepth, 0, member, elements);
  }

  /**
   * An object, at its START_OBJECT; with a {@code member}, that member's array elements go to
   * {@code elements} and the member is kept as an empty array.
   */
  private static Node object(JsonParser p, String name, int maxString, int maxDepth, int depth,
      String member, java.util.function.Consumer<Node> elements) {
    int line = p.currentTokenLocation().getLineNr();
    int col = p.currentTokenLocation().getColumnNr();
    if (depth >= maxDepth) {
      throw new SyntaxError(name, line, col, "nested deeper than " + maxDepth, null);
    }
    Map<String, Node> m = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      int kl = p.currentTokenLocation().getLineNr();
      int kc = p.currentTokenLocation().getColumnNr();
      if (m.containsKey(key)) {
        throw new SyntaxError(name, kl, kc, "duplicate member '" + printable(key) + "'", null);
      }
      JsonToken v = p.nextToken();
      if (member != null && member.equals(key) && v == JsonToken.START_ARRAY) {
        int al = p.currentTokenLocation().getLineNr();
        int ac = p.currentTokenLocation().getColumnNr();
        if (depth + 1 >= maxDepth) {
          throw new SyntaxError(name, al, ac, "nested deeper than " + maxDepth, null);
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          elements.accept(value(p, t, name, maxString, maxDepth, depth + 2));
        }
        m.put(key, new Node(List.of(), al, ac));
      } else {
        m.put(key, value(p, v, name, maxString, maxDepth, depth + 1));
      }
    }
    return new Node(m, line, col);
  }

  private static RuntimeException translate(JacksonException e, String name) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    String msg = e.getOriginalMessage();
    if (msg != null && (msg.contains("exceeds the maximum") || msg.contains("exceeds"))) {
      return new LimitExceededException(name + ":" + line + ":" + col + ": " + msg, e);
    }
    return new SyntaxError(name, line, col, "not valid JSON: " + msg, e);
  }

  private static Node value(JsonParser p, JsonToken t, String name, int maxString, int maxDepth,
      int depth) {
    int line = p.currentTokenLocation().getLineNr();
    int col = p.currentTokenLocation().getColumnNr();
    switch (t) {
      case START_OBJECT:
        return object(p, name, maxString, maxDepth, depth, null, null);
      case START_ARRAY: {
        if (depth >= maxDepth) {
          throw new SyntaxError(name, line, col, "nested deeper than " + maxDepth, null);
        }
        List<Node> a = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          a.add(value(p, t, name, maxString, maxDepth, depth + 1));
        }
        return new Node(a, line, col);
      }
      case VALUE_STRING: {
        String s = p.getString();
        if (s.length() > maxString) {
          throw new LimitExceededException(name + ":" + line + ":" + col + ": a string of "
              + s.length() + " characters is over the limit of " + maxString);
        }
        return new Node(s, line, col);
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: {
        BigDecimal d = p.getDecimalValue();
        double dv = d.doubleValue();
        if (Double.isInfinite(dv)) {
          throw new SyntaxError(name, line, col, "number outside the IEEE double range", null);
        }
        return new Node(d, line, col);
      }
      case VALUE_TRUE:
        return new Node(Boolean.TRUE, line, col);
      case VALUE_FALSE:
        return new Node(Boolean.FALSE, line, col);
      case VALUE_NULL:
        return new Node(null, line, col);
      default:
        throw error(p, name, "unexpected token " + t);
    }
  }

  private static SyntaxError error(JsonParser p, String name, String reason) {
    return new SyntaxError(name, p.currentTokenLocation().getLineNr(),
        p.currentTokenLocation().getColumnNr(), reason, null);
  }

  /** A short, printable excerpt of untrusted text. */
  public static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    StringBuilder b = new StringBuilder();
    for (char c : cut.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }
}
