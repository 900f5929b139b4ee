package org.hotlinekit.categorisation.assertion;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.SchemeMapper;
import org.hotlinekit.categorisation.scheme.SchemeRef;
import org.hotlinekit.categorisation.scheme.Schemes;
import org.hotlinekit.core.hash.HashType;

/**
 * One label for one item: which scheme (and version), the label, the jurisdiction it holds for
 * (for jurisdiction-dependent schemes), who asserted it, when, on what basis, and why.
 *
 * @param scheme the scheme
 * @param label the label
 * @param jurisdiction the jurisdiction the label holds for, or empty
 * @param assessor who asserted it (pseudonymous)
 * @param at when
 * @param basis on what basis
 * @param explanation why, in words (may be empty for manual labels)
 */
public record LabelAssertion(SchemeRef scheme, String label, Optional<String> jurisdiction,
    Assessor assessor, Instant at, Basis basis, String explanation) {
  /**
   * Validates: every field present; for a built-in scheme, the label must be one of its labels.
   *
   * @param scheme the scheme
   * @param label the label
   * @param jurisdiction the jurisdiction
   * @param assessor the assessor
   * @param at the time
   * @param basis the basis
   * @param explanation the explanation
   */
  public LabelAssertion {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(assessor, "assessor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(explanation, "explanation");
    Optional<SchemeMapper> builtIn = Schemes.find(scheme.id());
    if (builtIn.isPresent() && !Schemes.accepts(builtIn.get(), label)) {
      throw new IllegalArgumentException("'" + label + "' is not a label of " + scheme.id()
          + " (labels: " + String.join(", ", new java.util.TreeSet<>(builtIn.get().labels()))
          + ")");
    }
    if (builtIn.isPresent() && builtIn.get().needsJurisdiction() && jurisdiction.isEmpty()
        && !(basis instanceof Basis.HashMatch)) {
      throw new IllegalArgumentException(scheme.id() + " labels hold for a jurisdiction;"
          + " say which");
    }
  }

  /**
   * An analyst's label.
   *
   * @param scheme the scheme
   * @param label the label
   * @param jurisdiction the jurisdiction, or empty
   * @param assessor the analyst
   * @param at when
   * @return the assertion
   */
  public static LabelAssertion manual(SchemeRef scheme, String label,
      Optional<String> jurisdiction, Assessor assessor, Instant at) {
    return new LabelAssertion(scheme, label, jurisdiction, assessor, at, new Basis.Manual(), "");
  }

  /**
   * A derived label as an assertion.
   *
   * @param derived the derivation
   * @param jurisdiction the jurisdiction it was derived for, or empty
   * @param at when
   * @return the assertion, by {@link Assessor#HOTLINEKIT}
   */
  public static LabelAssertion derived(Derived derived, Optional<String> jurisdiction,
      Instant at) {
    return new LabelAssertion(derived.scheme(), derived.label(), jurisdiction,
        Assessor.HOTLINEKIT, at, new Basis.Derived(derived.scheme().id(), derived.mapperVersion()),
        derived.explanation());
  }

  /**
   * The label a hash list's entry carries, for an item that matched it: known content is
   * categorised without an analyst seeing it again. The caller says which scheme the list's
   * labels are in (an IWF list: {@code uk-sentencing}; NCMEC: {@code tc-ics}).
   *
   * @param scheme the scheme of the list's labels
   * @param label the entry's label
   * @param list the list's name
   * @param entry the entry's id
   * @param at when the match was made
   * @return the assertion, by {@link Assessor#HOTLINEKIT}
   * @throws IllegalArgumentException if the label is not one of the scheme's labels
   */
  public static LabelAssertion hashMatch(SchemeRef scheme, String label, String list,
      String entry, Instant at) {
    return new LabelAssertion(scheme, label, Optional.empty(), Assessor.HOTLINEKIT, at,
        new Basis.HashMatch(list, entry), "label of " + list + " entry " + entry);
  }

  /**
   * A label taken from a hash-list entry that an item matched, with what matched: the kind of
   * hash and the distance (0 for an exact match). This is how known material keeps the labels its
   * list entry carries.
   *
   * @param scheme the scheme of the list's labels
   * @param label the entry's label
   * @param list the list's name
   * @param entry the entry's id
   * @param signal the kind of hash that matched
   * @param distance the distance between the item's hash and the entry's
   * @param at when the match was made
   * @return the assertion, by {@link Assessor#HOTLINEKIT}
   * @throws IllegalArgumentException if the label is not one of the scheme's labels, or the
   *     distance is negative
   */
  public static LabelAssertion hashMatch(SchemeRef scheme, String label, String list,
      String entry, HashType signal, int distance, Instant at) {
    Basis.HashMatch basis = new Basis.HashMatch(list, entry, signal, distance);
    return new LabelAssertion(scheme, label, Optional.empty(), Assessor.HOTLINEKIT, at, basis,
        "label of " + list + " entry " + entry + " (" + signal.id() + " match at distance "
            + distance + ")");
  }
}
