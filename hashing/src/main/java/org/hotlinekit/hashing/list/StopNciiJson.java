package org.hotlinekit.hashing.list;

import java.io.BufferedReader;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.MalformedInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * StopNCII hash records: a FetchHashes page ({@code {"count": ..., "hashRecords": [...]}}) or a
 * bare array of records. {@code ImagePDQ} and {@code VideoMD5} records in status {@code Received}
 * or {@code Active} become entries (id = the hash, source {@code StopNCII}, added = {@code
 * lastModtimestamp} in seconds since the epoch); {@code Withdrawn} and {@code Deleted} records are
 * counted as withdrawn and handed on as {@link Withdrawal}s, never delivered as entries; other
 * signal types are rejected as unsupported (withdrawn ones only counted).
 */
final class StopNciiJson extends HashListFormat {
  @Override
  public String name() {
    return "stopncii";
  }

  static final String SOURCE = "StopNCII";
  private static final Map<String, HashType> SIGNALS =
      Map.of("ImagePDQ", HashType.PDQ, "VideoMD5", HashType.MD5);

  @Override
  ReadReport readText(BufferedReader in, String name, boolean strict,
      Consumer<HashListEntry> sink, Consumer<Withdrawal> withdrawals) {
    Problems problems = new Problems(name, strict, withdrawals);
    long lines = JsonArrays.each(in, problems, "a StopNCII hash page", "hashRecords",
        (node, line) -> {
          Parsed p;
          try {
            p = parse(node);
          } catch (HotlinekitException | ArithmeticException ex) {
            problems.reject(line, ex.getMessage(), ex);
            return;
          }
          if (!p.withdrawn()) {
            sink.accept(p.entry());
            problems.delivered(p.entry());
          } else if (p.entry() == null) {
            problems.withdrawnUnsupported();
          } else {
            HashValue v = p.entry().hash();
            problems.withdrawn(new Withdrawal(p.entry().id(), java.util.Optional.of(v), line));
          }
        });
    return problems.report(lines);
  }

  /**
   * A record read: an entry to deliver, or a withdrawal (whose entry names the hash to delete;
   * null for a signal type this library never delivers, so that nothing of it is held).
   */
  private record Parsed(HashListEntry entry, boolean withdrawn) {}

  private static Parsed parse(JsonNode node) {
    if (!node.isObject()) {
      throw new MalformedInputException("a hash record must be a JSON object");
    }
    String status = JsonArrays.string(node, "hashStatus");
    if (status == null) {
      throw new MalformedInputException("missing field 'hashStatus'");
    }
    boolean withdrawn;
    switch (status) {
      case "Withdrawn":
      case "Deleted":
        withdrawn = true;
        break;
      case "Received":
      case "Active":
        withdrawn = false;
        break;
      default:
        throw new MalformedInputException(
            "field 'hashStatus': unknown status '" + printable(status) + "'");
    }
    String signal = JsonArrays.string(node, "signalType");
    if (signal == null) {
      throw new MalformedInputException("missing field 'signalType'");
    }
    HashType type = SIGNALS.get(signal);
    if (type == null && withdrawn) {
      return new Parsed(null, true);
    }
    if (type == null) {
      throw new MalformedInputException(
          "field 'signalType': unsupported signal type '" + printable(signal) + "'");
    }
    String hex = JsonArrays.string(node, "hashValue");
    if (hex == null) {
      throw new MalformedInputException("missing field 'hashValue'");
    }
    HashValue value;
    try {
      value = HashValue.parse(type, hex.toLowerCase(Locale.ROOT));
    } catch (HotlinekitException ex) {
      throw new MalformedInputException("field 'hashValue': " + ex.getMessage(), ex);
    }
    HashListEntry.Builder b = HashListEntry.builder(value.toString(), value).source(SOURCE);
    JsonNode mod = node.get("lastModtimestamp");
    if (mod != null && !mod.isNull()) {
      if (!mod.isIntegralNumber() || !mod.canConvertToLong() || mod.asLong() < 0
          || mod.asLong() > Instant.MAX.getEpochSecond()) {
        throw new MalformedInputException(
            "field 'lastModtimestamp' must be a non-negative whole number of seconds");
      }
      b.added(Instant.ofEpochSecond(mod.asLong()));
    }
    return new Parsed(b.build(), withdrawn);
  }

  @Override
  void writeText(Iterable<HashListEntry> entries, Writer out) throws java.io.IOException {
    out.write("{\"hashRecords\": [");
    long count = 0;
    for (HashListEntry e : entries) {
      HashType type = e.hash().type();
      String signal;
      if (type == HashType.PDQ) {
        signal = "ImagePDQ";
      } else if (type == HashType.MD5) {
        signal = "VideoMD5";
      } else {
        throw new IllegalArgumentException("StopNCII has no signal type for " + type.id());
      }
      if (e.added().isPresent() && e.added().get().getNano() != 0) {
        throw new IllegalArgumentException(
            "StopNCII timestamps are whole seconds; entry " + e.id() + " has a fraction");
      }
      ObjectNode n = JsonArrays.JSON.createObjectNode();
      n.put("signalType", signal);
      n.put("hashValue", e.hash().toString());
      n.put("hashStatus", "Active");
      e.added().ifPresent(t -> n.put("lastModtimestamp", t.getEpochSecond()));
      out.write(count == 0 ? "\n  " : ",\n  ");
      out.write(JsonArrays.JSON.writeValueAsString(n));
      count++;
    }
    out.write("\n], \"count\": " + count + ", \"hasMoreRecords\": false}\n");
  }
}
