package org.hotlinekit.categorisation.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
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
  private final String rule;

  /**
   * A mapper.
   *
   * @param rule the scheme's rule as this mapper applies it, in words: every outcome names it
   */
  Mapper(String id, String schemeVersion, String mapperVersion, Set<String> labels, String rule) {
    this.scheme = new SchemeRef(id, schemeVersion);
    this.version = mapperVersion;
    this.labels = Set.copyOf(labels);
    this.rule = rule;
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
    Reading reading = new Reading(facts);
    Derivation d = decide(reading, profile);
    String decided = reading.provisions().map(p -> rule + "; " + p).orElse(rule);
    Map<String, String> used = reading.used(facts);
    return d instanceof Derived x
        ? new Derived(scheme, x.label(), version, x.explanation(), decided, used)
        : new Indeterminate(scheme, ((Indeterminate) d).reason(), version, d.explanation(),
            decided, used);
  }

  private Derivation decide(Reading facts, Optional<JurisdictionProfile> profile) {
    // Checked on the facts as they are, not noted: the level and the adult involvement are named
    // only where the rule reads them, or where they disagree (below).
    java.util.Optional<String> contradiction = FactsView.levelContradiction(facts.facts());
    if (contradiction.isEmpty()) {
      Derivation d = deriveConsistent(facts, profile);
      SexualContentLevel level = facts.facts().level();
      if (facts.hasRead("level") && (level == SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY
          || level == SexualContentLevel.NON_PENETRATIVE_WITH_ADULT)) {
        // The level was taken as recorded because the adult involvement did not contradict it.
        facts.adultInvolved();
      }
      return d;
    }
    facts.level();
    facts.adultInvolved();
    Derivation childOnly = deriveConsistent(facts.sharing(facts.facts().toBuilder()
        .level(SexualContentLevel.SEXUAL_ACTIVITY_CHILD_ONLY)
        .adultInvolved(Tri.NO).build()), profile);
    Derivation withAdult = deriveConsistent(facts.sharing(facts.facts().toBuilder()
        .level(SexualContentLevel.NON_PENETRATIVE_WITH_ADULT)
        .adultInvolved(Tri.YES).build()), profile);
    String both = "the facts disagree (" + contradiction.get() + ")";
    if (childOnly instanceof Derived a && withAdult instanceof Derived b
        && a.label().equals(b.label())) {
      return label(a.label(), both + ", and both readings give " + a.label() + ": "
          + a.explanation() + " / " + b.explanation());
    }
    if (childOnly instanceof Indeterminate a && withAdult instanceof Indeterminate b
        && a.reason() == b.reason()) {
      // Open either way for the same reason: the contradiction does not decide it.
      return indeterminate(a.reason(), both + ", and both readings are open: "
          + (a.explanation().equals(b.explanation()) ? a.explanation()
              : a.explanation() + " / " + b.explanation()));
    }
    return indeterminate(Reason.CONTRADICTORY_FACTS, both + ", and the readings differ ("
        + words(childOnly) + " as activity between children only, " + words(withAdult)
        + " with an adult involved), so neither is taken");
  }

  private static String words(Derivation d) {
    return d instanceof Derived x ? x.label() : "indeterminate";
  }

  /**
   * Derives the label from facts that do not contradict each other on the sexual content, reading
   * them through {@code facts} so that the outcome can name what it read; the rule and the facts
   * read are added by {@link #derive}.
   */
  abstract Derivation deriveConsistent(Reading facts, Optional<JurisdictionProfile> profile);

  final Derived label(String label, String explanation) {
    if (!labels.contains(label) && !acceptsCombination(label)) {
      throw new IllegalStateException(scheme + " cannot derive " + label);
    }
    return new Derived(scheme, label, version, explanation, rule, Map.of());
  }

  final Indeterminate indeterminate(Reason reason, String explanation) {
    return new Indeterminate(scheme, reason, version, explanation, rule, Map.of());
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
