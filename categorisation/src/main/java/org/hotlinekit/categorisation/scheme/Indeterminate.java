package org.hotlinekit.categorisation.scheme;

import java.util.Objects;

/**
 * No label: the reason, and what is missing or open.
 *
 * @param scheme the scheme
 * @param reason why
 * @param mapperVersion the mapper's version
 * @param explanation what is missing or ambiguous, in words
 */
public record Indeterminate(SchemeRef scheme, Reason reason, String mapperVersion,
    String explanation) implements Derivation {
  /**
   * Validates.
   *
   * @param scheme the scheme
   * @param reason the reason
   * @param mapperVersion the mapper version
   * @param explanation the explanation
   */
  public Indeterminate {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(mapperVersion, "mapperVersion");
    Objects.requireNonNull(explanation, "explanation");
  }
}
