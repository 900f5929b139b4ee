package org.hotlinekit.categorisation.internal;

import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.hotlinekit.categorisation.scheme.Reason;
import org.hotlinekit.categorisation.scheme.SchemeMapper;
import org.hotlinekit.categorisation.scheme.SchemeRef;

/** Common parts of the built-in mappers. */
abstract class Mapper implements SchemeMapper {
  private final SchemeRef scheme;
  private final String version;
  private final Set<String> labels;

  Mapper(String id, String schemeVersion, String mapperVersion, Set<String> labels) {
    this.scheme = new SchemeRef(id, schemeVersion);
    this.version = mapperVersion;
    this.labels = Set.copyOf(labels);
  }

  @Override
  public final SchemeRef scheme() {
    return scheme;
  }

  @Override
  public final String version() {
    return version;
  }

  @Override
  public Set<String> labels() {
    return labels;
  }

  @Override
  public boolean needsJurisdiction() {
    return false;
  }

  /**
   * Derives the label; where the facts contradict each other on the sexual content (activity
   * between children only yet an adult involved, or activity with an adult yet no adult
   * involved), both readings are derived: the label they
   * agree on, or {@link Reason#CONTRADICTORY_FACTS} where they differ, never the less protective
   * one.
   */
  @Override
  public final Derivation derive(ContentFacts facts, Optional<JurisdictionProfile> profile) {
    java.util.Optional<String> contradiction = FactsView.levelContradiction(facts);
    if (contradiction.isEmpty()) {
      return deriveConsistent(facts, profile);
    }
    Derivation childOnly = deriveConsistent(facts.toBuilder()
        .level(org.hotlinekit.categorisation.facts.SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY)
        .adultInvolved(org.hotlinekit.categorisation.facts.Tri.NO).build(), profile);
    Derivation withAdult = deriveConsistent(facts.toBuilder()
        .level(org.hotlinekit.categorisation.facts.SexualContentLevel.NON_PENETRATIVE_WITH_ADULT)
        .adultInvolved(org.hotlinekit.categorisation.facts.Tri.YES).build(), profile);
    String both = "the facts disagree (" + contradiction.get() + ")";
    if (childOnly instanceof Derived a && withAdult instanceof Derived b
        && a.label().equals(b.label())) {
      return label(a.label(), both + ", and both readings give " + a.label() + ": "
          + a.explanation() + " / " + b.explanation());
    }
    return indeterminate(Reason.CONTRADICTORY_FACTS, both + ", and the readings differ ("
        + words(childOnly) + " as activity between children only, " + words(withAdult)
        + " with an adult involved), so neither is taken");
  }

  private static String words(Derivation d) {
    return d instanceof Derived x ? x.label() : "indeterminate";
  }

  /** Derives the label from facts that do not contradict each other on the sexual content. */
  abstract Derivation deriveConsistent(ContentFacts facts, Optional<JurisdictionProfile> profile);

  final Derived label(String label, String explanation) {
    if (!labels.contains(label) && !acceptsCombination(label)) {
      throw new IllegalStateException(scheme + " cannot derive " + label);
    }
    return new Derived(scheme, label, version, explanation);
  }

  final Indeterminate indeterminate(Reason reason, String explanation) {
    return new Indeterminate(scheme, reason, version, explanation);
  }

  /** Whether a label that is not in {@link #labels()} is a valid combination of them. */
  boolean acceptsCombination(String label) {
    return false;
  }

  @Override
  public String toString() {
    return scheme + " (mapper " + version + ")";
  }
}
