package org.hotlinekit.examples.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotlinekit.categorisation.assertion.Basis;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.categorisation.scheme.SchemeRef;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.AgeCategory;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.Classification;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Fingerprint;
import org.hotlinekit.iccam.model.Gender;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hotline's daily step through public API only, with no hash kind passed as a string: a file
 * is triaged against a list whose entries carry Tech Coalition labels; each match becomes a label
 * assertion whose basis names the list, entry, signal type and distance; the file's hashes become
 * the item's fingerprints; the document is written and read back by the strict reader (what
 * {@code report validate} runs), with the provenance intact.
 */
class MatchToReportTest {
  private static final Path SAMPLES = Path.of("samples");
  private static final SchemeRef TC_ICS = new SchemeRef("tc-ics", "2022");

  @Test
  void fileToMatchToLabelledItemToValidDocument(@TempDir Path dir) {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    HashValue tilesPdq = HashValue.of(PdqHasher.create().hashImage(SAMPLES.resolve("tiles.png"))
        .hash());
    Path list = dir.resolve("partner-list.jsonl");
    HashListFormat.jsonLines().write(List.of(
        HashListEntry.builder("entry-17", tilesPdq).label("B1").added(now).build()), list);

    // The JPEG re-encoding of the listed image, as a hotline captures it.
    Path capture = SAMPLES.resolve("tiles.jpg");
    Triage.Outcome outcome = Triage.builder().list(list).build().triage(capture);
    assertThat(outcome.status()).isEqualTo(Triage.Status.KNOWN);

    List<LabelAssertion> labels = new ArrayList<>();
    for (Match m : outcome.matches()) {
      labels.add(LabelAssertion.hashMatch(TC_ICS, m.entry().label().orElseThrow(), m.list(),
          m.entry().id(), m.type(), m.distance(), now));
    }
    // (A plug-in signal, like the example one on the tests' class path, is not exchangeable.)
    List<Fingerprint> fingerprints = outcome.hashes().orElseThrow().values().stream()
        .filter(v -> Fingerprint.exchangeable(v.type())).map(Fingerprint::of).toList();
    Assessment assessment = new Assessment("be-analyst-07", now, "BE", Classification.BASELINE,
        AgeCategory.PRE_PUBESCENT, Gender.FEMALE, false, false, false, Optional.empty(), labels);
    ContentItem item = new ContentItem("item-1", "https://img.example.org/capture.jpg",
        MediaType.IMAGE, Optional.empty(), Optional.of("BE"), Optional.of(true), fingerprints,
        List.of(assessment), List.of(), Optional.empty());
    Report report = new Report("BE-2026-000900", "BE-example-hotline", now,
        ZoneId.of("Europe/Brussels"), "https://img.example.org/", Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(item));

    ReportJson json = ReportJson.strict();
    byte[] written = json.write(new ReportDocument(List.of(report)));
    ReportDocument back = json.read(written, "flow.json").document();
    ContentItem read = back.reports().get(0).items().get(0);

    // The fingerprints are the file's own hashes, typed.
    assertThat(read.fingerprints()).extracting(Fingerprint::type).containsExactly(
        HashType.MD5, HashType.SHA1, HashType.SHA256, HashType.PDQ);
    assertThat(read.fingerprints().get(0).value()).isEqualTo(Digester.of(DigestAlgorithm.MD5)
        .digest(capture).get(DigestAlgorithm.MD5).orElseThrow().toString());
    // The label keeps its provenance: list, entry, signal type, distance.
    LabelAssertion label = read.assessments().get(0).labels().get(0);
    assertThat(label.label()).isEqualTo("B1");
    assertThat(label.basis()).isEqualTo(new Basis.HashMatch("partner-list.jsonl", "entry-17",
        HashType.PDQ, outcome.matches().get(0).distance()));
    assertThat(outcome.matches().get(0).distance()).isBetween(1, 31);
    // And the document is what the strict reader accepts as it is: the same bytes again.
    assertThat(json.write(back)).isEqualTo(written);
  }
}
