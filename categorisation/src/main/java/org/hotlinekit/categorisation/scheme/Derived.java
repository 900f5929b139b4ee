package org.hotlinekit.categorisation.scheme;

import java.util.Map;
import java.util.Objects;

/**
 * A derived label.
 *
 * @param scheme the scheme
 * @param label the label, one of the mapper's {@link SchemeMapper#labels()}
 * @param mapperVersion the mapper's version
 * @param explanation why, in words
 * @param rule the rule that decided, in words (see {@link Derivation#rule()})
 * @param facts the facts fields the rule read, with their values, in document order (see {@link
 *     Derivation#facts()})
 */
public record Derived(SchemeRef scheme, String label, String mapperVersion, String explanation,
    String rule, Map<String, String> facts) implements Derivation {
  /**
   * Validates.
   *
   * @param scheme the scheme
   * @param label the label
   * @param mapperVersion the mapper version
   * @param explanation the explanation
   * @param rule the rule
   * @param facts the facts read
   */
  public Derived {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(mapperVersion, "mapperVersion");
    Objects.requireNonNull(explanation, "explanation");
    rule = Outcomes.checkRule(rule);
    facts = Outcomes.copyFacts(facts);
  }

  /**
   * A label from a mapper that does not name its rule or facts: the rule is the scheme itself and
   * no facts are named.
   *
   * @param scheme the scheme
   * @param label the label
   * @param mapperVersion the mapper version
   * @param explanation the explanation
   */
  public Derived(SchemeRef scheme, String label, String mapperVersion, String explanation) {
    this(scheme, label, mapperVersion, explanation, Objects.requireNonNull(scheme, "scheme").id(),
        Map.of());
  }
}
