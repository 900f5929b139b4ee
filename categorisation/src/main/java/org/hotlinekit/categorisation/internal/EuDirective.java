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
 * Directive 2011/93/EU art. 2(c): (i) a child in sexually explicit conduct; (ii) a child's sexual
 * organs for primarily sexual purposes; (iii) the same for a person appearing to be a child; (iv)
 * realistic images of a child.
 */
final class EuDirective extends Mapper {
  EuDirective() {
    super("eu-2011-93-art2c", "2011", "1", Set.of("i", "ii", "iii", "iv", "none"),
        "Directive 2011/93/EU art. 2(c): (i) a real child in sexually explicit conduct, (ii) a"
            + " real child's sexual organs for primarily sexual purposes, (iii) the same for a"
            + " person appearing to be a child, (iv) realistic images of a child");
  }

  @Override
  Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
    if (f.origin() == ContentOrigin.NON_REALISTIC_DRAWN) {
      return label("none", "Not art. 2(c): non-realistic drawn material is not a realistic image"
          + " (iv)");
    }
    SexualContentLevel level = FactsView.level(f);
    String conduct;
    if (level == SexualContentLevel.UNKNOWN) {
      return indeterminate(Reason.MISSING_FACT, "sexual content level unknown");
    } else if (level.atLeast(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY)) {
      conduct = "sexually explicit conduct";
    } else if (level == SexualContentLevel.GENITAL_ANAL_FOCUS) {
      conduct = "sexual organs for primarily sexual purposes";
    } else if (level == SexualContentLevel.EROTIC_POSING || level == SexualContentLevel.POSING) {
      return indeterminate(Reason.AMBIGUOUS,
          FactsView.words(level) + " falls under (ii) only if primarily sexual");
    } else {
      return label("none", "Not art. 2(c): " + FactsView.words(level));
    }
    Tri minor = FactsView.minor(f);
    if (minor == Tri.NO && !FactsView.lookAlikesOnly(f)) {
      return label("none", "Not art. 2(c): no child or person appearing to be a child");
    }
    if (minor == Tri.UNKNOWN) {
      var open = FactsView.open(f, "whether a child is depicted is not determined");
      return indeterminate(open.getKey(), open.getValue());
    }
    if (f.origin() == ContentOrigin.UNKNOWN) {
      return indeterminate(Reason.MISSING_FACT, "origin unknown: (i)/(ii) for real children,"
          + " (iv) for realistic images");
    }
    if (f.origin() != ContentOrigin.REAL_PHOTOGRAPHIC) {
      return label("iv", "Art. 2(c)(iv): realistic image (" + FactsView.words(f.origin())
          + ") of a child, " + conduct);
    }
    if (minor == Tri.NO) {
      return label("iii", "Art. 2(c)(iii): a person appearing to be a child (known adult), "
          + conduct);
    }
    return level.atLeast(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY)
        ? label("i", "Art. 2(c)(i): a real child in " + conduct)
        : label("ii", "Art. 2(c)(ii): a real child's " + conduct);
  }
}
