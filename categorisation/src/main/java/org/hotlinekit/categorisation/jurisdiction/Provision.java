package org.hotlinekit.categorisation.jurisdiction;

import java.util.Objects;

/**
 * What a law says on one topic, and where it says it.
 *
 * @param coverage how the material is treated
 * @param source the legal source (article, case, or the reason it is unclear)
 */
public record Provision(Coverage coverage, String source) {
  /**
   * Validates.
   *
   * @param coverage the coverage
   * @param source the source, not blank
   */
  public Provision {
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("a provision needs its legal source");
    }
  }
}
