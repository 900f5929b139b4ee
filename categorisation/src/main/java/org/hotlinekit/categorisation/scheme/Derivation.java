package org.hotlinekit.categorisation.scheme;

import java.util.Map;

/**
 * The outcome of deriving one scheme's label: {@link Derived} or {@link Indeterminate}, each with
 * an explanation a person can read, the rule that decided and the facts it read.
 */
public sealed interface Derivation permits Derived, Indeterminate {
  /**
   * The scheme.
   *
   * @return the scheme
   */
  SchemeRef scheme();

  /**
   * The version of the mapper that produced this outcome.
   *
   * @return the mapper version
   */
  String mapperVersion();

  /**
   * Why this outcome, in words.
   *
   * @return e.g. "Baseline: real child, apparent age group pre-pubescent, level ≥ genital focus"
   */
  String explanation();

  /**
   * The scheme's rule that decided (or could not decide), in words, with the jurisdiction
   * provisions it consulted.
   *
   * @return e.g. "ICS: A (prepubescent) or B (pubescent) by the youngest minor's developmental
   *     stage; 1 (sex act) or 2 (lascivious exhibition) by the level; ..."
   */
  String rule();

  /**
   * The fields of the facts document the rule read, named as in the document ({@code origin},
   * {@code persons[0].ageGroup}, {@code context.self_generated}), each with its value as written
   * there, in document order. For the built-in mappers this is exactly what was read: a field not
   * named here did not take part in the outcome. Empty for a mapper that does not say.
   *
   * @return field name to value, unmodifiable
   */
  Map<String, String> facts();
}
