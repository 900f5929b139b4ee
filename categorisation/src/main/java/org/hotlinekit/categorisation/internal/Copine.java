package org.hotlinekit.categorisation.internal;

import java.util.Set;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Reason;

/** The COPINE scale, levels 1-10, for photographs of real children. */
final class Copine extends ChildImageScheme {
  Copine() {
    super("copine", "1990s", Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NONE),
        "COPINE: levels 1-10 by the sexual content level, for an image of a minor (not drawn)");
  }

  @Override
  boolean covers(ContentOrigin origin) {
    return origin == ContentOrigin.REAL_PHOTOGRAPHIC
        || origin == ContentOrigin.MANIPULATED_OR_MORPHED;
  }

  @Override
  String name() {
    return "COPINE";
  }

  @Override
  Derivation grade(SexualContentLevel level, Reading f) {
    if (level == SexualContentLevel.PENETRATIVE) {
      if (f.adultInvolved() == Tri.YES) {
        return label("9", "COPINE 9: gross assault (penetrative, adult involved)");
      }
      if (f.adultInvolved() == Tri.NO) {
        return label("7", "COPINE 7: explicit sexual activity between children (penetrative,"
            + " no adult)");
      }
      return indeterminate(Reason.MISSING_FACT,
          "penetrative activity: whether an adult is involved decides COPINE 7 or 9");
    }
    return label(Integer.toString(level.copine()), "COPINE " + level.copine() + ": "
        + FactsView.words(level));
  }
}
