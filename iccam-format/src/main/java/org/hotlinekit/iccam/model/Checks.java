package org.hotlinekit.iccam.model;

import java.util.Objects;
import java.util.Optional;

/** Argument checks shared by the model's constructors. */
final class Checks {
  private Checks() {}

  static String text(String s, String field) {
    Objects.requireNonNull(s, field);
    if (s.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    return s;
  }

  static <T> Optional<T> opt(Optional<T> o, String field) {
    return Objects.requireNonNull(o, field);
  }

  static String country(String c, String field) {
    if (!org.hotlinekit.core.country.CountryCodes.isValid(Objects.requireNonNull(c, field))) {
      throw new IllegalArgumentException(field + " must be an ISO 3166-1 alpha-2 country code in"
          + " upper case (GB, not UK; XK for Kosovo), not '" + c + "'");
    }
    return c;
  }

  static String pseudonym(String id, String field) {
    if (!Objects.requireNonNull(id, field).matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new IllegalArgumentException(field + " must be a pseudonymous id: 1-64 letters,"
          + " digits or . _ : -");
    }
    return id;
  }
}
