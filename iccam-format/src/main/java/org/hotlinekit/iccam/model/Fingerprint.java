package org.hotlinekit.iccam.model;

import java.util.Objects;

/**
 * A hash of a content item's media.
 *
 * @param type {@code md5}, {@code sha1}, {@code sha256}, {@code pdq} or {@code photodna}
 * @param value lowercase hex
 */
public record Fingerprint(String type, String value) {
  private static final java.util.Map<String, Integer> HEX_LENGTHS =
      java.util.Map.of("md5", 32, "sha1", 40, "sha256", 64, "pdq", 64, "photodna", 288);

  /**
   * Validates.
   *
   * @param type the type
   * @param value the value
   */
  public Fingerprint {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Integer len = HEX_LENGTHS.get(type);
    if (len == null) {
      throw new IllegalArgumentException("unknown fingerprint type '" + type + "'");
    }
    if (value.length() != len || !value.matches("[0-9a-f]*")) {
      throw new IllegalArgumentException(type + " fingerprint must be " + len
          + " lowercase hex digits");
    }
  }
}
