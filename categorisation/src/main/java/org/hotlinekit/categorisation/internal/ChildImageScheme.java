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
 * The severity scales for images of children (UK categories, SAP, COPINE): each first needs a
 * photograph-like origin it covers and a depicted minor, then grades the level.
 */
abstract class ChildImageScheme extends Mapper {
  static final String NONE = "none";

  ChildImageScheme(String id, String schemeVersion, Set<String> labels, String rule) {
    super(id, schemeVersion, "1", labels, rule);
  }

  /** Whether the scheme covers an origin (known, not drawn unless overridden). */
  boolean covers(ContentOrigin origin) {
    return origin != ContentOrigin.NON_REALISTIC_DRAWN;
  }

  /** The scheme's name in explanations. */
  abstract String name();

  /** The grade for a known level (a label, or an indeterminate). */
  abstract Derivation grade(SexualContentLevel level, Reading f);

  @Override
  final Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
    if (f.origin() == ContentOrigin.UNKNOWN) {
      return indeterminate(Reason.MISSING_FACT, "origin unknown (" + name()
          + " covers photographs and images like them only)");
    }
    if (!covers(f.origin())) {
      return indeterminate(Reason.OUT_OF_SCOPE, name() + " does not grade "
          + FactsView.words(f.origin()) + " material");
    }
    Tri minor = FactsView.minor(f);
    if (minor == Tri.NO) {
      if (FactsView.lookAlikesOnly(f)) {
        return indeterminate(Reason.AMBIGUOUS,
            "only adults who look like minors: whether it is an image of a child is a question"
                + " of fact");
      }
      return label(NONE, "Not graded by " + name() + ": no minor depicted");
    }
    if (minor == Tri.UNKNOWN) {
      var open = FactsView.open(f, "whether a minor is depicted is not determined");
      return indeterminate(open.getKey(), open.getValue());
    }
    SexualContentLevel level = FactsView.level(f);
    if (level == SexualContentLevel.UNKNOWN) {
      return indeterminate(Reason.MISSING_FACT, "sexual content level unknown");
    }
    return grade(level, f);
  }
}
