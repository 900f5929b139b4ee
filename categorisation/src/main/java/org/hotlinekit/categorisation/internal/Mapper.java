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

  @Override
  public abstract Derivation derive(ContentFacts facts, Optional<JurisdictionProfile> profile);

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
