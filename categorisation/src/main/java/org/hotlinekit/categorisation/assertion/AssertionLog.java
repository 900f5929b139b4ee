package org.hotlinekit.categorisation.assertion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every label assertion made about one item, in the order made; nothing is ever removed.
 * {@link #standing(String, Optional)} says which assertion stands for a scheme: the strongest
 * basis (manual, then hash match, then classifier, then derived), the latest among equals. A
 * derivation added after a manual label is recorded but does not replace it, and {@link
 * #disagreements(String, Optional)} shows where they differ. Immutable.
 */
public final class AssertionLog {
  private static final AssertionLog EMPTY = new AssertionLog(List.of());

  private final List<LabelAssertion> all;

  private AssertionLog(List<LabelAssertion> all) {
    this.all = List.copyOf(all);
  }

  /**
   * An empty log.
   *
   * @return the log
   */
  public static AssertionLog empty() {
    return EMPTY;
  }

  /**
   * This log with more assertions.
   *
   * @param more the assertions, in the order made
   * @return a new log
   */
  public AssertionLog with(List<LabelAssertion> more) {
    List<LabelAssertion> next = new ArrayList<>(all);
    for (LabelAssertion a : more) {
      next.add(Objects.requireNonNull(a, "assertion"));
    }
    return new AssertionLog(next);
  }

  /**
   * This log with one more assertion.
   *
   * @param a the assertion
   * @return a new log
   */
  public AssertionLog with(LabelAssertion a) {
    return with(List.of(a));
  }

  /**
   * Every assertion, in the order made.
   *
   * @return the assertions
   */
  public List<LabelAssertion> all() {
    return all;
  }

  /**
   * The assertion that stands for a scheme and jurisdiction.
   *
   * @param scheme the scheme id
   * @param jurisdiction the jurisdiction, or empty for labels that hold everywhere
   * @return the standing assertion, or empty if none was made
   */
  public Optional<LabelAssertion> standing(String scheme, Optional<String> jurisdiction) {
    LabelAssertion best = null;
    for (LabelAssertion a : forScheme(scheme, jurisdiction)) {
      if (best == null || a.basis().rank() > best.basis().rank()
          || (a.basis().rank() == best.basis().rank() && !a.at().isBefore(best.at()))) {
        best = a;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The assertions for a scheme and jurisdiction whose label differs from the standing one, e.g.
   * a derivation that disagrees with an analyst's manual label.
   *
   * @param scheme the scheme id
   * @param jurisdiction the jurisdiction, or empty
   * @return the disagreeing assertions, in the order made
   */
  public List<LabelAssertion> disagreements(String scheme, Optional<String> jurisdiction) {
    Optional<LabelAssertion> standing = standing(scheme, jurisdiction);
    List<LabelAssertion> out = new ArrayList<>();
    for (LabelAssertion a : forScheme(scheme, jurisdiction)) {
      if (!a.label().equals(standing.orElseThrow().label())) {
        out.add(a);
      }
    }
    return out;
  }

  private List<LabelAssertion> forScheme(String scheme, Optional<String> jurisdiction) {
    List<LabelAssertion> out = new ArrayList<>();
    for (LabelAssertion a : all) {
      if (a.scheme().id().equals(scheme) && a.jurisdiction().equals(jurisdiction)) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(LabelAssertion::at));
    return out;
  }
}
