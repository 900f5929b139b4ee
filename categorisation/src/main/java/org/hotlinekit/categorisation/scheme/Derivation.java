package org.hotlinekit.categorisation.scheme;

/**
 * The outcome of deriving one scheme's label: {@link Derived} or {@link Indeterminate}, each with
 * an explanation a person can read.
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
}
