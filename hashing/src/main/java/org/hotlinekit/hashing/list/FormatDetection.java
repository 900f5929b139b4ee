package org.hotlinekit.hashing.list;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.hash.HashType;

/** Tells a list file's format from its content (see {@link HashListFormat#detect(Path)}). */
final class FormatDetection {
  private FormatDetection() {}

  /** How much of a document's start is looked at for its root and telltale keys. */
  private static final int HEAD = 1 << 16;

  private static final Pattern STIX_BUNDLE = Pattern.compile("\"type\"\\s*:\\s*\"bundle\"");

  static HashListFormat detect(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      HashListFormat.skipByteOrderMark(in);
      in.mark(HEAD);
      char[] head = new char[HEAD];
      int n = in.read(head);
      String start = n <= 0 ? "" : new String(head, 0, n);
      in.reset();
      String lead = start.stripLeading();
      if (lead.startsWith("<")) {
        if (start.contains("queryResult")) {
          return HashListFormat.ncmecHashSharingXml();
        }
        throw new MalformedInputException(file + ": an XML file that is not an NCMEC hash sharing"
            + " queryResult; name the list's format");
      }
      if (lead.startsWith("[") || lead.startsWith("{")) {
        if (start.contains("\"hashRecords\"") || start.contains("\"signalType\"")) {
          return HashListFormat.stopNcii();
        }
        if (STIX_BUNDLE.matcher(start).find()) {
          return HashListFormat.stix();
        }
      }
      return fromFirstEntryLine(file, in);
    } catch (CharacterCodingException e) {
      throw new MalformedInputException(file + ": not a hash list (the file is not UTF-8 text)", e);
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(file, e);
    }
  }

  private static HashListFormat fromFirstEntryLine(Path file, BufferedReader in)
      throws IOException {
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
              + " name the list's format (sha256 or pdq)");
        default:
          throw new MalformedInputException(file + ": cannot tell the list format from line '"
              + (s.length() > 20 ? s.substring(0, 20) + "..." : s).toLowerCase(Locale.ROOT)
              + "'; name the list's format");
      }
    }
    throw new MalformedInputException(file + ": the list has no entries");
  }
}
