package org.hotlinekit.categorisation.scheme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Checks shared by {@link Derived} and {@link Indeterminate}. */
final class Outcomes {
  private Outcomes() {}

  /** The rule, checked (not blank). */
  static String checkRule(String rule) {
    Objects.requireNonNull(rule, "rule");
    if (rule.isBlank()) {
      throw new IllegalArgumentException("rule is blank");
    }
    return rule;
  }

  /** The facts, copied in their order, checked. */
  static Map<String, String> copyFacts(Map<String, String> facts) {
    Objects.requireNonNull(facts, "facts");
    Map<String, String> copy = new LinkedHashMap<>();
    facts.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "field"),
        Objects.requireNonNull(v, "value of " + k)));
    return Collections.unmodifiableMap(copy);
  }
}
