package org.hotlinekit.iccam.json;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hotlinekit.categorisation.assertion.Assessor;
import org.hotlinekit.categorisation.assertion.Basis;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.FactsJson;
import org.hotlinekit.categorisation.scheme.SchemeRef;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.iccam.internal.LocatedJson;
import org.hotlinekit.iccam.internal.LocatedJson.Node;
import org.hotlinekit.iccam.model.Action;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.Actor;
import org.hotlinekit.iccam.model.AgeCategory;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.Classification;
import org.hotlinekit.iccam.model.CodeLists;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Fingerprint;
import org.hotlinekit.iccam.model.Gender;
import org.hotlinekit.iccam.model.Hosting;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.workflow.Workflow;
import org.hotlinekit.iccam.workflow.WorkflowException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes report documents (format {@code hotlinekit-reports}, version 1). Reading is
 * strict: duplicate members, unknown {@code crit} entries, another major version, wrong types,
 * unknown codes, invalid workflow sequences and oversized input are refused, each with its {@code
 * line:column}; every problem in the document is collected ({@link ReportFormatException}). Unknown
 * members are refused unless {@link Builder#ignoreUnknownFields()} is set, which skips and lists
 * them instead. Writing is deterministic: members in a fixed order, two-space indentation, {@code
 * \n} line ends, so the same reports give the same bytes.
 *
 * <p>The document and every field are described in {@code hotlinekit-reports-1.schema.json}
 * (JSON Schema 2020-12), shipped in this artifact at {@link #SCHEMA_RESOURCE}.
 */
public final class ReportJson {
  /** The {@code format} member's value. */
  public static final String FORMAT = "hotlinekit-reports";
  /** The major version this code reads and writes. */
  public static final int VERSION = 1;
  /** The classpath resource of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/org/hotlinekit/iccam/json/hotlinekit-reports-1.schema.json";

  /**
   * The databind mapper, for handing the facts a report carries to their reader: made on first
   * use, since making the first one costs a fresh process tens of milliseconds (about 77 ms
   * measured), and neither writing nor reading a document without facts needs it.
   */
  private static final class Mapper {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Mapper() {}
  }
  private static final Set<String> CRIT_UNDERSTOOD = Set.of();

  private final boolean ignoreUnknown;
  private final long maxBytes;
  private final int maxStringLength;

  private ReportJson(Builder b) {
    this.ignoreUnknown = b.ignoreUnknown;
    this.maxBytes = b.maxBytes;
    this.maxStringLength = b.maxStringLength;
  }

  /**
   * A reader/writer with the defaults: unknown members refused, 64 MiB per document, strings up
   * to 64 KiB.
   *
   * @return the default instance
   */
  public static ReportJson strict() {
    return builder().build();
  }

  /**
   * Starts configuring.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What a read produced: the document, and the unknown members skipped (only with {@link
   * Builder#ignoreUnknownFields()}).
   *
   * @param document the document
   * @param ignored the unknown members skipped, with their locations
   */
  public record Result(ReportDocument document, List<Problem> ignored) {
    /**
     * Copies.
     *
     * @param document the document
     * @param ignored the ignored members
     */
    public Result {
      Objects.requireNonNull(document, "document");
      ignored = List.copyOf(ignored);
    }
  }

  /**
   * Reads a document file.
   *
   * @param file the file
   * @return the document and what was skipped
   * @throws ReportFormatException listing every problem, if the document is invalid
   * @throws UnsupportedInputException for another format, major version or an unknown crit entry
   * @throws LimitExceededException if the file or a string is over the limits
   * @throws InputReadException if the file cannot be read
   */
  public Result read(Path file) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new LimitExceededException(file + ": " + size + " bytes is over the limit of "
            + maxBytes + " (split the export into batches)");
      }
      return read(readFile(file, (int) size), file.toString());
    } catch (IOException e) {
      throw InputReadException.of(file, e);
    }
  }

  /**
   * The file's bytes, read in slices of 1 MiB: the JDK reads a heap array through a native
   * buffer of the size asked for, which for {@code Files.readAllBytes} of 64 MB is 64 MB more
   * memory.
   */
  private static byte[] readFile(Path file, int size) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      byte[] out = new byte[size];
      int at = 0;
      while (at < size) {
        int n = ch.read(java.nio.ByteBuffer.wrap(out, at, Math.min(1 << 20, size - at)));
        if (n < 0) {
          return java.util.Arrays.copyOf(out, at); // shorter than it was a moment ago
        }
        at += n;
      }
      if (ch.read(java.nio.ByteBuffer.allocate(1)) > 0) {
        throw new LimitExceededException(file + ": the file grew while it was read");
      }
      return out;
    }
  }

  /**
   * Reads a document.
   *
   * @param bytes the UTF-8 text
   * @param name the name used in problems
   * @return the document and what was skipped
   * @throws ReportFormatException listing every problem, if the document is invalid
   * @throws UnsupportedInputException for another format, major version or an unknown crit entry
   * @throws LimitExceededException if the input or a string is over the limits
   */
  public Result read(byte[] bytes, String name) {
    if (bytes.length > maxBytes) {
      throw new LimitExceededException(name + ": " + bytes.length + " bytes is over the limit of "
          + maxBytes + " (split the export into batches)");
    }
    if (!ascii(bytes)) {
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        throw new ReportFormatException(List.of(new Problem(name, 1, 1, "not UTF-8 text")));
      }
    }
    Node root;
    try {
      root = LocatedJson.parse(bytes, name, maxStringLength, 64);
    } catch (LocatedJson.SyntaxError e) {
      throw new ReportFormatException(List.of(new Problem(name, e.line, e.column, e.reason)));
    }
    Reader r = new Reader(name);
    ReportDocument doc = r.document(root);
    if (!r.problems.isEmpty()) {
      throw new ReportFormatException(r.problems);
    }
    return new Result(doc, r.ignored);
  }

  /**
   * What a document read as a stream held: how many reports, its packet header, and the unknown
   * members skipped (only with {@link Builder#ignoreUnknownFields()}).
   *
   * @param reports the number of reports, at least one
   * @param packet the packet header, if the document has one
   * @param ignored the unknown members skipped, with their locations
   */
  public record Summary(int reports, Optional<PacketInfo> packet, List<Problem> ignored) {
    /**
     * Copies.
     *
     * @param reports the number of reports
     * @param packet the packet header
     * @param ignored the ignored members
     */
    public Summary {
      if (reports < 1) {
        throw new IllegalArgumentException("a document has at least one report");
      }
      Objects.requireNonNull(packet, "packet");
      ignored = List.copyOf(ignored);
    }
  }

  /**
   * Checks a document file as {@link #read(Path)} does, without holding it: one report at a
   * time, so a document of any size within the limit is checked in the memory of its largest
   * report. Accepts and refuses exactly what {@code read} accepts and refuses.
   *
   * @param file the file
   * @return what it holds
   * @throws ReportFormatException listing every problem, if the document is invalid
   * @throws UnsupportedInputException for another format, major version or an unknown crit entry
   * @throws LimitExceededException if the file or a string is over the limits
   * @throws InputReadException if the file cannot be read
   */
  public Summary check(Path file) {
    return check(file, r -> { });
  }

  /**
   * Checks a document file as {@link #check(Path)} does, handing each valid report to {@code
   * each} as it is read, in document order (for checks of one's own over documents of any size).
   * The reports belong to a valid document only if this returns normally: when it throws, some
   * reports may have been handed on before the problem was found. An exception {@code each}
   * throws ends the check and is thrown on, unless the file turns out over the size limit or not
   * UTF-8 (which is said instead, as for any document).
   *
   * @param file the file
   * @param each what receives every valid report
   * @return what it holds
   * @throws ReportFormatException listing every problem, if the document is invalid
   * @throws UnsupportedInputException for another format, major version or an unknown crit entry
   * @throws LimitExceededException if the file or a string is over the limits
   * @throws InputReadException if the file cannot be read
   */
  public Summary check(Path file, java.util.function.Consumer<? super Report> each) {
    Objects.requireNonNull(each, "each");
    try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file),
        1 << 16)) {
      return stream(in, file.toString(), each::accept);
    } catch (java.io.UncheckedIOException e) {
      throw InputReadException.of(file, e.getCause());
    } catch (IOException e) {
      throw InputReadException.of(file, e);
    }
  }

  /**
   * Checks a document read from a stream (to its end), as {@link #read(byte[], String)} checks
   * the same bytes, holding one report at a time.
   *
   * @param in the UTF-8 text (not closed)
   * @param name the name used in problems
   * @return what it holds
   * @throws ReportFormatException listing every problem, if the document is invalid
   * @throws UnsupportedInputException for another format, major version or an unknown crit entry
   * @throws LimitExceededException if the input or a string is over the limits
   * @throws java.io.UncheckedIOException if reading the stream fails
   */
  public Summary check(java.io.InputStream in, String name) {
    return stream(in, name, r -> { });
  }

  /**
   * Reads a document from a stream and writes it, with the given packet header, in the compact
   * form {@link #writeCompact} gives that document with that header (the same bytes), one report
   * at a time: memory is that of the largest report, whatever the document's size. The output is
   * written as the input is read: when the document is refused, part of it has been written,
   * so write to a file that replaces the target only on success ({@code AtomicFiles}).
   *
   * @param in the UTF-8 text (not closed)
   * @param name the name used in problems
   * @param packet the packet header to write (any the document has is replaced)
   * @param out where the compact document goes (not closed)
   * @return what the document held (its own packet header, if any)
   * @throws ReportFormatException listing every problem, if the document is invalid
   * @throws UnsupportedInputException for another format, major version or an unknown crit entry
   * @throws LimitExceededException if the input or a string is over the limits
   * @throws java.io.UncheckedIOException if reading or writing fails
   */
  public Summary copyCompact(java.io.InputStream in, String name, PacketInfo packet,
      java.io.OutputStream out) {
    Objects.requireNonNull(packet, "packet");
    Objects.requireNonNull(out, "out");
    try (JsonGenerator g = generator(new java.io.FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush(); // the caller closes its own stream
          }
        }, false)) {
      g.writeStartObject();
      head(g, Optional.of(packet));
      g.writeName("reports");
      g.writeStartArray();
      Summary s = stream(in, name, r -> report(g, r));
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write('\n');
      return s;
    } catch (tools.jackson.core.exc.JacksonIOException e) {
      throw new java.io.UncheckedIOException(e.getCause() instanceof IOException
          ? (IOException) e.getCause() : new IOException(e.getMessage(), e));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads a document from a stream, handing each valid report on as it is read. */
  private Summary stream(java.io.InputStream raw, String name,
      java.util.function.Consumer<Report> each) {
    Objects.requireNonNull(raw, "in");
    Objects.requireNonNull(name, "name");
    org.hotlinekit.iccam.internal.TextInput in =
        new org.hotlinekit.iccam.internal.TextInput(raw, maxBytes);
    Reader head = new Reader(name);
    Reader body = new Reader(name); // the reports' problems, after the header's as read() has them
    Map<String, Integer> references = new java.util.HashMap<>();
    int[] seen = {0};
    int[] accepted = {0};
    Node root;
    try {
      root = LocatedJson.parse(in, name, maxStringLength, 64, "reports", n -> {
        seen[0]++;
        body.accept(n, references).ifPresent(r -> {
          accepted[0]++;
          each.accept(r);
        });
      });
    } catch (RuntimeException e) {
      // What read() finds first wins: the size, then the encoding, then this.
      try {
        in.drain();
      } catch (IOException drainFailed) {
        e.addSuppressed(drainFailed);
      }
      refuseText(in, name);
      if (e instanceof LocatedJson.SyntaxError) {
        LocatedJson.SyntaxError se = (LocatedJson.SyntaxError) e;
        throw new ReportFormatException(List.of(new Problem(name, se.line, se.column,
            se.reason)));
      }
      throw e;
    }
    refuseText(in, name);
    Optional<PacketInfo> packet = head.header(root);
    Node list = root.object().get("reports");
    head.reportsArray(root, list, seen[0]);
    head.problems.addAll(body.problems);
    head.ignored.addAll(body.ignored);
    head.end(root, accepted[0]);
    if (!head.problems.isEmpty()) {
      throw new ReportFormatException(head.problems);
    }
    return new Summary(accepted[0], packet, head.ignored);
  }

  private void refuseText(org.hotlinekit.iccam.internal.TextInput in, String name) {
    if (in.overLimit()) {
      throw new LimitExceededException(name + ": more than " + maxBytes + " bytes is over the"
          + " limit (split the export into batches)");
    }
    if (!in.utf8()) {
      throw new ReportFormatException(List.of(new Problem(name, 1, 1, "not UTF-8 text")));
    }
  }

  // ------------------------------------------------------------------------------------ reading

  /** Whether every byte is ASCII (then the text is valid UTF-8 without decoding it). */
  private static boolean ascii(byte[] b) {
    long or = 0;
    int i = 0;
    for (int end = b.length - 7; i < end; i += 8) {
      or |= (long) LONGS.get(b, i); // eight bytes per step: the high bit of any of them
    }
    for (; i < b.length; i++) {
      or |= b[i];
    }
    return (or & 0x8080_8080_8080_8080L) == 0;
  }

  private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** Thrown inside the reader to abandon one value; the problem is already recorded. */
  private static final class Skip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skip() {
      super(null, null, false, false);
    }
  }

  private final class Reader {
    final String name;
    final List<Problem> problems = new ArrayList<>();
    final List<Problem> ignored = new ArrayList<>();

    Reader(String name) {
      this.name = name;
    }

    Skip problem(Node at, String reason) {
      problems.add(new Problem(name, at.line, at.column, reason));
      return new Skip();
    }

    ReportDocument document(Node root) {
      Optional<PacketInfo> packet = header(root);
      List<Report> reports = new ArrayList<>();
      Node list = root.object().get("reports");
      if (reportsArray(root, list, list == null || !list.isArray() ? 0 : list.array().size())) {
        Map<String, Integer> references = new java.util.HashMap<>();
        for (Node n : list.array()) {
          accept(n, references).ifPresent(reports::add);
        }
      }
      end(root, reports.size());
      return new ReportDocument(reports, packet);
    }

    /**
     * The document's own members: format, version and crit (refused at once when not
     * understood), unknown members, the packet header and the code lists.
     */
    Optional<PacketInfo> header(Node root) {
      if (!root.isObject()) {
        throw new ReportFormatException(List.of(new Problem(name, root.line, root.column,
            "a report document is a JSON object")));
      }
      Map<String, Node> m = root.object();
      Node format = m.get("format");
      if (format == null || !FORMAT.equals(format.value)) {
        throw new UnsupportedInputException(name + ":" + (format == null ? root.line
            : format.line) + ":" + (format == null ? root.column : format.column)
            + ": not a hotlinekit report document (\"format\" must be \"" + FORMAT + "\")");
      }
      Node version = m.get("version");
      if (version == null || !version.isNumber()
          || ((BigDecimal) version.value).compareTo(BigDecimal.valueOf(VERSION)) != 0) {
        Node at = version == null ? root : version;
        throw new UnsupportedInputException(name + ":" + at.line + ":" + at.column
            + ": report format version " + (version == null ? "(missing)" : version.value)
            + " is not supported (this reader reads version " + VERSION + ")");
      }
      Node crit = m.get("crit");
      if (crit != null) {
        if (!crit.isArray()) {
          throw new ReportFormatException(List.of(new Problem(name, crit.line, crit.column,
              "\"crit\" must be an array of strings")));
        }
        for (Node c : crit.array()) {
          if (!c.isString() || !CRIT_UNDERSTOOD.contains((String) c.value)) {
            throw new UnsupportedInputException(name + ":" + c.line + ":" + c.column
                + ": critical extension " + (c.isString() ? "'"
                + LocatedJson.printable((String) c.value) + "'" : String.valueOf(c.value))
                + " is not understood by this reader");
          }
        }
      }
      known(root, "format", "version", "crit", "codeLists", "packet", "reports");
      Optional<PacketInfo> packet = Optional.empty();
      Node p = m.get("packet");
      if (p != null && !p.isNull()) {
        try {
          packet = Optional.of(packet(p));
        } catch (Skip skipped) {
          // Recorded.
        }
      }
      Node codeLists = m.get("codeLists");
      if (codeLists != null && !codeLists.isString()) {
        problem(codeLists, "\"codeLists\" must be a string");
      }
      return packet;
    }

    /**
     * Records what is wrong with the {@code reports} member, given how many elements it has.
     *
     * @return whether it is an array with elements
     */
    boolean reportsArray(Node root, Node list, int elements) {
      if (list == null) {
        problem(root, "missing member \"reports\"");
      } else if (!list.isArray()) {
        problem(list, "\"reports\" must be an array");
      } else if (elements == 0) {
        problem(list, "\"reports\" is empty: a document needs at least one report");
      } else {
        return true;
      }
      return false;
    }

    /**
     * One element of {@code reports}: the report, or empty when it has problems (recorded).
     *
     * @param references the references seen so far, with the line of each, to refuse a second
     *     report under one of them
     */
    Optional<Report> accept(Node n, Map<String, Integer> references) {
      try {
        Report r = report(n);
        Integer first = references.putIfAbsent(r.reference(), n.line);
        if (first != null) {
          // Two reports under one case reference: a recipient could not tell them apart.
          throw problem(n.object().get("reference"), "duplicate \"reference\": the report at"
              + " line " + first + " has the same one");
        }
        return Optional.of(r);
      } catch (Skip skipped) {
        return Optional.empty(); // recorded; go on to find the other problems
      }
    }

    /** Refuses a document without a report left: every one had problems, or there were none. */
    void end(Node root, int accepted) {
      if (accepted == 0) {
        if (problems.isEmpty()) {
          problem(root, "a document needs at least one report");
        }
        throw new ReportFormatException(problems);
      }
    }

    PacketInfo packet(Node p) {
      object(p, "\"packet\"");
      known(p, "packetId", "created", "sender", "recipientCertSha256");
      Fields f = new Fields();
      UUID id = f.get(() -> {
        String s = string(p, "packetId");
        try {
          UUID u = UUID.fromString(s);
          if (!u.toString().equals(s)) {
            throw new IllegalArgumentException("not canonical");
          }
          return u;
        } catch (IllegalArgumentException e) {
          throw problem(p.object().get("packetId"), "\"packetId\" must be a UUID in lower case");
        }
      });
      Instant created = f.get(() -> instant(p, "created"));
      String sender = f.get(() -> string(p, "sender"));
      List<String> hashes = f.get(() -> each(array(p, "recipientCertSha256"), h -> {
        if (!h.isString()) {
          throw problem(h, "a recipient certificate hash must be a string");
        }
        return (String) h.value;
      }));
      f.done();
      return build(p, () -> new PacketInfo(id, created, sender, hashes));
    }

    void known(Node obj, String... keys) {
      Set<String> ok = Set.of(keys);
      for (Map.Entry<String, Node> e : obj.object().entrySet()) {
        if (!ok.contains(e.getKey())) {
          Problem p = new Problem(name, e.getValue().line, e.getValue().column,
              "unknown member \"" + LocatedJson.printable(e.getKey()) + "\"");
          if (ignoreUnknown) {
            ignored.add(p);
          } else {
            problems.add(p);
          }
        }
      }
    }

    Map<String, Node> object(Node n, String what) {
      if (!n.isObject()) {
        throw problem(n, what + " must be a JSON object");
      }
      return n.object();
    }

    Node required(Node obj, String key) {
      Node v = obj.object().get(key);
      if (v == null || v.isNull()) {
        throw problem(obj, "missing member \"" + key + "\"");
      }
      return v;
    }

    String string(Node obj, String key) {
      Node v = required(obj, key);
      if (!v.isString() || ((String) v.value).isBlank()) {
        throw problem(v, "\"" + key + "\" must be a non-empty string");
      }
      return (String) v.value;
    }

    Optional<String> optString(Node obj, String key) {
      Node v = obj.object().get(key);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isString() || ((String) v.value).isBlank()) {
        throw problem(v, "\"" + key + "\" must be a non-empty string");
      }
      return Optional.of((String) v.value);
    }

    boolean bool(Node obj, String key) {
      Node v = required(obj, key);
      if (!v.isBoolean()) {
        throw problem(v, "\"" + key + "\" must be true or false");
      }
      return (Boolean) v.value;
    }

    Instant instant(Node obj, String key) {
      Node v = required(obj, key);
      if (v.isString() && ((String) v.value).endsWith("Z")) {
        try {
          return Instant.parse((String) v.value);
        } catch (DateTimeException e) {
          // Reported below.
        }
      }
      throw problem(v, "\"" + key + "\" must be an ISO-8601 UTC instant such as"
          + " 2026-11-23T09:30:00Z");
    }

    <E extends Enum<E>> E enumValue(Node obj, String key, Class<E> type) {
      Node v = required(obj, key);
      if (v.isString()) {
        for (E e : type.getEnumConstants()) {
          if (e.name().toLowerCase(Locale.ROOT).equals(v.value)) {
            return e;
          }
        }
      }
      List<String> all = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        all.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw problem(v, "\"" + key + "\" must be one of: " + String.join(", ", all));
    }

    List<Node> array(Node obj, String key) {
      Node v = obj.object().get(key);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw problem(v, "\"" + key + "\" must be an array");
      }
      return v.array();
    }

    /** Reads fields of one object, recording failures and going on to the next field. */
    final class Fields {
      boolean failed;

      <T> T get(java.util.function.Supplier<T> read) {
        try {
          return read.get();
        } catch (Skip s) {
          failed = true;
          return null;
        }
      }

      void done() {
        if (failed) {
          throw new Skip();
        }
      }
    }

    /**
     * Runs a model constructor, turning its IllegalArgumentException (a value the model refuses)
     * into a problem at a node; anything else is a bug and propagates.
     */
    <T> T build(Node at, java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        throw problem(at, e.getMessage());
      }
    }

    /** A hash-match basis: list and entry, and the signal type and distance when recorded. */
    Basis.HashMatch hashMatch(Node b) {
      String list = string(b, "list");
      String entry = string(b, "entry");
      Map<String, Node> m = b.object();
      Optional<HashType> signal = Optional.empty();
      Node s = m.get("signal");
      if (s != null) {
        if (!s.isString()) {
          throw problem(s, "\"signal\" must be a string");
        }
        signal = Optional.of(HashType.fromId((String) s.value)
            .filter(t -> t.id().equals(s.value))
            .filter(org.hotlinekit.iccam.model.Fingerprint::exchangeable)
            .orElseThrow(() -> problem(s, "\"signal\" must be one of: "
                + org.hotlinekit.iccam.model.Fingerprint.exchangeableTypes().stream()
                .map(HashType::id).collect(java.util.stream.Collectors.joining(", ")))));
      }
      java.util.OptionalInt distance = java.util.OptionalInt.empty();
      Node d = m.get("distance");
      if (d != null) {
        if (!d.isNumber() || ((java.math.BigDecimal) d.value).scale() > 0
            || ((java.math.BigDecimal) d.value).signum() < 0
            || ((java.math.BigDecimal) d.value).compareTo(java.math.BigDecimal.valueOf(4096)) > 0) {
          throw problem(d, "\"distance\" must be an integer 0..4096");
        }
        distance = java.util.OptionalInt.of(((java.math.BigDecimal) d.value).intValueExact());
      }
      Optional<HashType> sig = signal;
      java.util.OptionalInt dist = distance;
      return build(b, () -> new Basis.HashMatch(list, entry, sig, dist));
    }

    <T> List<T> each(List<Node> nodes, Function<Node, T> f) {
      List<T> out = new ArrayList<>();
      boolean failed = false;
      for (Node n : nodes) {
        try {
          out.add(f.apply(n));
        } catch (Skip s) {
          failed = true;
        }
      }
      if (failed) {
        throw new Skip();
      }
      return out;
    }

    Report report(Node n) {
      object(n, "a report");
      known(n, "reference", "reportingHotline", "receivedAt", "timeZone", "sourceUrl",
          "referrer", "siteType", "commerciality", "paymentMethods", "memo", "items");
      Fields f = new Fields();
      String reference = f.get(() -> string(n, "reference"));
      String hotline = f.get(() -> string(n, "reportingHotline"));
      Instant received = f.get(() -> instant(n, "receivedAt"));
      ZoneId zone = f.get(() -> {
        String id = string(n, "timeZone");
        try {
          return ZoneId.of(id);
        } catch (DateTimeException e) {
          throw problem(n.object().get("timeZone"),
              "\"timeZone\" must be an IANA time zone such as Europe/Brussels");
        }
      });
      String source = f.get(() -> string(n, "sourceUrl"));
      Optional<String> referrer = f.get(() -> optString(n, "referrer"));
      Optional<String> siteType = f.get(() -> code(n, "siteType", "siteType"));
      Optional<String> commerciality = f.get(() -> code(n, "commerciality", "commerciality"));
      List<String> payments = f.get(() -> each(array(n, "paymentMethods"), p -> {
        if (!p.isString()) {
          throw problem(p, "a payment method must be a string");
        }
        checkCode(p, "paymentMethod", (String) p.value);
        return (String) p.value;
      }));
      Optional<String> memo = f.get(() -> optString(n, "memo"));
      List<ContentItem> items = f.get(() -> each(array(n, "items"), this::item));
      f.done();
      return build(n, () -> new Report(reference, hotline, received, zone, source, referrer,
          siteType, commerciality, payments, memo, items));
    }

    Optional<String> code(Node obj, String key, String list) {
      Optional<String> v = optString(obj, key);
      v.ifPresent(c -> checkCode(obj.object().get(key), list, c));
      return v;
    }

    void checkCode(Node at, String list, String code) {
      if (CodeLists.bundled().find(list, code).isEmpty()) {
        List<String> codes = new ArrayList<>();
        CodeLists.bundled().entries(list).forEach(e -> codes.add(e.code()));
        throw problem(at, "unknown " + list + " '" + LocatedJson.printable(code) + "' (one of: "
            + String.join(", ", codes) + ")");
      }
    }

    ContentItem item(Node n) {
      object(n, "an item");
      known(n, "id", "url", "mediaType", "hosting", "assignedCountry", "known", "fingerprints",
          "matchLabels", "assessments", "actions", "memo");
      Fields f = new Fields();
      String id = f.get(() -> string(n, "id"));
      String url = f.get(() -> string(n, "url"));
      MediaType type = f.get(() -> enumValue(n, "mediaType", MediaType.class));
      Optional<Hosting> hosting = f.get(() -> Optional.ofNullable(n.object().get("hosting"))
          .filter(h -> !h.isNull()).map(this::hosting));
      Optional<String> assigned = f.get(() -> optString(n, "assignedCountry"));
      Optional<Boolean> known = Optional.empty();
      Node k = n.object().get("known");
      if (k != null && !k.isNull()) {
        known = f.get(() -> Optional.of(bool(n, "known")));
      }
      List<Fingerprint> fps = f.get(() -> each(array(n, "fingerprints"), fp -> {
        object(fp, "a fingerprint");
        known(fp, "type", "value");
        String t = string(fp, "type");
        String v = string(fp, "value");
        return build(fp, () -> Fingerprint.parse(t, v));
      }));
      List<LabelAssertion> matchLabels = f.get(() -> each(array(n, "matchLabels"),
          this::label));
      List<Assessment> assessments = f.get(() -> each(array(n, "assessments"), this::assessment));
      List<Node> actionNodes = f.get(() -> array(n, "actions"));
      // Not an array: recorded, and no actions to read (f.done() then gives the item up).
      List<Action> actions = actionNodes == null ? null
          : f.get(() -> each(actionNodes, this::action));
      Optional<String> memo = f.get(() -> optString(n, "memo"));
      Optional<Boolean> knownFinal = known;
      f.done();
      ContentItem item = build(n, () -> new ContentItem(id, url, type, hosting, assigned,
          knownFinal, fps, matchLabels, assessments, actions, memo));
      try {
        Workflow.check(item);
      } catch (WorkflowException e) {
        Node at = n;
        for (Node a : actionNodes) {
          Instant t = instant(a, "at");
          if (t.equals(e.action().at()) && e.action().type().name().toLowerCase(Locale.ROOT)
              .equals(a.object().get("type").value)) {
            at = a;
          }
        }
        throw problem(at, "item " + LocatedJson.printable(id) + ": " + e.getMessage());
      }
      return item;
    }

    Hosting hosting(Node h) {
      object(h, "hosting");
      known(h, "tracedAt", "ip", "country", "isp", "asn", "cdn");
      Fields f = new Fields();
      Instant traced = f.get(() -> instant(h, "tracedAt"));
      Optional<String> ip = f.get(() -> optString(h, "ip"));
      Optional<String> country = f.get(() -> optString(h, "country"));
      Optional<String> isp = f.get(() -> optString(h, "isp"));
      OptionalLong asn = OptionalLong.empty();
      Node a = h.object().get("asn");
      if (a != null && !a.isNull()) {
        if (!a.isNumber()) {
          throw problem(a, "\"asn\" must be a whole number");
        }
        try {
          asn = OptionalLong.of(((BigDecimal) a.value).longValueExact());
        } catch (ArithmeticException e) {
          throw problem(a, "\"asn\" must be a whole number");
        }
      }
      Boolean cdn = f.get(() -> bool(h, "cdn"));
      OptionalLong asnFinal = asn;
      f.done();
      return build(h, () -> new Hosting(traced, ip, country, isp, asnFinal, cdn));
    }

    Assessment assessment(Node n) {
      object(n, "an assessment");
      known(n, "assessor", "at", "jurisdiction", "classification", "ageCategory", "gender",
          "virtual", "selfGenerated", "childModelling", "facts", "labels");
      Fields f = new Fields();
      String assessor = f.get(() -> string(n, "assessor"));
      Instant at = f.get(() -> instant(n, "at"));
      String jurisdiction = f.get(() -> string(n, "jurisdiction"));
      Classification c = f.get(() -> enumValue(n, "classification", Classification.class));
      AgeCategory age = f.get(() -> enumValue(n, "ageCategory", AgeCategory.class));
      Gender gender = f.get(() -> enumValue(n, "gender", Gender.class));
      Boolean virtual = f.get(() -> bool(n, "virtual"));
      Boolean self = f.get(() -> bool(n, "selfGenerated"));
      Boolean modelling = f.get(() -> bool(n, "childModelling"));
      Node factsNode = n.object().get("facts");
      Optional<ContentFacts> facts = factsNode == null || factsNode.isNull() ? Optional.empty()
          : f.get(() -> Optional.of(facts(factsNode)));
      List<LabelAssertion> labels = f.get(() -> each(array(n, "labels"), this::label));
      Optional<ContentFacts> factsFinal = facts;
      f.done();
      return build(n, () -> new Assessment(assessor, at, jurisdiction, c, age, gender, virtual,
          self, modelling, factsFinal, labels));
    }

    ContentFacts facts(Node f) {
      try {
        return FactsJson.read(new StringReader(text(f)), "facts");
      } catch (HotlinekitException e) {
        throw problem(f, e.getMessage());
      }
    }

    LabelAssertion label(Node n) {
      object(n, "a label");
      known(n, "scheme", "schemeVersion", "label", "jurisdiction", "assessor", "at", "basis",
          "explanation");
      Fields f = new Fields();
      String scheme = f.get(() -> string(n, "scheme"));
      String version = f.get(() -> string(n, "schemeVersion"));
      String label = f.get(() -> string(n, "label"));
      Optional<String> jurisdiction = f.get(() -> optString(n, "jurisdiction"));
      String assessor = f.get(() -> string(n, "assessor"));
      Instant at = f.get(() -> instant(n, "at"));
      Node b = required(n, "basis");
      object(b, "a basis");
      String type = f.get(() -> string(b, "type"));
      if (type == null) {
        throw new Skip(); // recorded by string()
      }
      Basis basis;
      switch (type) {
        case "manual":
          known(b, "type");
          basis = new Basis.Manual();
          break;
        case "derived":
          known(b, "type", "mapper", "version");
          basis = f.get(() -> new Basis.Derived(string(b, "mapper"), string(b, "version")));
          break;
        case "hash_match":
          known(b, "type", "list", "entry", "signal", "distance");
          basis = f.get(() -> hashMatch(b));
          break;
        case "classifier":
          known(b, "type", "model", "score");
          Node s = required(b, "score");
          if (!s.isNumber()) {
            throw problem(s, "\"score\" must be a number 0..1");
          }
          String model = f.get(() -> string(b, "model"));
          basis = build(s, () -> new Basis.Classifier(model,
              ((BigDecimal) s.value).doubleValue()));
          break;
        default:
          throw problem(b.object().get("type"),
              "\"type\" must be one of: manual, derived, hash_match, classifier");
      }
      String explanation = f.get(() -> optString(n, "explanation").orElse(""));
      Basis basisFinal = basis;
      f.done();
      return build(n, () -> new LabelAssertion(new SchemeRef(scheme, version), label,
          jurisdiction, new Assessor(assessor), at, basisFinal, explanation));
    }

    Action action(Node n) {
      object(n, "an action");
      known(n, "type", "at", "actor", "analyst", "note");
      Fields f = new Fields();
      ActionType type = f.get(() -> enumValue(n, "type", ActionType.class));
      Instant at = f.get(() -> instant(n, "at"));
      Actor actor = f.get(() -> enumValue(n, "actor", Actor.class));
      Optional<String> analyst = f.get(() -> optString(n, "analyst"));
      Optional<String> note = f.get(() -> optString(n, "note"));
      f.done();
      return build(n, () -> new Action(type, at, actor, analyst, note));
    }
  }

  /** The JSON text of a located node (for handing a sub-document to another reader). */
  private static String text(Node n) {
    return Mapper.JSON.writeValueAsString(plain(n));
  }

  private static Object plain(Node n) {
    if (n.isObject()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      n.object().forEach((k, v) -> m.put(k, plain(v)));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.array().forEach(v -> l.add(plain(v)));
      return l;
    }
    return n.value;
  }

  // ------------------------------------------------------------------------------------ writing

  /**
   * Writes a document, deterministically, indented for people to read (two spaces, one member per
   * line) and ending with a newline.
   *
   * @param document the reports
   * @return the UTF-8 bytes
   */
  public byte[] write(ReportDocument document) {
    return serialise(document, true);
  }

  /**
   * Writes a document, deterministically, in its compact form: no whitespace between tokens and
   * a newline at the end, about half the size of {@link #write}. Sealed packets carry this form;
   * every reader accepts both.
   *
   * @param document the reports
   * @return the UTF-8 bytes
   */
  public byte[] writeCompact(ReportDocument document) {
    return serialise(document, false);
  }

  /**
   * The core factory the writer's generators come from: documents are written token by token,
   * without the databind mapper, whose first use costs a fresh process tens of milliseconds.
   */
  private static final tools.jackson.core.json.JsonFactory FACTORY =
      tools.jackson.core.json.JsonFactory.builder().build();

  /** A generator, indented (two spaces, {@code \n}) or compact, writing UTF-8. */
  private static JsonGenerator generator(java.io.OutputStream out, boolean indented) {
    if (!indented) {
      return FACTORY.createGenerator(tools.jackson.core.ObjectWriteContext.empty(), out);
    }
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return FACTORY.createGenerator(new tools.jackson.core.ObjectWriteContext.Base() {
      @Override
      public tools.jackson.core.PrettyPrinter getPrettyPrinter() {
        return pp;
      }

      @Override
      public boolean hasPrettyPrinter() {
        return true;
      }
    }, out);
  }

  private static byte[] serialise(ReportDocument document, boolean indented) {
    // Into Jackson's segmented builder, then one copy out.
    try (ByteArrayBuilder out = new ByteArrayBuilder()) {
      try (JsonGenerator g = generator(out, indented)) {
        g.writeStartObject();
        head(g, document.packet());
        g.writeName("reports");
        g.writeStartArray();
        for (Report r : document.reports()) {
          report(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      out.write('\n');
      return out.toByteArray();
    }
  }

  /** The members before {@code reports}, in the order the writer gives them. */
  private static void head(JsonGenerator g, Optional<PacketInfo> packet) {
    g.writeStringProperty("format", FORMAT);
    g.writeNumberProperty("version", VERSION);
    g.writeName("crit");
    g.writeStartArray();
    g.writeEndArray();
    g.writeStringProperty("codeLists", CodeLists.bundled().version());
    if (packet.isPresent()) {
      PacketInfo p = packet.get();
      g.writeName("packet");
      g.writeStartObject();
      g.writeStringProperty("packetId", p.packetId().toString());
      g.writeStringProperty("created", p.created().toString());
      g.writeStringProperty("sender", p.sender());
      g.writeName("recipientCertSha256");
      g.writeStartArray();
      for (String h : p.recipientCertSha256()) {
        g.writeString(h);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get());
    }
  }

  private static void report(JsonGenerator g, Report r) {
    g.writeStartObject();
    g.writeStringProperty("reference", r.reference());
    g.writeStringProperty("reportingHotline", r.reportingHotline());
    g.writeStringProperty("receivedAt", r.receivedAt().toString());
    g.writeStringProperty("timeZone", r.timeZone().getId());
    g.writeStringProperty("sourceUrl", r.sourceUrl());
    optional(g, "referrer", r.referrer());
    optional(g, "siteType", r.siteType());
    optional(g, "commerciality", r.commerciality());
    if (!r.paymentMethods().isEmpty()) {
      g.writeName("paymentMethods");
      g.writeStartArray();
      for (String m : r.paymentMethods()) {
        g.writeString(m);
      }
      g.writeEndArray();
    }
    optional(g, "memo", r.memo());
    g.writeName("items");
    g.writeStartArray();
    for (ContentItem i : r.items()) {
      item(g, i);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void item(JsonGenerator g, ContentItem i) {
    g.writeStartObject();
    g.writeStringProperty("id", i.id());
    g.writeStringProperty("url", i.url());
    g.writeStringProperty("mediaType", lower(i.mediaType()));
    if (i.hosting().isPresent()) {
      Hosting h = i.hosting().get();
      g.writeName("hosting");
      g.writeStartObject();
      g.writeStringProperty("tracedAt", h.tracedAt().toString());
      optional(g, "ip", h.ip());
      optional(g, "country", h.country());
      optional(g, "isp", h.isp());
      if (h.asn().isPresent()) {
        g.writeNumberProperty("asn", h.asn().getAsLong());
      }
      g.writeBooleanProperty("cdn", h.cdn());
      g.writeEndObject();
    }
    optional(g, "assignedCountry", i.assignedCountry());
    if (i.known().isPresent()) {
      g.writeBooleanProperty("known", i.known().get());
    }
    if (!i.fingerprints().isEmpty()) {
      g.writeName("fingerprints");
      g.writeStartArray();
      for (Fingerprint f : i.fingerprints()) {
        g.writeStartObject();
        g.writeStringProperty("type", f.type().id());
        g.writeStringProperty("value", f.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    labels(g, "matchLabels", i.matchLabels());
    if (!i.assessments().isEmpty()) {
      g.writeName("assessments");
      g.writeStartArray();
      for (Assessment s : i.assessments()) {
        assessment(g, s);
      }
      g.writeEndArray();
    }
    if (!i.actions().isEmpty()) {
      g.writeName("actions");
      g.writeStartArray();
      for (Action x : i.actions()) {
        g.writeStartObject();
        g.writeStringProperty("type", lower(x.type()));
        g.writeStringProperty("at", x.at().toString());
        g.writeStringProperty("actor", lower(x.actor()));
        optional(g, "analyst", x.analyst());
        optional(g, "note", x.note());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    optional(g, "memo", i.memo());
    g.writeEndObject();
  }

  private static void assessment(JsonGenerator g, Assessment s) {
    g.writeStartObject();
    g.writeStringProperty("assessor", s.assessor());
    g.writeStringProperty("at", s.at().toString());
    g.writeStringProperty("jurisdiction", s.jurisdiction());
    g.writeStringProperty("classification", lower(s.classification()));
    g.writeStringProperty("ageCategory", lower(s.ageCategory()));
    g.writeStringProperty("gender", lower(s.gender()));
    g.writeBooleanProperty("virtual", s.virtual());
    g.writeBooleanProperty("selfGenerated", s.selfGenerated());
    g.writeBooleanProperty("childModelling", s.childModelling());
    if (s.facts().isPresent()) {
      // The facts' own writer's JSON, copied token by token into this document's layout.
      g.writeName("facts");
      try (tools.jackson.core.JsonParser p = FACTORY.createParser(
          tools.jackson.core.ObjectReadContext.empty(), FactsJson.write(s.facts().get()))) {
        p.nextToken();
        g.copyCurrentStructure(p);
      }
    }
    labels(g, "labels", s.labels());
    g.writeEndObject();
  }

  private static void labels(JsonGenerator g, String member, List<LabelAssertion> labels) {
    if (labels.isEmpty()) {
      return;
    }
    g.writeName(member);
    g.writeStartArray();
    for (LabelAssertion l : labels) {
      g.writeStartObject();
      g.writeStringProperty("scheme", l.scheme().id());
      g.writeStringProperty("schemeVersion", l.scheme().version());
      g.writeStringProperty("label", l.label());
      optional(g, "jurisdiction", l.jurisdiction());
      g.writeStringProperty("assessor", l.assessor().id());
      g.writeStringProperty("at", l.at().toString());
      g.writeName("basis");
      g.writeStartObject();
      Basis basis = l.basis();
      if (basis instanceof Basis.Manual) {
        g.writeStringProperty("type", "manual");
      } else if (basis instanceof Basis.Derived) {
        g.writeStringProperty("type", "derived");
        g.writeStringProperty("mapper", ((Basis.Derived) basis).mapper());
        g.writeStringProperty("version", ((Basis.Derived) basis).version());
      } else if (basis instanceof Basis.HashMatch) {
        Basis.HashMatch h = (Basis.HashMatch) basis;
        g.writeStringProperty("type", "hash_match");
        g.writeStringProperty("list", h.list());
        g.writeStringProperty("entry", h.entry());
        if (h.signal().isPresent()) {
          g.writeStringProperty("signal", h.signal().get().id());
        }
        if (h.distance().isPresent()) {
          g.writeNumberProperty("distance", h.distance().getAsInt());
        }
      } else {
        g.writeStringProperty("type", "classifier");
        g.writeStringProperty("model", ((Basis.Classifier) basis).model());
        g.writeNumberProperty("score", ((Basis.Classifier) basis).score());
      }
      g.writeEndObject();
      if (!l.explanation().isEmpty()) {
        g.writeStringProperty("explanation", l.explanation());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** Configures a {@link ReportJson}. */
  public static final class Builder {
    private boolean ignoreUnknown;
    private long maxBytes = 64L << 20;
    private int maxStringLength = 64 << 10;

    private Builder() {}

    /**
     * Skips unknown members (listing them in {@link Result#ignored()}) instead of refusing the
     * document: for reading documents of a newer minor version.
     *
     * @return this builder
     */
    public Builder ignoreUnknownFields() {
      this.ignoreUnknown = true;
      return this;
    }

    /**
     * The largest document accepted.
     *
     * @param bytes the limit (default 64 MiB)
     * @return this builder
     */
    public Builder maxBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      this.maxBytes = bytes;
      return this;
    }

    /**
     * The longest string accepted.
     *
     * @param chars the limit (default 65,536)
     * @return this builder
     */
    public Builder maxStringLength(int chars) {
      if (chars < 1) {
        throw new IllegalArgumentException("maxStringLength must be positive");
      }
      this.maxStringLength = chars;
      return this;
    }

    /**
     * Builds it.
     *
     * @return the reader/writer
     */
    public ReportJson build() {
      return new ReportJson(this);
    }
  }
}
