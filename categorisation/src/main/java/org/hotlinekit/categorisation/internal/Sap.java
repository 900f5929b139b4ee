package org.hotlinekit.categorisation.internal;

import java.util.Set;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Reason;

/** The UK Sentencing Advisory Panel levels L1-L5 (2002, R v Oliver). */
final class Sap extends ChildImageScheme {
  Sap() {
    super("sap", "2002", Set.of("L1", "L2", "L3", "L4", "L5", NONE),
        "SAP: levels 1-5 by the sexual content level, for a photograph or pseudo-photograph of a"
            + " minor");
  }

  @Override
  String name() {
    return "SAP";
  }

  @Override
  Derivation grade(SexualContentLevel level, Reading f) {
    switch (level) {
      case SADISM_OR_BESTIALITY:
        return label("L5", "SAP L5: sadism or bestiality");
      case PENETRATIVE:
        return label("L4", "SAP L4: penetrative activity involving children");
      case NON_PENETRATIVE_WITH_ADULT:
        return label("L3", "SAP L3: non-penetrative activity between adults and children");
      case SEXUAL_ACTIVITY_CHILD_ONLY:
        return label("L2", "SAP L2: non-penetrative activity between children, or solo"
            + " masturbation");
      case GENITAL_ANAL_FOCUS:
      case EROTIC_POSING:
        return label("L1", "SAP L1: erotic posing without sexual activity ("
            + FactsView.words(level) + ")");
      case POSING:
        return indeterminate(Reason.AMBIGUOUS,
            "posing (COPINE 4) as SAP L1 is a common reading, not a settled one");
      default:
        return label(NONE, "Not graded by SAP: " + FactsView.words(level));
    }
  }
}
