package org.hotlinekit.categorisation.internal;

import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Reason;

/**
 * INTERPOL's baseline ("worst of") criteria 1-3: real children, apparently under 13, severe abuse
 * (sexual contact, or a focus on the genital or anal region).
 */
final class InterpolBaseline extends Mapper {
  static final String BASELINE = "baseline";
  static final String NOT_BASELINE = "not-baseline";

  InterpolBaseline() {
    super("interpol-baseline", "2010", "1", Set.of(BASELINE, NOT_BASELINE),
        "INTERPOL baseline: all of (1) a real child, (2) apparently or known to be under 13,"
            + " (3) sexual activity or a focus on the genital or anal region");
  }

  /** The three criteria, evaluated. */
  static Criteria criteria(Reading f) {
    Criteria c = new Criteria();
    if (f.origin() == ContentOrigin.REAL_PHOTOGRAPHIC) {
      c.met("real child");
    } else if (f.origin() == ContentOrigin.UNKNOWN) {
      c.open(Reason.MISSING_FACT, "origin unknown (baseline needs real children)");
    } else {
      c.failed("not a real photograph (" + FactsView.words(f.origin()) + ")");
    }
    Tri under13 = FactsView.under13(f);
    java.util.Optional<String> known = FactsView.knownUnder(f, 13);
    if (known.isPresent()) {
      c.met("younger than 13 (" + known.get() + ")");
    } else if (under13 == Tri.YES) {
      c.met("apparent age under 13 ("
          + FactsView.words(FactsView.youngestStage(f)).replace("minor stage unknown",
              "age range under 13") + ")");
    } else if (under13 == Tri.UNKNOWN) {
      var open = FactsView.open(f, "apparent age not determined (baseline needs under 13)");
      c.open(open.getKey(), open.getValue());
    } else {
      c.failed(f.persons().stream().anyMatch(FactsView::knownMinorLooksAdult)
          ? "no person appears to be under 13 (a known minor who looks adult: nothing shows an"
              + " age under 13)"
          : "no person appears to be under 13");
    }
    SexualContentLevel level = FactsView.level(f);
    if (level == SexualContentLevel.UNKNOWN) {
      c.open(Reason.MISSING_FACT, "sexual content level unknown");
    } else if (level.atLeast(SexualContentLevel.GENITAL_ANAL_FOCUS)) {
      c.met("level " + FactsView.words(level) + " (at least genital focus)");
    } else {
      c.failed("level " + FactsView.words(level) + " is below genital focus (not severe)");
    }
    return c;
  }

  @Override
  Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
    Criteria c = criteria(f);
    switch (c.state()) {
      case MET:
        return label(BASELINE, "Baseline: " + c.met());
      case FAILED:
        return label(NOT_BASELINE, "Not baseline: " + c.failedText());
      default:
        return indeterminate(c.reason(), c.openText());
    }
  }
}
