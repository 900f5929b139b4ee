package org.hotlinekit.categorisation.internal;

import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Reason;

/**
 * Tech Coalition Industry Classification System (2022): A (prepubescent) or B (pubescent), 1 (sex
 * act) or 2 (lascivious exhibition). Used as NCMEC's {@code industryClassification}.
 */
final class TcIcs extends Mapper {
  static final String NONE = "none";

  TcIcs() {
    super("tc-ics", "2022", "1", Set.of("A1", "A2", "B1", "B2", NONE),
        "ICS: A (prepubescent) or B (pubescent) by the youngest minor's developmental stage; 1"
            + " (sex act) or 2 (lascivious exhibition) by the level; none for non-realistic"
            + " drawings or without a minor");
  }

  @Override
  Derivation deriveConsistent(Reading f, Optional<JurisdictionProfile> profile) {
    if (f.origin() == ContentOrigin.NON_REALISTIC_DRAWN) {
      return label(NONE, "No ICS class: non-realistic drawn material (annotate it instead)");
    }
    // Letter.
    String letter = null;
    String letterOpen = null;
    Reason letterReason = Reason.MISSING_FACT;
    AgeGroup stage = FactsView.youngestStage(f);
    switch (stage) {
      case INFANT:
      case PRE_PUBESCENT:
        letter = "A";
        break;
      case PUBESCENT:
        letter = "B";
        break;
      case ADULT_APPEARING:
        if (FactsView.lookAlikesOnly(f)) {
          letterOpen = "only adults who look like minors (ICS A/B judges development, not age)";
          letterReason = Reason.AMBIGUOUS;
        } else {
          return label(NONE, "No ICS class: no minor depicted");
        }
        break;
      default:
        var open = FactsView.open(f,
            "developmental stage of the youngest minor not determined (A or B)");
        letterReason = open.getKey();
        letterOpen = open.getValue();
    }
    // Number.
    SexualContentLevel level = FactsView.level(f);
    String number = null;
    String numberOpen = null;
    Reason numberReason = null;
    if (level == SexualContentLevel.UNKNOWN) {
      numberOpen = "sexual content level unknown";
      numberReason = Reason.MISSING_FACT;
    } else if (level.atLeast(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY)) {
      number = "1";
    } else if (level == SexualContentLevel.GENITAL_ANAL_FOCUS) {
      number = "2";
    } else if (level == SexualContentLevel.EROTIC_POSING) {
      numberOpen = "erotic posing is class 2 only if it is a lascivious exhibition";
      numberReason = Reason.AMBIGUOUS;
    } else {
      return label(NONE, "No ICS class: level " + FactsView.words(level)
          + " is neither a sex act nor a lascivious exhibition");
    }
    if (f.origin() == ContentOrigin.UNKNOWN) {
      return indeterminate(Reason.MISSING_FACT,
          "origin unknown (non-realistic drawings get no ICS class)");
    }
    if (letterOpen != null) {
      return indeterminate(letterReason, letterOpen
          + (numberOpen == null ? "" : "; " + numberOpen));
    }
    if (numberOpen != null) {
      return indeterminate(numberReason, numberOpen);
    }
    return label(letter + number, "ICS " + letter + number + ": "
        + (letter.equals("A") ? "prepubescent (" + FactsView.words(stage) + ")" : "pubescent")
        + ", " + (number.equals("1") ? "sex act" : "lascivious exhibition") + " ("
        + FactsView.words(level) + ")");
  }
}
