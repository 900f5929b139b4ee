package org.hotlinekit.categorisation.ucs;

import java.util.Objects;

/**
 * One label of a vocabulary.
 *
 * @param code the label's code, unique in its vocabulary
 * @param section its section
 * @param name its name
 * @param description what it means (may be empty)
 */
public record VocabularyLabel(String code, Section section, String name, String description) {
  /**
   * Validates.
   *
   * @param code the code
   * @param section the section
   * @param name the name
   * @param description the description
   */
  public VocabularyLabel {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }
}
