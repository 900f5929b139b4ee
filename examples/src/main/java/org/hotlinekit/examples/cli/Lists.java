package org.hotlinekit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.list.HashType;
import org.hotlinekit.hashing.list.ReadReport;

/** Loads hash lists for the CLI, choosing the format from {@code --list-format} or the content. */
final class Lists {
  private Lists() {}

  /** The list formats the CLI accepts. */
  enum Format {
    auto,
    jsonl,
    te,
    pytx,
    ncmec,
    stopncii,
    stix,
    md5,
    sha1,
    sha256,
    pdq
  }

  static HashList load(Path file, Format format, boolean strict, PrintWriter err) {
    HashListFormat f = format == Format.auto ? detect(file) : explicit(format);
    List<HashListEntry> entries = new ArrayList<>();
    ReadReport r = f.read(file, strict, entries::add);
    for (ReadReport.Problem p : r.problems().subList(0, Math.min(5, r.problems().size()))) {
      err.println("hotlinekit: " + p);
    }
    if (r.rejected() > 0) {
      err.println("hotlinekit: " + file + ": " + r.rejected() + " bad records skipped, "
          + r.entries() + " entries loaded");
    }
    if (r.withdrawn() > 0) {
      err.println("hotlinekit: " + file + ": " + r.withdrawn()
          + " withdrawn records left out (delete them from any copy you keep)");
    }
    return new HashList(file.getFileName().toString(), file.toString(), entries);
  }

  static HashListFormat explicit(Format format) {
    switch (format) {
      case jsonl:
        return HashListFormat.jsonLines();
      case te:
        return HashListFormat.threatExchange();
      case pytx:
        return HashListFormat.pythonThreatExchangeCsv();
      case ncmec:
        return HashListFormat.ncmecHashSharingXml();
      case stopncii:
        return HashListFormat.stopNcii();
      case stix:
        return HashListFormat.stix();
      default:
        return HashListFormat.plainHex(HashType.fromId(format.name()).orElseThrow());
    }
  }

  private static final java.util.regex.Pattern STIX_BUNDLE =
      java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"bundle\"");

  /**
   * The format from the first line that carries an entry; for XML and JSON documents, from the
   * first 64 KiB.
   */
  static HashListFormat detect(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.mark(1 << 16);
      char[] head = new char[1 << 16];
      int n = in.read(head);
      String start = n <= 0 ? "" : new String(head, 0, n);
      in.reset();
      String lead = start.stripLeading();
      if (lead.startsWith("<")) {
        if (start.contains("queryResult")) {
          return HashListFormat.ncmecHashSharingXml();
        }
        throw new MalformedInputException(file + ": an XML file that is not an NCMEC hash sharing"
            + " queryResult; use --list-format");
      }
      if (lead.startsWith("[") || lead.startsWith("{")) {
        if (start.contains("\"hashRecords\"") || start.contains("\"signalType\"")) {
          return HashListFormat.stopNcii();
        }
        if (STIX_BUNDLE.matcher(start).find()) {
          return HashListFormat.stix();
        }
      }
      String line;
      while ((line = in.readLine()) != null) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        if (s.startsWith("{")) {
          return HashListFormat.jsonLines();
        }
        if (s.startsWith("signal_type,signal_str")) {
          return HashListFormat.pythonThreatExchangeCsv();
        }
        if (s.contains(" ")) {
          return HashListFormat.threatExchange();
        }
        switch (s.length()) {
          case 32:
            return HashListFormat.plainHex(HashType.MD5);
          case 40:
            return HashListFormat.plainHex(HashType.SHA1);
          case 64:
            throw new MalformedInputException(file + ": 64-digit hashes may be SHA-256 or PDQ;"
                + " say which with --list-format sha256 or --list-format pdq");
          default:
            throw new MalformedInputException(file + ": cannot tell the list format from line '"
                + (s.length() > 20 ? s.substring(0, 20) + "..." : s).toLowerCase(Locale.ROOT)
                + "'; use --list-format");
        }
      }
      throw new MalformedInputException(file + ": the list has no entries");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new MalformedInputException(file + ": not a hash list (the file is not UTF-8 text)", e);
    } catch (IOException e) {
      throw new InputReadException(file + ": could not read the list: " + e.getMessage(), e);
    }
  }
}
