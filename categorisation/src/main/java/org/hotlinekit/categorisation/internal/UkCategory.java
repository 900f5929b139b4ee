package org.hotlinekit.categorisation.internal;

import java.util.Set;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Reason;

/**
 * England and Wales, Sentencing Council (2014): A penetrative, animal or sadism; B non-penetrative;
 * C other indecent images. Non-photographic images are a separate offence (CJA 2009 s.62).
 */
final class UkCategory extends ChildImageScheme {
  UkCategory() {
    super("uk-sentencing", "2014", Set.of("A", "B", "C", NONE),
        "UK categories: A penetrative activity, sadism or bestiality; B non-penetrative sexual"
            + " activity; C other indecent images; for a photograph or pseudo-photograph of a"
            + " minor");
  }

  @Override
  String name() {
    return "the UK categories";
  }

  @Override
  Derivation grade(SexualContentLevel level, Reading f) {
    Derivation graded = gradeLevel(level, f);
    // Whether photorealistic computer-generated material is a pseudo-photograph (PCA 1978
    // s.7(7)) is marked uncertain in the reference and the bundled UK profile ("unclear"): the
    // grade it would have is said, not asserted.
    if (f.origin() == ContentOrigin.PHOTOREALISTIC_SYNTHETIC
        && graded instanceof org.hotlinekit.categorisation.scheme.Derived d
        && !d.label().equals(NONE)) {
      return indeterminate(Reason.UNCLEAR_LAW, "would be " + d.explanation()
          + ", but whether photorealistic computer-generated material is a pseudo-photograph"
          + " (PCA 1978 s.7(7)) is uncertain in the reference; the analyst decides");
    }
    return graded;
  }

  private Derivation gradeLevel(SexualContentLevel level, Reading f) {
    String pseudo = f.origin() == ContentOrigin.REAL_PHOTOGRAPHIC ? ""
        : " (as a pseudo-photograph)";
    switch (level) {
      case SADISM_OR_BESTIALITY:
        return label("A", "UK A: sadism or bestiality" + pseudo);
      case PENETRATIVE:
        return label("A", "UK A: penetrative sexual activity" + pseudo);
      case NON_PENETRATIVE_WITH_ADULT:
      case SEXUAL_ACTIVITY_CHILD_ONLY:
        return label("B", "UK B: non-penetrative sexual activity (" + FactsView.words(level) + ")"
            + pseudo);
      case GENITAL_ANAL_FOCUS:
      case EROTIC_POSING:
        return label("C", "UK C: other indecent image (" + FactsView.words(level) + ")" + pseudo);
      case POSING:
        return indeterminate(Reason.AMBIGUOUS,
            "posing is category C only if a jury would find it indecent");
      case NUDITY_NON_SEXUAL:
        return indeterminate(Reason.AMBIGUOUS,
            "non-sexual nudity is normally not indecent; indecency is for the jury");
      default:
        return label(NONE, "Not graded: " + FactsView.words(level) + " is not indecent");
    }
  }
}
