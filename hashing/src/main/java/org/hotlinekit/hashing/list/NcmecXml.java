package org.hotlinekit.hashing.list;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * NCMEC Hash Sharing API v2 {@code queryResult} documents: {@code <image>} and {@code <video>}
 * records with an id, member, timestamp, classification and fingerprints. Each supported
 * fingerprint ({@code md5}, {@code sha1}, {@code pdq}, {@code pdna}) becomes one entry with the
 * record's id; large fingerprints given by reference ({@code <tmk-pdqf href=.../>}) are not hash
 * values and are passed over; {@code <deletedImage>}/{@code <deletedVideo>} are counted as
 * withdrawn.
 */
final class NcmecXml extends HashListFormat {
  @Override
  public String name() {
    return "ncmec";
  }

  static final String NS = "https://hashsharing.ncmec.org/hashsharing/v2";
  private static final int MAX_TEXT = 4096;

  private static final XMLInputFactory IN = inputFactory();
  private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

  private static XMLInputFactory inputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // No DTDs, no external entities: the document is untrusted.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** One fingerprint element as read: its name, text and line. */
  private record Fingerprint(String element, String text, long line) {}

  /** One record as read, before its fingerprints are checked. */
  private static final class Record {
    final long line;
    final boolean video;
    String id;
    String member;
    String timestamp;
    String classification;
    final List<Fingerprint> fingerprints = new ArrayList<>();

    Record(long line, boolean video) {
      this.line = line;
      this.video = video;
    }
  }

  @Override
  ReadReport readText(BufferedReader in, String name, boolean strict,
      Consumer<HashListEntry> sink, Consumer<Withdrawal> withdrawals) throws IOException {
    Problems problems = new Problems(name, strict, withdrawals);
    XMLStreamReader x = null;
    try {
      x = IN.createXMLStreamReader(in);
      int first;
      while ((first = x.next()) != XMLStreamConstants.START_ELEMENT) {
        if (first == XMLStreamConstants.DTD) {
          throw problems.fatal(line(x), "a DOCTYPE is not allowed in a hash list", null);
        }
        if (first == XMLStreamConstants.END_DOCUMENT || first == XMLStreamConstants.CHARACTERS
            && !x.isWhiteSpace()) {
          throw problems.fatal(line(x), "not an NCMEC hash sharing v2 queryResult", null);
        }
      }
      if (!"queryResult".equals(x.getLocalName()) || !NS.equals(x.getNamespaceURI())) {
        throw problems.fatal(line(x), "not an NCMEC hash sharing v2 queryResult (root element {"
            + x.getNamespaceURI() + "}" + x.getLocalName() + ")", null);
      }
      int depth = 1;
      while (depth > 0) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String el = x.getLocalName();
          if (depth == 2 && (el.equals("image") || el.equals("video"))) {
            Record r = record(x, el.equals("video"));
            deliver(r, problems, sink);
          } else if (depth == 2 && (el.equals("deletedImage") || el.equals("deletedVideo"))) {
            Record r = record(x, el.equals("deletedVideo"));
            if (r.id == null || r.id.isBlank()) {
              problems.reject(r.line, "withdrawn record without an <id>", null);
            } else {
              problems.withdrawn(new Withdrawal(r.id.strip(), java.util.Optional.empty(),
                  r.line));
            }
          } else {
            depth++;
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      while (x.hasNext()) {
        x.next();
      }
      return problems.report(line(x));
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw problems.fatal(line, "not well-formed XML: " + firstLine(e.getMessage()), e);
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException ignored) {
          // Closing a reader over a Reader frees nothing the caller does not close.
        }
      }
    }
  }

  private static Record record(XMLStreamReader x, boolean video) throws XMLStreamException {
    Record r = new Record(line(x), video);
    while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (x.getLocalName()) {
        case "id":
          r.id = text(x);
          break;
        case "member":
          r.member = text(x);
          break;
        case "timestamp":
          r.timestamp = text(x);
          break;
        case "classification":
          r.classification = text(x);
          break;
        case "fingerprints":
          while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String fp = x.getLocalName();
            long line = line(x);
            boolean byReference = x.getAttributeValue(null, "href") != null;
            String value = text(x);
            if (!byReference) {
              r.fingerprints.add(new Fingerprint(fp, value, line));
            }
          }
          break;
        default:
          skipElement(x);
      }
    }
    return r;
  }

  private static void deliver(Record r, Problems problems, Consumer<HashListEntry> sink) {
    if (r.id == null || r.id.isBlank()) {
      problems.reject(r.line, "record without an <id>", null);
      return;
    }
    Instant added = null;
    if (r.timestamp != null) {
      try {
        added = Instant.parse(r.timestamp.strip());
      } catch (DateTimeParseException e) {
        problems.reject(r.line, "record " + printable(r.id) + ": <timestamp> is not an ISO-8601"
            + " instant", null);
        return;
      }
    }
    for (Fingerprint fp : r.fingerprints) {
      HashValue value;
      try {
        value = value(fp.element(), fp.text().strip());
      } catch (HotlinekitException e) {
        problems.reject(fp.line(), "record " + printable(r.id) + ": <" + fp.element() + ">: "
            + e.getMessage(), e);
        continue;
      }
      if (value == null) {
        continue;
      }
      HashListEntry.Builder b = HashListEntry.builder(r.id.strip(), value);
      if (r.classification != null && !r.classification.isBlank()) {
        b.label(r.classification.strip());
      }
      if (r.member != null && !r.member.isBlank()) {
        b.source(r.member.strip());
      }
      if (added != null) {
        b.added(added);
      }
      if (r.video) {
        b.tags(List.of("video"));
      }
      HashListEntry entry = b.build();
      sink.accept(entry);
      problems.delivered(entry);
    }
  }

  /** The value of a fingerprint element; other kinds than md5, sha1, pdq and pdna are carried. */
  private static HashValue value(String element, String text) {
    switch (element) {
      case "md5":
        return HashValue.parse(HashType.MD5, text.toLowerCase(Locale.ROOT));
      case "sha1":
        return HashValue.parse(HashType.SHA1, text.toLowerCase(Locale.ROOT));
      case "pdq":
        return HashValue.parse(HashType.PDQ, text.toLowerCase(Locale.ROOT));
      case "pdna":
        return HashValue.parsePhotoDna(text);
      default:
        // A kind hotlinekit cannot compare (NetClean, TMK+PDQF, ...): carried as the list's text.
        try {
          return HashValue.carried(HashType.carried(element), text);
        } catch (IllegalArgumentException e) {
          throw new org.hotlinekit.core.MalformedInputException(e.getMessage(), e);
        }
    }
  }

  /** The text of a simple element, the reader left on its end tag. */
  private static String text(XMLStreamReader x) throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int ev = x.next();
      if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        if (depth == 1 && b.length() < MAX_TEXT) {
          b.append(x.getText(), 0, Math.min(x.getTextLength(), MAX_TEXT - b.length()));
        }
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return b.toString();
  }

  private static void skipElement(XMLStreamReader x) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static long line(XMLStreamReader x) {
    return x.getLocation() == null ? 0 : Math.max(0, x.getLocation().getLineNumber());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int msg = t.indexOf("Message: ");
    if (msg >= 0) {
      t = t.substring(msg + 9);
    }
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  @Override
  void writeText(Iterable<HashListEntry> entries, Writer out) throws IOException {
    List<HashListEntry> images = new ArrayList<>();
    List<HashListEntry> videos = new ArrayList<>();
    for (HashListEntry e : entries) {
      element(e); // fails early for a type NCMEC cannot carry
      (e.tags().contains("video") ? videos : images).add(e);
    }
    try {
      XMLStreamWriter w = OUT.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("queryResult");
      w.writeDefaultNamespace(NS);
      w.writeCharacters("\n");
      group(w, "images", "image", images);
      group(w, "videos", "video", videos);
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException("writing NCMEC XML failed", e);
    }
  }

  private static void group(XMLStreamWriter w, String group, String item,
      List<HashListEntry> entries) throws XMLStreamException {
    if (entries.isEmpty()) {
      return;
    }
    w.writeCharacters("  ");
    w.writeStartElement(group);
    w.writeAttribute("count", Integer.toString(entries.size()));
    w.writeCharacters("\n");
    for (HashListEntry e : entries) {
      w.writeCharacters("    ");
      w.writeStartElement(item);
      if (e.source().isPresent()) {
        simple(w, "member", e.source().get());
      }
      if (e.added().isPresent()) {
        simple(w, "timestamp", e.added().get().toString());
      }
      simple(w, "id", e.id());
      if (e.label().isPresent()) {
        simple(w, "classification", e.label().get());
      }
      w.writeStartElement("fingerprints");
      simple(w, element(e), e.hash().toString());
      w.writeEndElement();
      w.writeEndElement();
      w.writeCharacters("\n");
    }
    w.writeCharacters("  ");
    w.writeEndElement();
    w.writeCharacters("\n");
  }

  private static void simple(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        throw new IllegalArgumentException(
            "<" + name + "> cannot hold control characters in XML 1.0");
      }
    }
    if (!text.equals(text.strip()) || text.isEmpty()) {
      throw new IllegalArgumentException(
          "<" + name + "> cannot round-trip surrounding white space or an empty value");
    }
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private static String element(HashListEntry e) {
    HashType t = e.hash().type();
    if (t == HashType.MD5 || t == HashType.SHA1 || t == HashType.PDQ || t.isCarried()) {
      return t.id();
    }
    if (t == HashType.PHOTODNA) {
      return "pdna";
    }
    throw new IllegalArgumentException("NCMEC hash sharing has no fingerprint for " + t.id());
  }
}
