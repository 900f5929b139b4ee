package org.hotlinekit.categorisation.scheme;

import java.util.Objects;

/**
 * A classification scheme and the version of its definition, e.g. {@code ("tc-ics", "2022")}.
 *
 * @param id the scheme's stable id
 * @param version the version of the scheme's definition
 */
public record SchemeRef(String id, String version) {
  /**
   * Validates.
   *
   * @param id lower-case letters, digits and hyphens
   * @param version not blank
   */
  public SchemeRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("scheme id must be lower-case letters, digits, hyphens");
    }
    if (version.isBlank()) {
      throw new IllegalArgumentException("scheme version must not be empty");
    }
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
