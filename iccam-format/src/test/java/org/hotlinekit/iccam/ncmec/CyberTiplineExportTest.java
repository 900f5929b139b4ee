package org.hotlinekit.iccam.ncmec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The CyberTipline export of the sample reports: valid, and classified as categorisation says. */
class CyberTiplineExportTest {
  private static final List<Report> REPORTS =
      ReportJson.strict().read(Samples.reports()).document().reports();

  @Test
  void everySampleExportsAndValidates() throws Exception {
    for (Report r : REPORTS) {
      String xml = CyberTiplineExport.export(r);
      Document d = parse(xml);
      assertThat(text(d, "incidentType")).containsExactly(CyberTiplineExport.INCIDENT);
      assertThat(text(d, "incidentDateTime")).containsExactly(r.receivedAt().toString());
    }
  }

  @Test
  void industryClassificationIsWhatCategorisationDerives() throws Exception {
    Report r = REPORTS.get(0);
    Document d = parse(CyberTiplineExport.export(r));
    NodeList files = d.getElementsByTagName("fileDetails");
    List<String> exported = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < files.getLength(); i++) {
      Element f = (Element) files.item(i);
      NodeList ics = f.getElementsByTagName("industryClassification");
      exported.add(ics.getLength() == 0 ? "-" : ics.item(0).getTextContent());
    }
    for (ContentItem item : r.items()) {
      Optional<Assessment> a = item.latestAssessment();
      if (a.isEmpty() || !a.get().classification().illegal()
          || item.mediaType().name().equals("WEBSITE") || item.mediaType().name().equals("OTHER")) {
        continue;
      }
      // The latest assessment that has facts decides (item 1: BE's facts, then NL without).
      Optional<String> tc = Optional.empty();
      for (int k = item.assessments().size() - 1; k >= 0 && tc.isEmpty(); k--) {
        tc = item.assessments().get(k).facts().flatMap(facts -> {
          for (Derivation x : Categoriser.builder().build().categorise(facts, "BE")) {
            if (x.scheme().id().equals("tc-ics") && x instanceof Derived) {
              return Optional.of(((Derived) x).label());
            }
          }
          return Optional.empty();
        });
      }
      expected.add(tc.filter(l -> !l.equals("none")).orElse("-"));
    }
    // Item 1 was "-" when only the latest assessment (NL, no facts) was read.
    assertThat(exported).isEqualTo(expected).containsExactly("A2", "B1", "A1");
    assertThat(CyberTiplineExport.industryClassification(
        r.items().get(0).assessments().get(0))).contains("A2");
  }

  /**
   * The merge rule: the latest assessment that settles the scheme decides; a manual label wins
   * over its own assessment's facts; an assessment without either is skipped.
   */
  @Test
  void labelsAreMergedOverAssessments() {
    ContentItem item = REPORTS.get(0).items().get(0);
    Assessment be = item.assessments().get(0); // facts deriving A2
    Assessment nl = item.assessments().get(item.assessments().size() - 1); // no facts
    assertThat(CyberTiplineExport.industryClassification(item)).contains("A2");
    org.hotlinekit.categorisation.assertion.LabelAssertion manualB2 =
        new org.hotlinekit.categorisation.assertion.LabelAssertion(
            org.hotlinekit.categorisation.scheme.Schemes.find("tc-ics").orElseThrow().scheme(),
            "B2", Optional.empty(), new org.hotlinekit.categorisation.assertion.Assessor("analyst-9"),
            nl.at(), new org.hotlinekit.categorisation.assertion.Basis.Manual(), "seen by NL");
    Assessment nlManual = new Assessment(nl.assessor(), nl.at(), nl.jurisdiction(),
        nl.classification(), nl.ageCategory(), nl.gender(), nl.virtual(), nl.selfGenerated(),
        nl.childModelling(), nl.facts(), List.of(manualB2));
    assertThat(CyberTiplineExport.industryClassification(withAssessments(item, be, nlManual)))
        .contains("B2");
    // The same manual label before BE's facts: BE's later facts decide.
    Assessment earlyManual = new Assessment(nl.assessor(), be.at().minusSeconds(3600),
        nl.jurisdiction(), nl.classification(), nl.ageCategory(), nl.gender(), nl.virtual(),
        nl.selfGenerated(), nl.childModelling(), Optional.empty(), List.of(manualB2));
    assertThat(CyberTiplineExport.industryClassification(withAssessments(item, earlyManual, be)))
        .contains("A2");
    assertThat(CyberTiplineExport.industryClassification(withAssessments(item, nl))).isEmpty();
  }

  private static ContentItem withAssessments(ContentItem i, Assessment... a) {
    return new ContentItem(i.id(), i.url(), i.mediaType(), i.hosting(), i.assignedCountry(),
        i.known(), i.fingerprints(), i.matchLabels(), List.of(a), i.actions(), i.memo());
  }

  @Test
  void annotationsHashesAndLawEnforcement() throws Exception {
    Document d = parse(CyberTiplineExport.export(REPORTS.get(0)));
    Element second = (Element) d.getElementsByTagName("fileDetails").item(1);
    Element annotations = (Element) second.getElementsByTagName("fileAnnotations").item(0);
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < annotations.getChildNodes().getLength(); i++) {
      if (annotations.getChildNodes().item(i) instanceof Element) {
        flags.add(annotations.getChildNodes().item(i).getNodeName());
      }
    }
    assertThat(flags).containsExactly("viral", "possibleSelfProduction");
    assertThat(((Element) second.getElementsByTagName("originalFileHash").item(0))
        .getAttribute("hashType")).isEqualTo("MD5");
    assertThat(text(d, "caseNumber")).containsExactly("FCCU-2026-5531");
    assertThat(((Element) d.getElementsByTagName("lawEnforcement").item(0))
        .getAttribute("fleaCountry")).isEqualTo("BE");
    assertThat(text(d, "additionalInfo").get(0)).contains("item 2 hosted in BE")
        .contains("behind a CDN");
    assertThat(text(d, "additionalInfo").get(1)).contains("BE-2026-000123")
        .contains("sent by the police").contains("site type image_host");
  }

  /** Whether the reporter viewed a file comes from the report: a person's assessment. */
  @Test
  void fileViewedByEspComesFromWhoAssessed() throws Exception {
    Report r = REPORTS.get(0);
    Document d = parse(CyberTiplineExport.export(r));
    assertThat(text(d, "fileViewedByEsp")).isNotEmpty().containsOnly("true");
    // The same items assessed only by hotlinekit itself (labels carried over automatically).
    List<ContentItem> automatic = new ArrayList<>();
    for (ContentItem i : r.items()) {
      List<Assessment> auto = new ArrayList<>();
      for (Assessment a : i.assessments()) {
        auto.add(new Assessment("hotlinekit", a.at(), a.jurisdiction(), a.classification(),
            a.ageCategory(), a.gender(), a.virtual(), a.selfGenerated(), a.childModelling(),
            a.facts(), a.labels()));
      }
      automatic.add(new ContentItem(i.id(), i.url(), i.mediaType(), i.hosting(),
          i.assignedCountry(), i.known(), i.fingerprints(), i.matchLabels(), auto, i.actions(),
          i.memo()));
    }
    Report unseen = new Report(r.reference(), r.reportingHotline(), r.receivedAt(),
        r.timeZone(), r.sourceUrl(), r.referrer(), r.siteType(), r.commerciality(),
        r.paymentMethods(), r.memo(), automatic);
    Document u = parse(CyberTiplineExport.export(unseen));
    assertThat(text(u, "fileViewedByEsp")).isNotEmpty().containsOnly("false");
  }

  @Test
  void anInvalidExportIsRefused() {
    String xml = CyberTiplineExport.export(REPORTS.get(0))
        .replace("<industryClassification>B1<", "<industryClassification>C3<");
    assertThatThrownBy(() -> CyberTiplineExport.validate(xml))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("C3");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<String> text(Document d, String tag) {
    List<String> out = new ArrayList<>();
    NodeList l = d.getElementsByTagName(tag);
    for (int i = 0; i < l.getLength(); i++) {
      out.add(l.item(i).getTextContent());
    }
    return out;
  }
}
