package org.hotlinekit.categorisation.scheme;

import java.util.Objects;

/**
 * A derived label.
 *
 * @param scheme the scheme
 * @param label the label, one of the mapper's {@link SchemeMapper#labels()}
 * @param mapperVersion the mapper's version
 * @param explanation why
 */
public record Derived(SchemeRef scheme, String label, String mapperVersion, String explanation)
    implements Derivation {
  /**
   * Validates.
   *
   * @param scheme the scheme
   * @param label the label
   * @param mapperVersion the mapper version
   * @param explanation the explanation
   */
  public Derived {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(mapperVersion, "mapperVersion");
    Objects.requireNonNull(explanation, "explanation");
  }
}
