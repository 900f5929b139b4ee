package org.hotlinekit.categorisation.ucs;

import java.util.Objects;

/**
 * A label in another scheme that a vocabulary label maps to.
 *
 * @param scheme the scheme id, e.g. {@code tc-ics}
 * @param label the label, e.g. {@code A1}
 */
public record SchemeLabel(String scheme, String label) {
  /**
   * Validates.
   *
   * @param scheme the scheme id
   * @param label the label
   */
  public SchemeLabel {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(label, "label");
  }
}
