package org.hotlinekit.iccam.ncmec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;

/**
 * The documents for NCMEC's CyberTipline Reporting API, validated here with the JDK's validator
 * against the project's copy of NCMEC's own XSD ({@code testdata/ncmec}), independently of the
 * copy the library validates with.
 */
class NcmecSubmissionTest {
  private static final List<Report> REPORTS =
      ReportJson.strict().read(Samples.reports()).document().reports();
  private static final CyberTiplineExport.Reporter REPORTER = new CyberTiplineExport.Reporter(
      "analyst@hotline.example", Optional.of("Robin"), Optional.of("Verbeke"),
      Optional.of("Federal Police (Child Abuse team)"));

  @Test
  void everyReportAndFileDocumentValidatesAgainstNcmecsSchema() throws Exception {
    Schema ncmec = ncmecSchema();
    int files = 0;
    for (Report r : REPORTS) {
      CyberTiplineExport.Submission s = CyberTiplineExport.submission(r, REPORTER);
      validate(ncmec, s.report());
      assertThat(s.report()).startsWith("<?xml").contains("<report>")
          .doesNotContain("fileDetails").doesNotContain("fleaCountry")
          .contains("<email>analyst@hotline.example</email>");
      for (CyberTiplineExport.FileDocument f : s.files()) {
        String xml = f.xml(1234567L + files, "f" + files + "-abc");
        validate(ncmec, xml);
        assertThat(xml).contains("<reportId>" + (1234567L + files) + "</reportId>")
            .contains("<fileId>f" + files + "-abc</fileId>").contains(f.url());
        files++;
      }
    }
    assertThat(files).as("the samples have illegal images or videos").isPositive();
  }

  @Test
  void whatNcmecNeedsIsNeverInvented() {
    Report reportedToLea = REPORTS.stream().filter(r -> r.items().stream().anyMatch(i ->
        i.actions().stream().anyMatch(a -> a.type() == ActionType.REPORTED_TO_LEA)))
        .findFirst().orElseThrow();
    CyberTiplineExport.Reporter noAgency = new CyberTiplineExport.Reporter(
        "analyst@hotline.example", Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> CyberTiplineExport.submission(reportedToLea, noAgency))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was reported to law enforcement")
        .hasMessageContaining("agency");
    assertThatThrownBy(() -> new CyberTiplineExport.Reporter("not an address", Optional.empty(),
        Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e-mail");
    CyberTiplineExport.FileDocument f = REPORTS.stream()
        .map(r -> CyberTiplineExport.submission(r, REPORTER)).flatMap(s -> s.files().stream())
        .findFirst().orElseThrow();
    assertThatThrownBy(() -> f.xml(1, " ")).isInstanceOf(IllegalArgumentException.class);
  }

  /** The library's own check agrees with the schema: a broken document is refused. */
  @Test
  void theLibraryValidatesWithNcmecsSchemaToo() {
    String xml = CyberTiplineExport.submission(REPORTS.get(0), REPORTER).report();
    CyberTiplineExport.validateNcmec(xml);
    assertThatThrownBy(() -> CyberTiplineExport.validateNcmec(
        xml.replace("<incidentType>", "<incidentType>X")))
        .isInstanceOf(org.hotlinekit.core.MalformedInputException.class)
        .hasMessageContaining("NCMEC document:");
  }

  private static Schema ncmecSchema() throws Exception {
    Path xsd = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null && xsd == null; p = p.getParent()) {
      Path c = p.resolve("testdata/ncmec/cyber_tipline.xsd");
      xsd = Files.isRegularFile(c) ? c : null;
    }
    assertThat(xsd).as("testdata/ncmec/cyber_tipline.xsd").isNotNull();
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return f.newSchema(xsd.toFile());
  }

  private static void validate(Schema schema, String xml) throws Exception {
    Validator v = schema.newValidator();
    v.validate(new StreamSource(new StringReader(xml)));
  }
}
