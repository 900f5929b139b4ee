package org.hotlinekit.categorisation.internal;

import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.scheme.Derivation;

/**
 * The Canadian Centre for Child Protection's classes: {@code csam} is illegal under the Canadian
 * Criminal Code, so it is derived with the Canadian profile whatever the assessor's jurisdiction;
 * {@code harmful-abusive-material} is C3P's own judgement and is never derived (a legal item with
 * a minor and sexualised content is left indeterminate).
 */
final class C3pClass extends Mapper {
  private final JurisdictionProfile canada;

  C3pClass(JurisdictionProfile canada) {
    super("c3p-arachnid", "2024", "1", Set.of("csam", "harmful-abusive-material", "none"),
        "C3P: csam when baseline or illegal under the Canadian Criminal Code (the Canadian"
            + " profile, whatever the assessing jurisdiction); harmful-abusive-material is never"
            + " derived");
    this.canada = canada;
  }

  @Override
  Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
    Criteria baseline = InterpolBaseline.criteria(f);
    if (baseline.state() == Criteria.State.MET) {
      return label("csam", "CSAM: baseline material (" + baseline.met() + ")");
    }
    Criteria c = NationalLaw.evaluate(f, canada);
    switch (c.state()) {
      case MET:
        return label("csam", "CSAM under the Criminal Code (CA): " + c.met());
      case FAILED:
        if (baseline.state() == Criteria.State.OPEN) {
          return indeterminate(baseline.reason(), "not CSAM in CA (" + c.failedText()
              + ") unless baseline: " + baseline.openText());
        }
        SexualContentLevel level = FactsView.level(f);
        if (FactsView.minor(f) == Tri.YES
            && level.atLeast(SexualContentLevel.NUDITY_NON_SEXUAL)
            && !level.atLeast(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY)) {
          return indeterminate(org.hotlinekit.categorisation.scheme.Reason.AMBIGUOUS,
              "not CSAM in CA (" + c.failedText() + "); it may be harmful-abusive material,"
                  + " which is C3P's judgement");
        }
        return label("none", "Neither class: " + c.failedText());
      default:
        return indeterminate(c.reason(), "CA: " + c.openText());
    }
  }
}
