package org.hotlinekit.categorisation.scheme;

import java.util.Map;
import java.util.Objects;

/**
 * No label: the reason, and what is missing or open.
 *
 * @param scheme the scheme
 * @param reason why
 * @param mapperVersion the mapper's version
 * @param explanation what is missing or ambiguous, in words
 * @param rule the rule that could not decide, in words (see {@link Derivation#rule()})
 * @param facts the facts fields the rule read, with their values, in document order (see {@link
 *     Derivation#facts()})
 */
public record Indeterminate(SchemeRef scheme, Reason reason, String mapperVersion,
    String explanation, String rule, Map<String, String> facts) implements Derivation {
  /**
   * Validates.
   *
   * @param scheme the scheme
   * @param reason the reason
   * @param mapperVersion the mapper version
   * @param explanation the explanation
   * @param rule the rule
   * @param facts the facts read
   */
  public Indeterminate {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(mapperVersion, "mapperVersion");
    Objects.requireNonNull(explanation, "explanation");
    rule = Outcomes.checkRule(rule);
    facts = Outcomes.copyFacts(facts);
  }

  /**
   * An outcome from a mapper that does not name its rule or facts: the rule is the scheme itself
   * and no facts are named.
   *
   * @param scheme the scheme
   * @param reason the reason
   * @param mapperVersion the mapper version
   * @param explanation the explanation
   */
  public Indeterminate(SchemeRef scheme, Reason reason, String mapperVersion,
      String explanation) {
    this(scheme, reason, mapperVersion, explanation,
        Objects.requireNonNull(scheme, "scheme").id(), Map.of());
  }
}
