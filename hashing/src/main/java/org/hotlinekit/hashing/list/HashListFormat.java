package org.hotlinekit.hashing.list;

import org.hotlinekit.hashing.internal.PluginTypes;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.io.AtomicFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * A hash-list format: streaming reader and writer. Readers never hold the file in memory; every
 * entry goes to a consumer as soon as it is read (document formats are read one record at a
 * time). A bad line or record is reported as {@code file:line: reason} and, by default, skipped
 * and counted while every other entry is kept; in strict mode the first one fails the read. A
 * document whose structure is broken (XML that is not well-formed, JSON that does not parse) fails
 * the read in any mode, with the line where it broke.
 *
 * <ul>
 *   <li>{@link #plainHex(HashType)}: one hash per line, of a declared type. The entry id is the
 *       hash itself. Blank lines and lines starting with {@code #} are skipped.
 *   <li>{@link #threatExchange()}: ThreatExchange's {@code <signal_type> <value>} lines, one space;
 *       {@code pdq}, {@code video_md5}, {@code video_sha256} (and {@code sha256}).
 *   <li>{@link #pythonThreatExchangeCsv()}: python-threatexchange's dataset CSV, header {@code
 *       signal_type,signal_str,collab,category,tags}; the collaboration becomes the entry's
 *       source, the category its label, the space-separated tags its tags.
 *   <li>{@link #jsonLines()}: hotlinekit's canonical format, one JSON object per line: {@code
 *       {"id": ..., "type": "md5|sha1|sha256|pdq|photodna", "hash": "<hex>", "quality": 0..100,
 *       "label": ..., "tags": [...], "added": "<ISO-8601 instant>", "source": ...}}; {@code id},
 *       {@code type} and {@code hash} are required, duplicate and unknown keys are errors.
 * </ul>
 */
public abstract class HashListFormat {
  /** The names {@link #named(String)} knows, in the order they are listed to users. */
  private static final List<String> NAMES = List.of("jsonl", "te", "pytx", "ncmec", "stopncii",
      "stix", "md5", "sha1", "sha256", "pdq", "photodna");

  HashListFormat() {}

  /**
   * The format's short name, as {@link #named(String)} takes it: {@code jsonl}, {@code te}
   * (ThreatExchange lines), {@code pytx}, {@code ncmec}, {@code stopncii}, {@code stix}, or a hash
   * type's id for {@link #plainHex(HashType)}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The format with the given short name.
   *
   * @param name one of {@link #names()}, case-insensitive
   * @return the format
   * @throws IllegalArgumentException if no format has that name (the message lists the names)
   */
  public static HashListFormat named(String name) {
    Objects.requireNonNull(name, "name");
    switch (name.toLowerCase(Locale.ROOT)) {
      case "jsonl":
        return jsonLines();
      case "te":
        return threatExchange();
      case "pytx":
        return pythonThreatExchangeCsv();
      case "ncmec":
        return ncmecHashSharingXml();
      case "stopncii":
        return stopNcii();
      case "stix":
        return stix();
      default:
        return HashType.fromId(name.toLowerCase(Locale.ROOT)).filter(t -> t.byteLength() > 0)
            .map(HashListFormat::plainHex)
            .orElseThrow(() -> new IllegalArgumentException("unknown hash list format '" + name
                + "' (known: " + String.join(", ", NAMES) + ")"));
    }
  }

  /**
   * The short names of every format, for {@link #named(String)}.
   *
   * @return the names
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The format of a list file, told from its content: an NCMEC {@code queryResult}, a StopNCII
   * page, a STIX bundle, JSON lines, python-threatexchange CSV, ThreatExchange lines, or plain
   * MD5 or SHA-1 hex. It never guesses: 64-digit plain hashes (SHA-256 or PDQ?) and anything else
   * it cannot tell apart are refused with a message that says to name the format.
   *
   * @param file the list
   * @return its format
   * @throws MalformedInputException if the format cannot be told, or the list has no entries
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   */
  public static HashListFormat detect(Path file) {
    return FormatDetection.detect(file);
  }

  /**
   * One hash per line, all of the declared type (the type is never guessed from the length: a
   * 64-digit value could be SHA-256 or PDQ).
   *
   * @param type the type of every hash
   * @return the format
   */
  public static HashListFormat plainHex(HashType type) {
    return new PlainHex(Objects.requireNonNull(type, "type"));
  }

  /**
   * ThreatExchange {@code <signal_type> <value>} lines.
   *
   * @return the format
   */
  public static HashListFormat threatExchange() {
    return new ThreatExchange();
  }

  /**
   * python-threatexchange's dataset CSV.
   *
   * @return the format
   */
  public static HashListFormat pythonThreatExchangeCsv() {
    return new PyTxCsv();
  }

  /**
   * hotlinekit's canonical JSON lines.
   *
   * @return the format
   */
  public static HashListFormat jsonLines() {
    return new JsonLines();
  }

  /**
   * NCMEC Hash Sharing API v2 XML ({@code queryResult} with {@code images} and {@code videos}).
   * Deleted records ({@code deletedImage}, {@code deletedVideo}) are counted as {@linkplain
   * ReadReport#withdrawn() withdrawn} and handed, by their id, to the withdrawal consumer of
   * {@link #read(Path, boolean, Consumer, Consumer)}; fingerprints given by reference (TMK+PDQF,
   * Videntifier) are passed over. DTDs and external entities are refused.
   *
   * @return the format
   */
  public static HashListFormat ncmecHashSharingXml() {
    return new NcmecXml();
  }

  /**
   * StopNCII hash records: {@code ImagePDQ} and {@code VideoMD5} records that are {@code Received}
   * or {@code Active}; {@code Withdrawn} and {@code Deleted} records are counted as {@linkplain
   * ReadReport#withdrawn() withdrawn}, never delivered as entries, and handed with their hash to
   * the withdrawal consumer of {@link #read(Path, boolean, Consumer, Consumer)}: the holder must
   * delete them. (A withdrawn record of a signal type this library never delivers is only
   * counted.)
   *
   * @return the format
   */
  public static HashListFormat stopNcii() {
    return new StopNciiJson();
  }

  /**
   * STIX 2.1 bundles; written indicators are dated by each entry's added time, or else by the
   * time this format object was created (use {@link #stix(Instant)} for reproducible output).
   *
   * @return the format
   */
  public static HashListFormat stix() {
    return new StixBundle(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /**
   * STIX 2.1 bundles whose written indicators, when an entry has no added time, are dated {@code
   * created}; the same entries and time give the same bytes.
   *
   * @param created the creation time of written indicators without their own
   * @return the format
   */
  public static HashListFormat stix(Instant created) {
    return new StixBundle(Objects.requireNonNull(created, "created"));
  }

  /**
   * Reads a file.
   *
   * @param file the file (UTF-8)
   * @param strict whether the first bad line fails the read
   * @param sink receives every good entry, in order
   * @return what was read and rejected
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws MalformedInputException in strict mode, at the first bad line
   */
  public ReadReport read(Path file, boolean strict, Consumer<HashListEntry> sink) {
    return read(file, strict, sink, w -> { });
  }

  /**
   * Reads a list file, and hands withdrawn records to {@code withdrawals} (see {@link
   * Withdrawal}): for a delta feed whose withdrawals the holder must apply to its own copy.
   * Formats without withdrawals never call it.
   *
   * @param file the file (UTF-8)
   * @param strict whether the first bad line fails the read
   * @param sink receives every good entry, in order
   * @param withdrawals receives every withdrawn record, in order
   * @return what was read, rejected and withdrawn
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws MalformedInputException in strict mode, at the first bad line
   */
  public ReadReport read(Path file, boolean strict, Consumer<HashListEntry> sink,
      Consumer<Withdrawal> withdrawals) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      skipByteOrderMark(in);
      return read(in, file.toString(), strict, sink, withdrawals);
    } catch (CharacterCodingException e) {
      throw new MalformedInputException(file + ": the file is not UTF-8 text", e);
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(file, e);
    }
  }

  /**
   * Reads a delta feed as the changes it makes, in its order: each entry as an addition, each
   * withdrawn record (NCMEC deletions, StopNCII {@code Withdrawn}/{@code Deleted}, jsonl
   * {@code "withdrawn": true}) as a withdrawal, for {@code IndexedList.apply}.
   *
   * @param file the file (UTF-8)
   * @param strict whether the first bad record fails the read
   * @param changes receives every change, in order
   * @return what was read, rejected and withdrawn
   * @throws org.hotlinekit.core.InputReadException if the file cannot be read
   * @throws MalformedInputException in strict mode, at the first bad record
   */
  public ReadReport readChanges(Path file, boolean strict, Consumer<ListChange> changes) {
    Objects.requireNonNull(changes, "changes");
    return read(file, strict, e -> changes.accept(ListChange.add(e)),
        w -> changes.accept(ListChange.withdraw(w)));
  }

  /**
   * Reads from a reader.
   *
   * @param in the text
   * @param name the name used in problem reports
   * @param strict whether the first bad record fails the read
   * @param sink receives every good entry, in order
   * @return what was read and rejected
   * @throws org.hotlinekit.core.InputReadException if reading fails
   * @throws MalformedInputException in strict mode at the first bad record, and in any mode
   *     when a document format's structure itself is broken (not well-formed XML or JSON)
   */
  public ReadReport read(BufferedReader in, String name, boolean strict,
      Consumer<HashListEntry> sink) {
    try {
      skipByteOrderMark(in);
    } catch (IOException e) {
      throw new org.hotlinekit.core.InputReadException(name + ": "
          + org.hotlinekit.core.InputReadException.reason(e), e);
    }
    return read(in, name, strict, sink, w -> { });
  }

  /**
   * Skips a UTF-8 byte order mark at the reader's position (editors on Windows write one; it would
   * otherwise spoil the first record).
   *
   * @param in the reader, at the start of the text
   * @throws IOException if reading fails
   */
  static void skipByteOrderMark(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
  }

  /**
   * Reads from a reader, handing withdrawn records to {@code withdrawals}. A leading byte order
   * mark is not skipped here (the file and four-argument variants skip it).
   *
   * @param in the text
   * @param name the name used in problem reports
   * @param strict whether the first bad record fails the read
   * @param sink receives every good entry, in order
   * @param withdrawals receives every withdrawn record, in order (never called by formats
   *     without withdrawals)
   * @return what was read, rejected and withdrawn
   * @throws org.hotlinekit.core.InputReadException if reading fails
   * @throws MalformedInputException in strict mode at the first bad record, and in any mode
   *     when a document format's structure itself is broken (not well-formed XML or JSON)
   */
  public final ReadReport read(BufferedReader in, String name, boolean strict,
      Consumer<HashListEntry> sink, Consumer<Withdrawal> withdrawals) {
    try {
      return readText(in, name, strict, sink, withdrawals);
    } catch (IOException e) {
      throw new org.hotlinekit.core.InputReadException(name + ": "
          + org.hotlinekit.core.InputReadException.reason(e), e);
    }
  }

  /** The format's reader; {@link #read(BufferedReader, String, boolean, Consumer, Consumer)}. */
  abstract ReadReport readText(BufferedReader in, String name, boolean strict,
      Consumer<HashListEntry> sink, Consumer<Withdrawal> withdrawals) throws IOException;

  /**
   * Writes entries to a file atomically (a temporary file, then a move).
   *
   * @param entries the entries
   * @param file the target (replaced if it exists)
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   * @throws IllegalArgumentException if an entry cannot be expressed in this format
   */
  public void write(Iterable<HashListEntry> entries, Path file) {
    AtomicFiles.write(file, tmp -> {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        write(entries, out);
      }
    });
  }

  /**
   * Writes entries.
   *
   * @param entries the entries
   * @param out where to write
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   * @throws IllegalArgumentException if an entry cannot be expressed in this format
   */
  public final void write(Iterable<HashListEntry> entries, Writer out) {
    try {
      writeText(entries, out);
    } catch (IOException e) {
      throw new org.hotlinekit.core.OutputWriteException("could not write the list: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** The format's writer; {@link #write(Iterable, Writer)}. */
  abstract void writeText(Iterable<HashListEntry> entries, Writer out) throws IOException;

  /** A format of one entry per line. */
  private abstract static class LineFormat extends HashListFormat {
    @Override
    ReadReport readText(BufferedReader in, String name, boolean strict,
        Consumer<HashListEntry> sink, Consumer<Withdrawal> withdrawals) throws IOException {
      Problems problems = new Problems(name, strict, withdrawals);
      long lines = 0;
      String line;
      while ((line = in.readLine()) != null) {
        lines++;
        if (skip(line, lines)) {
          continue;
        }
        Object record;
        try {
          record = parseRecord(line, lines);
        } catch (HotlinekitException e) {
          problems.reject(lines, e.getMessage(), e);
          continue;
        }
        if (record instanceof Withdrawal w) {
          problems.withdrawn(w);
          continue;
        }
        HashListEntry entry = (HashListEntry) record;
        sink.accept(entry);
        problems.delivered(entry);
      }
      return problems.report(lines);
    }

    @Override
    void writeText(Iterable<HashListEntry> entries, Writer out) throws IOException {
      Optional<String> header = header();
      if (header.isPresent()) {
        out.write(header.get());
        out.write('\n');
      }
      for (HashListEntry e : entries) {
        out.write(format(e));
        out.write('\n');
      }
    }

    /** Whether a line carries no entry (blank or a comment). */
    boolean skip(String line, long number) {
      return line.isBlank() || line.startsWith("#");
    }

    /** A first line the format writes before the entries, if any. */
    Optional<String> header() {
      return Optional.empty();
    }

    abstract HashListEntry parse(String line, long number);

    /** A line's record: an entry, or for formats with withdrawn records a {@link Withdrawal}. */
    Object parseRecord(String line, long number) {
      return parse(line, number);
    }

    abstract String format(HashListEntry entry);
  }

  // ---------------------------------------------------------------- formats

  private static final class PlainHex extends LineFormat {
    private final HashType type;

    PlainHex(HashType type) {
      this.type = type;
    }

    @Override
    public String name() {
      return type.id();
    }

    @Override
    HashListEntry parse(String line, long number) {
      HashValue v = HashValue.parse(type, line.strip().toLowerCase(Locale.ROOT));
      return HashListEntry.builder(v.toString(), v).build();
    }

    @Override
    String format(HashListEntry entry) {
      if (entry.hash().type() != type) {
        throw new IllegalArgumentException(
            "entry " + entry.id() + " is " + entry.hash().type().id() + ", the list is "
                + type.id());
      }
      return entry.hash().toString();
    }
  }

  private static final class ThreatExchange extends LineFormat {
    @Override
    public String name() {
      return "te";
    }

    static final Map<String, HashType> SIGNALS =
        Map.of("pdq", HashType.PDQ, "video_md5", HashType.MD5, "video_sha256", HashType.SHA256,
            "sha256", HashType.SHA256);

    @Override
    HashListEntry parse(String line, long number) {
      int space = line.indexOf(' ');
      if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
        throw new MalformedInputException("expected '<signal_type> <value>' with one space");
      }
      String signal = line.substring(0, space);
      HashValue v = value(signal, line.substring(space + 1));
      return HashListEntry.builder(defaultId(v), v).build();
    }

    @Override
    String format(HashListEntry entry) {
      return signalOf(entry) + " " + textOf(entry);
    }

    /**
     * The value of a signal: a known signal type's hash, or else a carried value of a kind named
     * as the signal type.
     */
    static HashValue value(String signal, String text) {
      if (signal.equals("vpdq")) {
        return org.hotlinekit.hashing.video.VpdqHash.parseSignal(text, "vpdq signal").toValue();
      }
      HashType type = SIGNALS.get(signal);
      if (type == null) {
        try {
          return HashValue.carried(HashType.carried(signal), text);
        } catch (IllegalArgumentException e) {
          throw new MalformedInputException("unsupported signal type: " + e.getMessage());
        }
      }
      return HashValue.parse(type, text.toLowerCase(Locale.ROOT));
    }

    /** The signal type written for an entry: pdq, video_md5, video_sha256, or a carried kind. */
    static String signalOf(HashListEntry entry) {
      HashType t = entry.hash().type();
      if (t == HashType.PDQ) {
        return "pdq";
      }
      if (t == HashType.MD5) {
        return "video_md5";
      }
      if (t == HashType.SHA256) {
        return "video_sha256";
      }
      if (t.isCarried() || t == HashType.VPDQ) {
        return t.id();
      }
      throw new IllegalArgumentException("ThreatExchange has no signal type for " + t.id());
    }

    /** The text of an entry's value as ThreatExchange writes it (vPDQ: its signal form). */
    static String textOf(HashListEntry entry) {
      return entry.hash().type() == HashType.VPDQ
          ? org.hotlinekit.hashing.video.VpdqHash.of(entry.hash()).toSignal()
          : entry.hash().toString();
    }
  }

  private static final class PyTxCsv extends LineFormat {
    @Override
    public String name() {
      return "pytx";
    }

    private static final String HEADER = "signal_type,signal_str,collab,category,tags";

    @Override
    Optional<String> header() {
      return Optional.of(HEADER);
    }

    @Override
    boolean skip(String line, long number) {
      return line.isBlank() || (number == 1 && line.strip().equals(HEADER));
    }

    @Override
    HashListEntry parse(String line, long number) {
      List<String> f = Csv.split(line);
      if (f.size() != 5) {
        throw new MalformedInputException("expected 5 comma-separated fields, got " + f.size());
      }
      HashValue v = ThreatExchange.value(f.get(0), f.get(1));
      HashListEntry.Builder b = HashListEntry.builder(defaultId(v), v);
      if (!f.get(2).isEmpty()) {
        b.source(f.get(2));
      }
      if (!f.get(3).isEmpty()) {
        b.label(f.get(3));
      }
      String tags = f.get(4).strip();
      if (!tags.isEmpty()) {
        b.tags(List.of(tags.split(" +")));
      }
      return b.build();
    }

    @Override
    String format(HashListEntry e) {
      String signal = ThreatExchange.signalOf(e);
      for (String t : e.tags()) {
        if (t.isEmpty() || t.contains(" ")) {
          throw new IllegalArgumentException("python-threatexchange tags cannot contain spaces");
        }
      }
      return String.join(",", signal, Csv.quote(ThreatExchange.textOf(e)),
          Csv.quote(e.source().orElse("")),
          Csv.quote(e.label().orElse("")), Csv.quote(String.join(" ", e.tags())));
    }
  }

  /**
   * The id of an entry whose format gives none: its hash's text, or for a vPDQ value (thousands
   * of characters) {@code vpdq-sha256:} and the SHA-256 of its bytes.
   */
  static String defaultId(HashValue v) {
    if (v.type() != HashType.VPDQ) {
      return v.toString();
    }
    try {
      return "vpdq-sha256:" + java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(v.toByteArray()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Minimal RFC 4180 fields on one line: quotes around fields, doubled quotes inside. */
  private static final class Csv {
    static List<String> split(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              cur.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            cur.append(c);
          }
        } else if (c == '"' && cur.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          out.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(c);
        }
      }
      if (quoted) {
        throw new MalformedInputException("unterminated quoted field");
      }
      out.add(cur.toString());
      return out;
    }

    static String quote(String s) {
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
          && s.indexOf('\r') < 0) {
        return s;
      }
      if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a CSV field cannot hold a line break here");
      }
      return '"' + s.replace("\"", "\"\"") + '"';
    }
  }

  private static final class JsonLines extends LineFormat {
    @Override
    public String name() {
      return "jsonl";
    }

    private static final JsonMapper JSON =
        JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final List<String> KEYS = List.of("id", "type", "hash", "quality", "label",
        "tags", "added", "source", "carried", "withdrawn");

    @Override
    boolean skip(String line, long number) {
      return line.isBlank();
    }

    @Override
    HashListEntry parse(String line, long number) {
      Object record = parseRecord(line, number);
      if (record instanceof Withdrawal) {
        throw new MalformedInputException("a withdrawn record where an entry is expected");
      }
      return (HashListEntry) record;
    }

    @Override
    Object parseRecord(String line, long number) {
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JacksonException e) {
        throw new MalformedInputException("not a JSON object: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new MalformedInputException("not a JSON object");
      }
      for (String key : node.propertyNames()) {
        if (!KEYS.contains(key)) {
          throw new MalformedInputException("unknown field '" + printable(key) + "'");
        }
      }
      JsonNode withdrawn = node.get("withdrawn");
      if (withdrawn != null) {
        if (!withdrawn.isBoolean() || !withdrawn.asBoolean()) {
          throw new MalformedInputException("field 'withdrawn' is true or absent");
        }
        return withdrawal(node, number);
      }
      return entry(node);
    }

    /**
     * A withdrawn record of a delta: {@code {"id": ..., "withdrawn": true}}, every entry with
     * the id; with {@code type} and {@code hash} too, only the id's entries with that hash.
     */
    private static Withdrawal withdrawal(JsonNode node, long number) {
      for (String key : node.propertyNames()) {
        if (!List.of("id", "withdrawn", "type", "hash").contains(key)) {
          throw new MalformedInputException("a withdrawn record has only id, type and hash,"
              + " not '" + printable(key) + "'");
        }
      }
      String id = requiredString(node, "id");
      if (id.isEmpty()) {
        throw new MalformedInputException("field 'id' is empty");
      }
      if (node.has("type") != node.has("hash")) {
        throw new MalformedInputException("a withdrawn record names type and hash together");
      }
      if (!node.has("type")) {
        return new Withdrawal(id, Optional.empty(), number);
      }
      String typeName = requiredString(node, "type");
      HashType type = HashType.fromId(typeName).filter(t -> t.id().equals(typeName))
          .or(() -> PluginTypes.named(typeName))
          .orElseThrow(() -> new MalformedInputException("field 'type': unknown hash type '"
              + printable(typeName) + "'"));
      HashValue hash = type == HashType.VPDQ ? frames(node.get("hash"))
          : HashValue.parse(type, requiredString(node, "hash"));
      return new Withdrawal(id, Optional.of(hash), number);
    }

    private static HashListEntry entry(JsonNode node) {
      String id = requiredString(node, "id");
      String typeName = requiredString(node, "type");
      JsonNode carriedFlag = node.get("carried");
      if (carriedFlag != null && !carriedFlag.isBoolean()) {
        throw new MalformedInputException("field 'carried' must be true or false");
      }
      boolean carried = carriedFlag != null && carriedFlag.asBoolean();
      HashType type;
      if (carried) {
        // A kind hotlinekit carries but cannot compare, named as its source named it.
        try {
          type = HashType.carried(typeName);
        } catch (IllegalArgumentException e) {
          throw new MalformedInputException("field 'type': " + e.getMessage());
        }
      } else {
        type = HashType.fromId(typeName).filter(t -> t.id().equals(typeName))
            .or(() -> PluginTypes.named(typeName))
            .orElseThrow(() -> new MalformedInputException("field 'type': unknown hash type '"
                + printable(typeName) + "' (no installed plug-in has it; a kind that is"
                + " carried, not matched, says \"carried\": true)"));
      }
      HashValue hash;
      if (type == HashType.VPDQ) {
        hash = frames(node.get("hash"));
      } else {
        String hex = requiredString(node, "hash");
        try {
          hash = carried ? HashValue.carried(type, hex) : HashValue.parse(type, hex);
        } catch (MalformedInputException e) {
          throw new MalformedInputException("field 'hash': " + e.getMessage());
        }
      }
      if (id.isEmpty()) {
        throw new MalformedInputException("field 'id' is empty");
      }
      HashListEntry.Builder b = HashListEntry.builder(id, hash);
      JsonNode quality = node.get("quality");
      if (quality != null) {
        if (!quality.isInt() || quality.asInt() < 0 || quality.asInt() > 100
            || type != HashType.PDQ) {
          throw new MalformedInputException("field 'quality' must be 0..100, for PDQ only");
        }
        b.quality(quality.asInt());
      }
      optionalString(node, "label").ifPresent(b::label);
      optionalString(node, "source").ifPresent(b::source);
      Optional<String> added = optionalString(node, "added");
      if (added.isPresent()) {
        try {
          b.added(Instant.parse(added.get()));
        } catch (DateTimeParseException e) {
          throw new MalformedInputException("field 'added' is not an ISO-8601 instant");
        }
      }
      JsonNode tags = node.get("tags");
      if (tags != null) {
        if (!tags.isArray()) {
          throw new MalformedInputException("field 'tags' must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode t : tags) {
          if (!t.isString()) {
            throw new MalformedInputException("field 'tags' must be an array of strings");
          }
          list.add(t.asString());
        }
        b.tags(list);
      }
      return b.build();
    }

    private static final List<String> FRAME_KEYS = List.of("frame", "quality", "pdq",
        "timestamp");

    /**
     * A vPDQ value from its frames: {@code [{"frame": 0, "quality": 100, "pdq": "<64 hex>",
     * "timestamp": 0.0}, ...]}, as {@code hotlinekit hash --algorithms vpdq} writes them.
     */
    private static HashValue frames(JsonNode a) {
      if (a == null) {
        throw new MalformedInputException("missing field 'hash'");
      }
      if (!a.isArray() || a.isEmpty()) {
        throw new MalformedInputException("field 'hash' of a vpdq entry must be a non-empty array"
            + " of frames {\"frame\", \"quality\", \"pdq\", \"timestamp\"}");
      }
      List<org.hotlinekit.hashing.video.VpdqFeature> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        JsonNode f = a.get(i);
        String at = "field 'hash', frame " + i + ": ";
        if (!f.isObject() || f.size() != FRAME_KEYS.size()
            || !FRAME_KEYS.stream().allMatch(f::has)) {
          throw new MalformedInputException(at + "must be an object with exactly frame, quality,"
              + " pdq and timestamp");
        }
        JsonNode frame = f.get("frame");
        JsonNode quality = f.get("quality");
        JsonNode pdq = f.get("pdq");
        JsonNode timestamp = f.get("timestamp");
        if (!frame.isInt() || !quality.isInt() || !pdq.isString() || !timestamp.isNumber()) {
          throw new MalformedInputException(at + "frame and quality are integers, pdq a string,"
              + " timestamp a number");
        }
        try {
          out.add(new org.hotlinekit.hashing.video.VpdqFeature(frame.asInt(),
              org.hotlinekit.core.pdq.PdqHash.parse(pdq.asString()), quality.asInt(),
              timestamp.asDouble()));
        } catch (IllegalArgumentException | MalformedInputException e) {
          throw new MalformedInputException(at + e.getMessage());
        }
      }
      try {
        return org.hotlinekit.hashing.video.VpdqHash.of(out).toValue();
      } catch (IllegalArgumentException | MalformedInputException e) {
        throw new MalformedInputException("field 'hash': " + e.getMessage());
      }
    }

    private static String requiredString(JsonNode node, String key) {
      JsonNode v = node.get(key);
      if (v == null) {
        throw new MalformedInputException("missing field '" + key + "'");
      }
      if (!v.isString()) {
        throw new MalformedInputException("field '" + key + "' must be a string");
      }
      return v.asString();
    }

    private static Optional<String> optionalString(JsonNode node, String key) {
      JsonNode v = node.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (!v.isString()) {
        throw new MalformedInputException("field '" + key + "' must be a string");
      }
      return Optional.of(v.asString());
    }

    @Override
    String format(HashListEntry e) {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", e.id());
      n.put("type", e.hash().type().id());
      if (e.hash().type().isCarried()) {
        n.put("carried", true);
      }
      if (e.hash().type() == HashType.VPDQ) {
        ArrayNode frames = n.putArray("hash");
        for (org.hotlinekit.hashing.video.VpdqFeature f
            : org.hotlinekit.hashing.video.VpdqHash.of(e.hash()).features()) {
          frames.addObject().put("frame", f.frame()).put("quality", f.quality())
              .put("pdq", f.hash().toString()).put("timestamp", f.timestamp());
        }
      } else {
        n.put("hash", e.hash().toString());
      }
      e.quality().ifPresent(q -> n.put("quality", q));
      e.label().ifPresent(l -> n.put("label", l));
      if (!e.tags().isEmpty()) {
        ArrayNode a = n.putArray("tags");
        e.tags().forEach(a::add);
      }
      e.added().ifPresent(t -> n.put("added", t.toString()));
      e.source().ifPresent(s -> n.put("source", s));
      return JSON.writeValueAsString(n);
    }
  }

  /** A short, printable excerpt of untrusted text for an error message. */
  static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    StringBuilder b = new StringBuilder();
    for (char c : cut.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }
}
