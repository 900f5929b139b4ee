package org.hotlinekit.categorisation.routing;

import org.hotlinekit.core.country.CountryCodes;

/** Country codes as routing takes them: {@link CountryCodes}, with a routing error message. */
final class Countries {
  private Countries() {}

  /**
   * The canonical code.
   *
   * @param code a code in any case, surrounding spaces ignored
   * @return the upper-case code ({@code GB} for {@code UK})
   * @throws IllegalArgumentException if it is not an ISO 3166-1 alpha-2 code (or XK)
   */
  static String canonical(String code) {
    return CountryCodes.canonical(code).orElseThrow(() -> new IllegalArgumentException("'" + code
        + "' is not an ISO 3166-1 alpha-2 country code (such as BE, NL, US; XK for Kosovo)"));
  }
}
