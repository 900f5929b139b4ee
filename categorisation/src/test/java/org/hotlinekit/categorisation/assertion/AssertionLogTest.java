package org.hotlinekit.categorisation.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.SchemeRef;
import org.junit.jupiter.api.Test;

/** Provenance: manual labels are never silently replaced; hash-match labels; validation. */
class AssertionLogTest {
  private static final SchemeRef TC = new SchemeRef("tc-ics", "2022");
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  @Test
  void aLaterDerivationDoesNotReplaceAManualLabel() {
    LabelAssertion manual = LabelAssertion.manual(TC, "A2", Optional.empty(),
        new Assessor("analyst-7f3a"), T0);
    Derived derived = derivedTc(SexualContentLevel.PENETRATIVE);
    AssertionLog log = AssertionLog.empty().with(manual)
        .with(LabelAssertion.derived(derived, Optional.empty(), T0.plusSeconds(60)));
    assertThat(log.all()).hasSize(2);
    assertThat(log.standing("tc-ics", Optional.empty())).contains(manual);
    assertThat(log.disagreements("tc-ics", Optional.empty())).singleElement()
        .satisfies(a -> {
          assertThat(a.label()).isEqualTo("A1");
          assertThat(a.basis()).isEqualTo(new Basis.Derived("tc-ics", "1"));
          assertThat(a.explanation()).contains("sex act");
        });
    // A later manual label (an override) stands, and the earlier one stays recorded.
    LabelAssertion override = LabelAssertion.manual(TC, "A1", Optional.empty(),
        new Assessor("analyst-02b9"), T0.plusSeconds(120));
    AssertionLog next = log.with(override);
    assertThat(next.standing("tc-ics", Optional.empty())).contains(override);
    assertThat(next.all()).hasSize(3).contains(manual);
    assertThat(next.disagreements("tc-ics", Optional.empty())).containsExactly(manual);
  }

  @Test
  void hashMatchLabelsStandAboveDerivationsBelowAnalysts() {
    LabelAssertion match = LabelAssertion.hashMatch(TC, "B1", "ncmec-industry", "image1", T0);
    assertThat(match.basis()).isEqualTo(new Basis.HashMatch("ncmec-industry", "image1"));
    assertThat(match.assessor()).isEqualTo(Assessor.HOTLINEKIT);
    AssertionLog log = AssertionLog.empty()
        .with(LabelAssertion.derived(derivedTc(SexualContentLevel.GENITAL_ANAL_FOCUS),
            Optional.empty(), T0.plusSeconds(5)))
        .with(match);
    assertThat(log.standing("tc-ics", Optional.empty())).contains(match);
    assertThatThrownBy(() -> LabelAssertion.hashMatch(TC, "Z9", "l", "e", T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a label of tc-ics");
    // A list's UK grade as an assertion in the UK scheme.
    assertThat(LabelAssertion.hashMatch(new SchemeRef("uk-sentencing", "2014"), "A", "iwf",
        "e1", T0).label()).isEqualTo("A");
  }

  @Test
  void jurisdictionDependentLabelsAreKeptPerJurisdiction() {
    SchemeRef iccam = new SchemeRef("iccam-classification", "3");
    LabelAssertion be = LabelAssertion.manual(iccam, "national", Optional.of("BE"),
        new Assessor("be-analyst-1"), T0);
    LabelAssertion nl = LabelAssertion.manual(iccam, "not-illegal", Optional.of("NL"),
        new Assessor("nl-analyst-1"), T0);
    AssertionLog log = AssertionLog.empty().with(List.of(be, nl));
    assertThat(log.standing("iccam-classification", Optional.of("BE"))).contains(be);
    assertThat(log.standing("iccam-classification", Optional.of("NL"))).contains(nl);
    assertThat(log.standing("iccam-classification", Optional.empty())).isEmpty();
    assertThatThrownBy(() -> LabelAssertion.manual(iccam, "national", Optional.empty(),
        new Assessor("x"), T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jurisdiction");
  }

  @Test
  void derivedAssertionsCarryTheirMapperAndJurisdiction() {
    ContentFacts f = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT)).level(SexualContentLevel.PENETRATIVE).build();
    List<LabelAssertion> all = Categoriser.builder().build().derivedAssertions(f, "be", T0);
    LabelAssertion iccam = all.stream()
        .filter(a -> a.scheme().id().equals("iccam-classification")).findFirst().orElseThrow();
    assertThat(iccam.label()).isEqualTo("national");
    assertThat(iccam.jurisdiction()).contains("BE");
    assertThat(iccam.basis()).isEqualTo(new Basis.Derived("iccam-classification", "1"));
    LabelAssertion tc = all.stream().filter(a -> a.scheme().id().equals("tc-ics")).findFirst()
        .orElseThrow();
    assertThat(tc.label()).isEqualTo("B1");
    assertThat(tc.jurisdiction()).isEmpty();
    // COPINE is indeterminate here (adult involvement unknown): no assertion.
    assertThat(all).noneMatch(a -> a.scheme().id().equals("copine"));
  }

  @Test
  void assessorsArePseudonymous() {
    assertThatThrownBy(() -> new Assessor("Jan Peeters"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pseudonymous");
    assertThatThrownBy(() -> new Assessor("jan@example.org"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Assessor("analyst-7f3a").id()).isEqualTo("analyst-7f3a");
    assertThatThrownBy(() -> new Basis.Classifier("model-1", 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Derived derivedTc(SexualContentLevel level) {
    ContentFacts f = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PRE_PUBESCENT)).level(level).build();
    for (Derivation d : Categoriser.builder().build().categorise(f, "BE")) {
      if (d.scheme().id().equals("tc-ics")) {
        return (Derived) d;
      }
    }
    throw new AssertionError("no tc-ics");
  }
}
