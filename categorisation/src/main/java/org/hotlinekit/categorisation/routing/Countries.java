package org.hotlinekit.categorisation.routing;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Country codes as routing takes them: ISO 3166-1 alpha-2 as the JDK lists them, plus {@code XK}
 * (Kosovo: user-assigned in ISO 3166, used for it by the European Union and in data exchanges,
 * so a hotline can record content hosted there); {@code UK} is read as {@code GB}. Anything else
 * ({@code ZZ}, {@code B1}, {@code EU}) is refused: a typo must not route as an unknown country.
 */
final class Countries {
  private static final Set<String> CODES = codes();

  private Countries() {}

  private static Set<String> codes() {
    java.util.Set<String> s = new java.util.TreeSet<>(Set.of(Locale.getISOCountries()));
    s.add("XK");
    return Set.copyOf(s);
  }

  /**
   * The canonical code.
   *
   * @param code a code in any case, surrounding spaces ignored
   * @return the upper-case code ({@code GB} for {@code UK})
   * @throws IllegalArgumentException if it is not an ISO 3166-1 alpha-2 code (or XK)
   */
  static String canonical(String code) {
    String s = Objects.requireNonNull(code, "country").strip().toUpperCase(Locale.ROOT);
    if (s.equals("UK")) {
      return "GB";
    }
    if (!CODES.contains(s)) {
      throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 alpha-2 country"
          + " code (such as BE, NL, US; XK for Kosovo)");
    }
    return s;
  }
}
