package org.hotlinekit.iccam.ncmec;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.SchemeMapper;
import org.hotlinekit.categorisation.scheme.Schemes;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.iccam.model.Action;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.Actor;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Fingerprint;
import org.hotlinekit.iccam.model.Hosting;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.xml.sax.SAXException;

/**
 * Exports a report as CyberTipline XML: one {@code <report>} (incident type "Child Pornography
 * ...", the time the hotline received the report, the source and page URLs with their hosting,
 * law enforcement when reported to it, and the rest as additional information) and a {@code
 * <fileDetails>} for every image or video assessed illegal, with {@code industryClassification}
 * and {@code fileAnnotations} from the latest assessment that settles them (a manual label of the
 * scheme, else what its facts derive by the categorisation mappers {@code tc-ics} and {@code
 * ncmec-file-annotations}; see {@link #industryClassification(ContentItem)}); an indeterminate
 * classification is left out, never guessed. {@code fileViewedByEsp} is true only for an item a person assessed
 * ({@link #viewedByAPerson}), never a constant. The envelope and the XSD ({@value #XSD_RESOURCE}) are hotlinekit's,
 * written from NCMEC's public documentation: submit each part to its endpoint and validate it
 * against NCMEC's own XSD.
 *
 * <p>Lossy by nature: the hotline reference, ICCAM classification, gender, site type,
 * commerciality and payment methods have no CyberTipline fields and go to {@code additionalInfo}
 * text.
 */
public final class CyberTiplineExport {
  /** The classpath resource of the export's XSD. */
  public static final String XSD_RESOURCE =
      "/org/hotlinekit/iccam/ncmec/cybertipline-export-1.xsd";

  static final String INCIDENT = "Child Pornography (possession, manufacture, and distribution)";
  private static final List<String> ANNOTATION_ORDER = List.of("animeDrawingVirtualHentai",
      "potentialMeme", "viral", "possibleSelfProduction", "physicalHarm", "violenceGore",
      "bestiality", "liveStreaming", "infant", "generativeAi");
  private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
  private static final Schema SCHEMA = loadSchema(XSD_RESOURCE);

  private CyberTiplineExport() {}

  private static Schema loadSchema(String resource) {
    try (InputStream in = CyberTiplineExport.class.getResourceAsStream(resource)) {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newSchema(new StreamSource(in));
    } catch (IOException | SAXException e) {
      throw new IllegalStateException("bundled XSD unreadable", e);
    }
  }

  /**
   * The export of one report, validated against the bundled XSD before it is returned.
   *
   * @param report the report
   * @return the XML text
   */
  public static String export(Report report) {
    String xml = write(report);
    validate(xml);
    return xml;
  }

  /** The classpath resource of NCMEC's CyberTipline Reporting API schema (see NOTICE). */
  public static final String NCMEC_XSD_RESOURCE = "/org/hotlinekit/iccam/ncmec/cyber_tipline.xsd";

  /** NCMEC's schema, loaded on first use (150 KB). */
  private static final class NcmecSchema {
    static final Schema SCHEMA = loadSchema(NCMEC_XSD_RESOURCE);
  }

  /**
   * Who submits a report to NCMEC, as NCMEC's {@code <report>} needs it: these come from the
   * user's configuration, never from hotlinekit's guesses.
   *
   * @param email the reporting person's e-mail address (required: NCMEC's contact)
   * @param firstName the reporting person's first name, if given
   * @param lastName the reporting person's last name, if given
   * @param lawEnforcementAgency the name of the law-enforcement agency the hotline reports to;
   *     required for a report that was reported to law enforcement
   */
  public record Reporter(String email, Optional<String> firstName, Optional<String> lastName,
      Optional<String> lawEnforcementAgency) {
    /**
     * Validates.
     *
     * @param email the e-mail address
     * @param firstName the first name
     * @param lastName the last name
     * @param lawEnforcementAgency the agency
     * @throws IllegalArgumentException if the address is not one, or a name is blank
     */
    public Reporter {
      if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new IllegalArgumentException("the reporter's e-mail address is required, e.g."
            + " analyst@hotline.example; got '" + email + "'");
      }
      email = email.strip();
      for (Optional<String> v : List.of(firstName, lastName, lawEnforcementAgency)) {
        if (Objects.requireNonNull(v, "optional").map(String::isBlank).orElse(false)) {
          throw new IllegalArgumentException("a reporter's name or agency cannot be blank");
        }
      }
    }
  }

  /**
   * What to submit to NCMEC for one report: the {@code <report>} document (valid against NCMEC's
   * schema as it is) and, per illegal image or video, a {@code <fileDetails>} document that NCMEC's
   * answers complete: {@code POST /submit} the report (its answer gives the report id), {@code
   * POST /upload} each file (the answer gives its file id), then {@code POST /fileinfo} {@link
   * FileDocument#xml(long, String)}.
   *
   * @param report the {@code <report>} XML
   * @param files one per reported file, in item order
   */
  public record Submission(String report, List<FileDocument> files) {
    /**
     * Copies.
     *
     * @param report the report XML
     * @param files the files
     */
    public Submission {
      Objects.requireNonNull(report, "report");
      files = List.copyOf(files);
    }
  }

  /** The {@code <fileDetails>} of one item, written once NCMEC's ids are known. */
  public static final class FileDocument {
    private final ContentItem item;
    private final Assessment assessment;

    private FileDocument(ContentItem item, Assessment assessment) {
      this.item = item;
      this.assessment = assessment;
    }

    /**
     * The item this file is.
     *
     * @return the item's id in the report
     */
    public String itemId() {
      return item.id();
    }

    /**
     * Where the file was found.
     *
     * @return its URL
     */
    public String url() {
      return item.url();
    }

    /**
     * The document, validated against NCMEC's schema.
     *
     * @param reportId the report id NCMEC's {@code /submit} answer gave
     * @param fileId the file id NCMEC's {@code /upload} answer gave
     * @return the XML
     * @throws IllegalArgumentException if the file id is blank
     */
    public String xml(long reportId, String fileId) {
      if (fileId == null || fileId.isBlank()) {
        throw new IllegalArgumentException("the file id NCMEC gave is required");
      }
      StringWriter text = new StringWriter();
      try {
        XMLStreamWriter w = OUT.createXMLStreamWriter(text);
        w.writeStartDocument("UTF-8", "1.0");
        fileDetails(new Indent(w), item, assessment,
            Optional.of(Map.entry(reportId, fileId.strip())));
        w.writeEndDocument();
        w.close();
      } catch (XMLStreamException e) {
        throw new IllegalStateException("writing XML to a string failed", e);
      }
      String xml = text + "\n";
      validate(NcmecSchema.SCHEMA, xml, "NCMEC fileDetails");
      return xml;
    }
  }

  /**
   * The documents NCMEC's CyberTipline Reporting API takes for one report, each validated
   * against NCMEC's own schema ({@value #NCMEC_XSD_RESOURCE}) before it is returned.
   *
   * @param report the report
   * @param reporter who submits (from the user's configuration)
   * @return the report document and the file documents to complete
   * @throws IllegalArgumentException if the report needs data the reporter does not give (the
   *     law-enforcement agency of a report reported to law enforcement)
   */
  public static Submission submission(Report report, Reporter reporter) {
    String xml = write(report, Optional.of(Objects.requireNonNull(reporter, "reporter")));
    validate(NcmecSchema.SCHEMA, xml, "NCMEC report");
    List<FileDocument> files = new ArrayList<>();
    for (ContentItem i : reportedFiles(report)) {
      files.add(new FileDocument(i, i.latestAssessment().orElseThrow()));
    }
    return new Submission(xml, files);
  }

  /**
   * Validates an export against the bundled XSD.
   *
   * @param xml the XML text
   * @throws MalformedInputException with the line and reason if it is not valid
   */
  public static void validate(String xml) {
    validate(SCHEMA, xml, "CyberTipline export");
  }

  /**
   * Validates a document against NCMEC's own schema ({@value #NCMEC_XSD_RESOURCE}): a
   * {@code <report>} or a {@code <fileDetails>}.
   *
   * @param xml the XML text
   * @throws MalformedInputException with the line and reason if it is not valid
   */
  public static void validateNcmec(String xml) {
    validate(NcmecSchema.SCHEMA, xml, "NCMEC document");
  }

  private static void validate(Schema schema, String xml, String what) {
    try {
      Validator v = schema.newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.validate(new StreamSource(new StringReader(xml)));
    } catch (org.xml.sax.SAXParseException e) {
      throw new MalformedInputException(what + ":" + e.getLineNumber() + ":"
          + e.getColumnNumber() + ": " + e.getMessage(), e);
    } catch (SAXException | IOException e) {
      throw new MalformedInputException(what + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * The ICS class NCMEC gets for an assessment: the {@code tc-ics} mapper's label for its facts,
   * or empty if there are no facts, the mapper is indeterminate, or the item has no ICS class.
   *
   * @param assessment the assessment
   * @return {@code A1}, {@code A2}, {@code B1} or {@code B2}, or empty
   */
  public static Optional<String> industryClassification(Assessment assessment) {
    return derived(assessment.facts(), Schemes.TC_ICS).filter(l -> !l.equals("none"));
  }

  /**
   * The ICS class NCMEC gets for an item, merged over all its assessments by one rule: the latest
   * assessment that settles the scheme decides, where an assessment settles it by a manual label
   * of the scheme (a person's word, preferred within its assessment) or else by what its facts
   * derive; an assessment without facts or whose facts leave the scheme open (and without a
   * manual label) is skipped. So a re-assessment that records no facts (a receiving hotline's
   * classification) keeps the class an earlier assessment established.
   *
   * @param item the item
   * @return {@code A1}, {@code A2}, {@code B1} or {@code B2}, or empty if no assessment settles
   *     it or the deciding one says the item has no ICS class
   */
  public static Optional<String> industryClassification(ContentItem item) {
    return merged(item, Schemes.TC_ICS).filter(l -> !l.equals("none"));
  }

  /** The latest assessment's settled label for a scheme: manual first, then from its facts. */
  private static Optional<String> merged(ContentItem item, String scheme) {
    List<Assessment> all = item.assessments();
    for (int k = all.size() - 1; k >= 0; k--) {
      Assessment a = all.get(k);
      Optional<String> manual = Optional.empty();
      for (org.hotlinekit.categorisation.assertion.LabelAssertion l : a.labels()) {
        if (l.scheme().id().equals(scheme)
            && l.basis() instanceof org.hotlinekit.categorisation.assertion.Basis.Manual) {
          manual = Optional.of(l.label()); // the last one recorded in the assessment
        }
      }
      if (manual.isPresent()) {
        return manual;
      }
      Optional<String> d = derived(a.facts(), scheme);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> derived(Optional<ContentFacts> facts, String scheme) {
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    SchemeMapper m = Schemes.find(scheme).orElseThrow();
    Derivation d = m.derive(facts.get(), Optional.empty());
    return d instanceof Derived ? Optional.of(((Derived) d).label()) : Optional.empty();
  }

  /**
   * Whether a person (not {@code hotlinekit}'s automatic assessor) assessed the item: the only
   * record in the report that someone viewed the file.
   *
   * @param item the item
   * @return true if some assessment was made by a person
   */
  public static boolean viewedByAPerson(ContentItem item) {
    return item.assessments().stream().anyMatch(a -> !a.assessor().equals(
        org.hotlinekit.categorisation.assertion.Assessor.HOTLINEKIT.id()));
  }

  private static String write(Report r) {
    return write(r, Optional.empty());
  }

  /**
   * The wrapper export (no reporter: {@code <cyberTiplineExport>} with the report and its files)
   * or, with a reporter, NCMEC's own {@code <report>} document alone.
   */
  private static String write(Report r, Optional<Reporter> ncmec) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter w = OUT.createXMLStreamWriter(text);
      Indent x = new Indent(w);
      w.writeStartDocument("UTF-8", "1.0");
      if (ncmec.isEmpty()) {
        x.open("cyberTiplineExport");
        w.writeAttribute("version", "1");
        w.writeAttribute("source", "hotlinekit");
      }
      x.open("report");
      x.open("incidentSummary");
      x.leaf("incidentType", INCIDENT);
      x.leaf("incidentDateTime", r.receivedAt().toString());
      x.leaf("incidentDateTimeDescription",
          "time the public report reached the hotline (hotlineReceivedDate)");
      x.close();
      x.open("internetDetails");
      x.open("webPageIncident");
      w.writeAttribute("thirdPartyHostedContent", "true");
      List<String> urls = new ArrayList<>();
      urls.add(r.sourceUrl());
      for (ContentItem i : r.items()) {
        if (i.mediaType() == MediaType.WEBSITE && !urls.contains(i.url())) {
          urls.add(i.url());
        }
      }
      for (String u : urls) {
        x.leaf("url", u);
      }
      String hosting = hostingInfo(r);
      if (!hosting.isEmpty()) {
        x.leaf("additionalInfo", hosting);
      }
      x.close();
      x.close();
      Optional<ContentItem> leaItem = firstItemWith(r, ActionType.REPORTED_TO_LEA);
      if (leaItem.isPresent()) {
        Action lea = leaItem.get().actions().stream()
            .filter(a -> a.type() == ActionType.REPORTED_TO_LEA).findFirst().orElseThrow();
        x.open("lawEnforcement");
        if (ncmec.isPresent()) {
          // NCMEC needs the agency's name; it is the user's to give, never guessed.
          x.leaf("agencyName", ncmec.get().lawEnforcementAgency().orElseThrow(() ->
              new IllegalArgumentException("report " + r.reference() + " was reported to law"
                  + " enforcement: NCMEC's report needs the agency's name (Reporter"
                  + " lawEnforcementAgency)")));
        } else {
          // The LEA is the assessing hotline's own: its country is the assessment's
          // jurisdiction.
          Optional<String> country = leaItem.get().latestAssessment()
              .map(Assessment::jurisdiction).filter(j -> j.matches("[A-Z]{2}"));
          if (country.isPresent()) {
            w.writeAttribute("fleaCountry", country.get());
          }
        }
        Optional<Action> first = Optional.of(lea);
        first.get().note().ifPresent(n -> leafQuietly(x, "caseNumber", n));
        x.leaf("reportedToLe", "true");
        x.close();
      }
      x.open("reporter");
      if (ncmec.isPresent()) {
        Reporter p = ncmec.get();
        x.open("reportingPerson");
        p.firstName().ifPresent(v -> leafQuietly(x, "firstName", v));
        p.lastName().ifPresent(v -> leafQuietly(x, "lastName", v));
        x.leaf("email", p.email());
        x.close();
      } else {
        x.leaf("companyTemplate", r.reportingHotline());
      }
      x.close();
      x.leaf("additionalInfo", additionalInfo(r));
      x.close();
      if (ncmec.isEmpty()) {
        for (ContentItem i : reportedFiles(r)) {
          fileDetails(x, i, i.latestAssessment().orElseThrow(), Optional.empty());
        }
        x.close();
      }
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string failed", e);
    }
    return text + "\n";
  }

  private static void leafQuietly(Indent x, String name, String value) {
    try {
      x.leaf(name, value);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The items that get a {@code <fileDetails>}: images and videos assessed illegal. */
  private static List<ContentItem> reportedFiles(Report r) {
    List<ContentItem> out = new ArrayList<>();
    for (ContentItem i : r.items()) {
      Optional<Assessment> a = i.latestAssessment();
      if ((i.mediaType() == MediaType.IMAGE || i.mediaType() == MediaType.VIDEO)
          && a.isPresent() && a.get().classification().illegal()) {
        out.add(i);
      }
    }
    return out;
  }

  private static void fileDetails(Indent x, ContentItem i, Assessment a,
      Optional<Map.Entry<Long, String>> ids) throws XMLStreamException {
    x.open("fileDetails");
    if (ids.isPresent()) {
      x.leaf("reportId", Long.toString(ids.get().getKey()));
      x.leaf("fileId", ids.get().getValue());
    }
    fileName(i.url()).ifPresent(n -> leafQuietly(x, "originalFileName", n));
    x.leaf("locationOfFile", i.url());
    // Whether the reporter viewed the file decides whether US law enforcement may open it
    // without a warrant: true only when a person assessed the item, never for labels a
    // hash match or hotlinekit itself gave.
    x.leaf("fileViewedByEsp", Boolean.toString(viewedByAPerson(i)));
    x.leaf("publiclyAvailable", "true");
    x.leaf("fileRelevance", "Reported");
    Optional<String> annotations = merged(i, Schemes.NCMEC_FILE_ANNOTATIONS)
        .filter(l -> !l.equals("none"));
    if (annotations.isPresent()) {
      List<String> flags = Arrays.asList(annotations.get().split(","));
      x.open("fileAnnotations");
      for (String f : ANNOTATION_ORDER) {
        if (flags.contains(f)) {
          x.empty(f);
        }
      }
      x.close();
    }
    Optional<String> ics = industryClassification(i);
    if (ics.isPresent()) {
      x.leaf("industryClassification", ics.get());
    }
    List<Fingerprint> other = new ArrayList<>();
    for (Fingerprint f : i.fingerprints()) {
      if (f.type() == HashType.MD5 || f.type() == HashType.SHA1) {
        x.leafWithAttribute("originalFileHash", "hashType",
            f.type().id().toUpperCase(Locale.ROOT), f.value());
      } else {
        other.add(f);
      }
    }
    if (!other.isEmpty()) {
      x.open("details");
      x.writer.writeAttribute("type", "HASH");
      for (Fingerprint f : other) {
        x.open("nameValuePair");
        x.leaf("name", f.type() == HashType.PHOTODNA ? "PhotoDNA"
            : f.type().id().toUpperCase(Locale.ROOT));
        x.leaf("value", f.value());
        x.close();
      }
      x.close();
    }
    x.leaf("additionalInfo", "hotlinekit item " + i.id() + "; ICCAM classification "
        + a.classification().name().toLowerCase(Locale.ROOT) + " (" + a.jurisdiction() + ")");
    x.close();
  }

  private static Optional<String> fileName(String url) {
    try {
      String path = URI.create(url.strip()).getPath();
      if (path == null || path.isEmpty() || path.endsWith("/")) {
        return Optional.empty();
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      return name.isBlank() ? Optional.empty() : Optional.of(name);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<ContentItem> firstItemWith(Report r, ActionType type) {
    ContentItem best = null;
    Instant when = null;
    for (ContentItem i : r.items()) {
      for (Action a : i.actions()) {
        if (a.type() == type && (when == null || a.at().isBefore(when))) {
          best = i;
          when = a.at();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static String hostingInfo(Report r) {
    List<String> parts = new ArrayList<>();
    for (ContentItem i : r.items()) {
      if (i.hosting().isEmpty()) {
        continue;
      }
      Hosting h = i.hosting().get();
      StringBuilder b = new StringBuilder("item ").append(i.id()).append(" hosted");
      h.country().ifPresent(c -> b.append(" in ").append(c));
      h.ip().ifPresent(ip -> b.append(", IP ").append(ip));
      h.isp().ifPresent(isp -> b.append(", ISP ").append(isp));
      h.asn().ifPresent(asn -> b.append(", AS").append(asn));
      if (h.cdn()) {
        b.append(", behind a CDN");
      }
      b.append(" (traced ").append(h.tracedAt()).append(')');
      parts.add(b.toString());
    }
    return String.join("; ", parts);
  }

  private static String additionalInfo(Report r) {
    StringBuilder b = new StringBuilder("Hotline reference ").append(r.reference())
        .append(" (").append(r.reportingHotline()).append(")");
    r.siteType().ifPresent(s -> b.append("; site type ").append(s));
    r.commerciality().ifPresent(s -> b.append("; commerciality ").append(s));
    if (!r.paymentMethods().isEmpty()) {
      b.append("; payment methods ").append(String.join(", ", r.paymentMethods()));
    }
    for (ContentItem i : r.items()) {
      Optional<Assessment> a = i.latestAssessment();
      if (a.isPresent()) {
        b.append("; item ").append(i.id()).append(": ")
            .append(a.get().classification().name().toLowerCase(Locale.ROOT)).append(" (")
            .append(a.get().jurisdiction()).append("), gender ")
            .append(a.get().gender().name().toLowerCase(Locale.ROOT));
      }
      for (Action x : i.actions()) {
        if (x.type() == ActionType.REPORTED_TO_ISP) {
          b.append("; notice to host ").append(x.at())
              .append(x.actor() == Actor.LEA ? " (sent by the police)" : "");
        }
      }
    }
    return b.toString();
  }

  /** Indented writing: two spaces per level, one element per line. */
  private static final class Indent {
    final XMLStreamWriter writer;
    int depth;

    Indent(XMLStreamWriter writer) {
      this.writer = writer;
    }

    void newline() throws XMLStreamException {
      writer.writeCharacters("\n" + "  ".repeat(depth));
    }

    void open(String name) throws XMLStreamException {
      newline();
      writer.writeStartElement(name);
      depth++;
    }

    void close() throws XMLStreamException {
      depth--;
      newline();
      writer.writeEndElement();
    }

    void leaf(String name, String value) throws XMLStreamException {
      newline();
      writer.writeStartElement(name);
      writer.writeCharacters(clean(value));
      writer.writeEndElement();
    }

    void leafWithAttribute(String name, String attr, String attrValue, String value)
        throws XMLStreamException {
      newline();
      writer.writeStartElement(name);
      writer.writeAttribute(attr, attrValue);
      writer.writeCharacters(clean(value));
      writer.writeEndElement();
    }

    void empty(String name) throws XMLStreamException {
      newline();
      writer.writeEmptyElement(name);
    }

    /** XML 1.0 cannot carry most control characters: they become spaces. */
    private static String clean(String s) {
      StringBuilder b = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
      }
      return b.toString();
    }
  }
}
