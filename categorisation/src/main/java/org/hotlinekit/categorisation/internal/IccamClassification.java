package org.hotlinekit.categorisation.internal;

import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Reason;

/**
 * ICCAM's classification: Baseline (INTERPOL's criteria), else National (illegal under the
 * assessing hotline's law, from its profile), else Not illegal.
 */
final class IccamClassification extends Mapper {
  static final String BASELINE = "baseline";
  static final String NATIONAL = "national";
  static final String NOT_ILLEGAL = "not-illegal";

  IccamClassification() {
    super("iccam-classification", "3", "1", Set.of(BASELINE, NATIONAL, NOT_ILLEGAL),
        "ICCAM: baseline by INTERPOL's criteria; else national if illegal under the assessing"
            + " jurisdiction's profile; else not illegal");
  }

  @Override
  public boolean needsJurisdiction() {
    return true;
  }

  @Override
  Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
    Criteria baseline = InterpolBaseline.criteria(f);
    if (baseline.state() == Criteria.State.MET) {
      return label(BASELINE, "Baseline: " + baseline.met());
    }
    if (profile.isEmpty()) {
      return indeterminate(Reason.UNKNOWN_JURISDICTION, "not baseline"
          + (baseline.state() == Criteria.State.OPEN ? " as far as known" : "")
          + "; National needs the assessing jurisdiction's profile");
    }
    JurisdictionProfile p = profile.get();
    Criteria national = NationalLaw.evaluate(f, p);
    String notBaseline = baseline.state() == Criteria.State.FAILED
        ? "not baseline (" + baseline.failedText() + ")"
        : "baseline not established (" + baseline.openText() + ")";
    switch (national.state()) {
      case MET:
        return label(NATIONAL, "National (" + p.code() + ", " + p.lawReference() + "): "
            + national.met() + "; " + notBaseline);
      case FAILED:
        if (baseline.state() == Criteria.State.OPEN) {
          // Baseline content is Baseline whatever the national law says: until the baseline
          // question is settled, "not illegal" would be a guess.
          return indeterminate(baseline.reason(), "not illegal in " + p.code() + " ("
              + national.failedText() + ") unless baseline: " + baseline.openText());
        }
        return label(NOT_ILLEGAL, "Not illegal in " + p.code() + ": " + national.failedText()
            + "; " + notBaseline);
      default:
        return indeterminate(national.reason(), p.code() + ": " + national.openText());
    }
  }
}
