package org.hotlinekit.iccam.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.hotlinekit.categorisation.scheme.Reason;
import org.hotlinekit.categorisation.scheme.Schemes;

/**
 * Checks each assessment's stored ICCAM classification against the one its recorded facts
 * derive: an assessment stored as {@code not_illegal} whose facts derive {@code baseline} is a
 * document no receiving hotline can act on, whichever of the two is wrong. Both directions are
 * findings (a stored classification less severe than its facts is the dangerous one, a more severe
 * one means a fact is missing); so are facts that contradict themselves. An assessment without
 * facts, or whose facts leave the classification open for another reason (a missing fact, a law
 * the profile does not settle, no profile for the jurisdiction), is not checked: nothing decides
 * it.
 *
 * <pre>{@code
 * List<FactsCheck.Finding> f = FactsCheck.check(document.reports(), Categoriser.builder().build());
 * }</pre>
 */
public final class FactsCheck {
  private FactsCheck() {}

  /**
   * One assessment whose classification its facts do not support.
   *
   * @param report the report's reference
   * @param item the item's id
   * @param assessment the assessment's position in the item (0-based)
   * @param jurisdiction the assessment's jurisdiction
   * @param stored the classification stored in the assessment
   * @param derived what the facts derive ({@code baseline}, {@code national}, {@code not-illegal}),
   *     or {@code contradictory} when the facts contradict themselves
   * @param explanation the mapper's explanation
   */
  public record Finding(String report, String item, int assessment, String jurisdiction,
      Classification stored, String derived, String explanation) {
    /**
     * Validates the components.
     *
     * @param report the report's reference
     * @param item the item's id
     * @param assessment the position
     * @param jurisdiction the jurisdiction
     * @param stored the stored classification
     * @param derived the derived label
     * @param explanation the explanation
     */
    public Finding {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      Objects.requireNonNull(stored, "stored");
      Objects.requireNonNull(derived, "derived");
      Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * The finding in words.
     *
     * @return e.g. {@code report BE-1 item i1 assessment 0 (BE): stored not_illegal, but its facts
     *     derive baseline: ...}
     */
    @Override
    public String toString() {
      String where = "report " + report + " item " + item + " assessment " + assessment + " ("
          + jurisdiction + ")";
      return derived.equals(CONTRADICTORY)
          ? where + ": its facts contradict themselves: " + explanation
          : where + ": stored " + stored.name().toLowerCase(Locale.ROOT)
              + ", but its facts derive " + derived + ": " + explanation;
    }
  }

  private static final String CONTRADICTORY = "contradictory";

  /**
   * Checks every assessment with facts.
   *
   * @param reports the reports
   * @param categoriser what derives labels from facts (its jurisdiction profiles decide
   *     national law)
   * @return the findings, in document order; empty when every checked assessment agrees
   */
  public static List<Finding> check(List<Report> reports, Categoriser categoriser) {
    Objects.requireNonNull(categoriser, "categoriser");
    int iccam = -1;
    for (int i = 0; i < categoriser.mappers().size(); i++) {
      if (categoriser.mappers().get(i).scheme().id().equals(Schemes.ICCAM_CLASSIFICATION)) {
        iccam = i;
      }
    }
    if (iccam < 0) {
      throw new IllegalArgumentException("the categoriser has no ICCAM classification mapper");
    }
    List<Finding> out = new ArrayList<>();
    for (Report r : reports) {
      for (ContentItem item : r.items()) {
        for (int k = 0; k < item.assessments().size(); k++) {
          Assessment a = item.assessments().get(k);
          if (a.facts().isEmpty()) {
            continue;
          }
          Derivation d = categoriser.categorise(a.facts().get(), a.jurisdiction()).get(iccam);
          if (d instanceof Derived derived) {
            if (!derived.label().equals(label(a.classification()))) {
              out.add(new Finding(r.reference(), item.id(), k, a.jurisdiction(),
                  a.classification(), derived.label(), derived.explanation()));
            }
          } else if (((Indeterminate) d).reason() == Reason.CONTRADICTORY_FACTS) {
            out.add(new Finding(r.reference(), item.id(), k, a.jurisdiction(),
                a.classification(), CONTRADICTORY, d.explanation()));
          }
        }
      }
    }
    return out;
  }

  /** The ICCAM mapper's label for a stored classification ({@code doubtful} is none of them). */
  private static String label(Classification c) {
    switch (c) {
      case BASELINE:
        return "baseline";
      case NATIONAL:
        return "national";
      case NOT_ILLEGAL:
        return "not-illegal";
      default:
        return "doubtful";
    }
  }
}
