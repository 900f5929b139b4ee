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

  /**
   * A URL a receiving hotline can act on: absolute, http, https or ftp, with a valid host (for
   * http and https as {@code Urls.canonical} reads it); or, for material found on a device rather
   * than online, hotlinekit's names {@code urn:hotlinekit:file:PATH} (a file of a seizure) and
   * {@code urn:hotlinekit:scan:REFERENCE} (a scan). {@code javascript:}, {@code data:}, a relative
   * or a free-text "URL" are refused.
   */
  static String url(String s, String field) {
    text(s, field);
    if (s.matches("urn:hotlinekit:(file|scan):\\S+")) {
      return s;
    }
    String scheme = s.strip().contains(":")
        ? s.strip().substring(0, s.strip().indexOf(':')).toLowerCase(java.util.Locale.ROOT) : "";
    try {
      switch (scheme) {
        case "http":
        case "https":
          org.hotlinekit.iccam.url.Urls.canonical(s);
          break;
        case "ftp":
          java.net.URI u = new java.net.URI(s.strip());
          if (u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException(field + ": an ftp URL needs a host");
          }
          break;
        default:
          throw new IllegalArgumentException(field + " must be an absolute http, https or ftp"
              + " URL (or urn:hotlinekit:file:PATH for a file found on a device), not '" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'");
      }
    } catch (org.hotlinekit.core.MalformedInputException | java.net.URISyntaxException e) {
      throw new IllegalArgumentException(field + " is not a valid URL: " + e.getMessage());
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
