package org.hotlinekit.iccam.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A stored classification against the one its facts derive. */
class FactsCheckTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();

  /** Invented facts: a pre-pubescent child, genital focus, a real photograph: baseline. */
  private static final ContentFacts BASELINE = ContentFacts.builder()
      .origin(ContentOrigin.REAL_PHOTOGRAPHIC).person(Person.of(AgeGroup.PRE_PUBESCENT))
      .level(SexualContentLevel.GENITAL_ANAL_FOCUS).adultInvolved(Tri.NO).build();

  /** Invented facts that contradict themselves: an adult appearance, apparent age 9-11. */
  private static final ContentFacts CONTRADICTORY = ContentFacts.builder()
      .origin(ContentOrigin.REAL_PHOTOGRAPHIC)
      .person(Person.of(AgeGroup.ADULT_APPEARING).withAgeRange(9, 11))
      .level(SexualContentLevel.PENETRATIVE).adultInvolved(Tri.YES).build();

  @Test
  void theSampleReportsAgreeWithTheirFacts() {
    List<Report> reports = ReportJson.strict().read(Samples.reports()).document().reports();
    assertThat(reports.stream().flatMap(r -> r.items().stream())
        .flatMap(i -> i.assessments().stream()).filter(a -> a.facts().isPresent()))
        .as("the samples have assessments with facts").isNotEmpty();
    assertThat(FactsCheck.check(reports, CATEGORISER)).isEmpty();
  }

  /** Baseline facts: every other stored classification is a finding naming both. */
  @ParameterizedTest
  @EnumSource(Classification.class)
  void aClassificationItsFactsDoNotDeriveIsAFinding(Classification stored) {
    List<Report> reports = List.of(report(assessment(stored, Optional.of(BASELINE))));
    List<FactsCheck.Finding> found = FactsCheck.check(reports, CATEGORISER);
    if (stored == Classification.BASELINE) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).hasSize(1);
      FactsCheck.Finding f = found.get(0);
      assertThat(f.stored()).isEqualTo(stored);
      assertThat(f.derived()).isEqualTo("baseline");
      assertThat(f.toString()).startsWith("report BE-2026-000999 item i1 assessment 0 (BE): stored "
          + stored.name().toLowerCase(java.util.Locale.ROOT) + ", but its facts derive baseline: ");
    }
  }

  @Test
  void contradictoryFactsAreAFindingAndNoFactsAreNotChecked() {
    List<FactsCheck.Finding> found = FactsCheck.check(List.of(report(
        assessment(Classification.NOT_ILLEGAL, Optional.of(CONTRADICTORY)),
        assessment(Classification.NOT_ILLEGAL, Optional.empty()))), CATEGORISER);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).derived()).isEqualTo("contradictory");
    assertThat(found.get(0).toString()).contains("its facts contradict themselves");
  }

  private static Assessment assessment(Classification c, Optional<ContentFacts> facts) {
    return new Assessment("analyst-7", java.time.Instant.parse("2026-03-02T10:00:00Z"), "BE", c,
        AgeCategory.values()[0], Gender.values()[0], false, false, false, facts, List.of());
  }

  private static Report report(Assessment... assessments) {
    List<Report> samples = ReportJson.strict().read(Samples.reports()).document().reports();
    Report r = samples.get(0);
    ContentItem i = r.items().get(0);
    ContentItem item = new ContentItem("i1", i.url(), i.mediaType(), i.hosting(),
        i.assignedCountry(), i.known(), i.fingerprints(), List.of(), new ArrayList<>(List.of(
            assessments)), List.of(), Optional.empty());
    return new Report("BE-2026-000999", r.reportingHotline(), r.receivedAt(), r.timeZone(),
        r.sourceUrl(), r.referrer(), r.siteType(), r.commerciality(), r.paymentMethods(),
        Optional.empty(), List.of(item));
  }
}
