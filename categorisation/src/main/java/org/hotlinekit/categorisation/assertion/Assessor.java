package org.hotlinekit.categorisation.assertion;

import java.util.Objects;

/**
 * A pseudonymous assessor id, e.g. {@code analyst-7f3a} or {@code hotlinekit:derive}. Only
 * letters, digits and {@code . _ : -}, up to 64 characters, so that a real name or an e-mail
 * address cannot be stored by mistake.
 *
 * @param id the pseudonymous id
 */
public record Assessor(String id) {
  /** The assessor recorded for labels hotlinekit derives itself. */
  public static final Assessor HOTLINEKIT = new Assessor("hotlinekit");

  /**
   * Validates.
   *
   * @param id the id
   */
  public Assessor {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new IllegalArgumentException("an assessor id is 1-64 letters, digits or . _ : -"
          + " (pseudonymous: no names, no e-mail addresses)");
    }
  }
}
