package org.hotlinekit.categorisation.internal;

import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContextFlag;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Reason;

/** ICCAM's per-item attributes: age group, gender, virtual, self-generated, child modelling. */
final class IccamAttributes {
  private IccamAttributes() {}

  /** ICCAM age categorisation: the youngest minor's stage. */
  static final class Age extends Mapper {
    Age() {
      super("iccam-age", "3", "1", Set.of("not-categorised", "infant", "pre-pubescent",
          "pubescent"), "ICCAM age: the developmental stage of the youngest minor depicted");
    }

    @Override
    Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
      AgeGroup g = FactsView.youngestStage(f);
      switch (g) {
        case INFANT:
          return label("infant", "Youngest minor: infant");
        case PRE_PUBESCENT:
          return label("pre-pubescent", "Youngest minor: pre-pubescent");
        case PUBESCENT:
          return label("pubescent", "Youngest minor: pubescent");
        case ADULT_APPEARING:
          return label("not-categorised", "No minor depicted");
        default:
          return label("not-categorised", "Not categorised: " + FactsView.open(f,
              "the youngest minor's stage is not determined").getValue());
      }
    }
  }

  /** ICCAM gender categorisation. */
  static final class Gender extends Mapper {
    Gender() {
      super("iccam-gender", "3", "1", Set.of("not-determined", "female", "male", "both"),
          "ICCAM gender: the gender of the minors depicted, as recorded");
    }

    @Override
    Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
      String l = FactsView.words(f.gender()).replace(' ', '-');
      return label(l, "Gender of the minors: " + FactsView.words(f.gender()));
    }
  }

  /** ICCAM virtual content: computer-generated or drawn. */
  static final class Virtual extends Mapper {
    Virtual() {
      super("iccam-virtual", "3", "1", Set.of("yes", "no"),
          "ICCAM virtual: yes for computer-generated or drawn material, no for real photographs");
    }

    @Override
    Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
      switch (f.origin()) {
        case PHOTOREALISTIC_SYNTHETIC:
        case NON_REALISTIC_DRAWN:
          return label("yes", "Virtual: " + FactsView.words(f.origin()));
        case REAL_PHOTOGRAPHIC:
          return label("no", "Not virtual: real photographic material");
        case MANIPULATED_OR_MORPHED:
          return indeterminate(Reason.AMBIGUOUS,
              "morphed material is a real image altered: ICCAM's virtual flag leaves it open");
        default:
          return indeterminate(Reason.MISSING_FACT, "origin unknown");
      }
    }
  }

  /** An ICCAM yes/no attribute read from one context fact. */
  static final class Flag extends Mapper {
    private final ContextFlag flag;

    Flag(String id, ContextFlag flag) {
      super(id, "3", "1", Set.of("yes", "no"), "ICCAM " + FactsView.words(flag)
          + ": the context fact as recorded");
      this.flag = flag;
    }

    @Override
    Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
      Tri v = f.context(flag);
      if (v == Tri.UNKNOWN) {
        return indeterminate(Reason.MISSING_FACT, FactsView.words(flag) + " not recorded");
      }
      return label(v == Tri.YES ? "yes" : "no",
          FactsView.words(flag) + ": " + (v == Tri.YES ? "yes" : "no"));
    }
  }
}
