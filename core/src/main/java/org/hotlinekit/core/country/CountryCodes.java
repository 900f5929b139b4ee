package org.hotlinekit.core.country;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Country codes as hotlinekit takes them everywhere (hosting countries, routing, member
 * directories): ISO 3166-1 alpha-2 as the JDK lists them, plus {@code XK} (Kosovo: user-assigned
 * in ISO 3166, used for it by the European Union and in data exchanges, so that content hosted
 * there can be recorded). {@code ZZ}, {@code B1}, {@code EU} and other user-assigned or made-up
 * codes are refused: a typo must not pass for an unknown country.
 */
public final class CountryCodes {
  private static final Set<String> CODES = codes();

  private CountryCodes() {}

  private static Set<String> codes() {
    Set<String> s = new TreeSet<>(Set.of(Locale.getISOCountries()));
    s.add("XK");
    return Set.copyOf(s);
  }

  /**
   * Whether a code is one, exactly (upper case, no spaces; {@code UK} is not: write {@code GB}).
   *
   * @param code the code
   * @return true for an ISO 3166-1 alpha-2 code or {@code XK}
   */
  public static boolean isValid(String code) {
    return code != null && CODES.contains(code);
  }

  /**
   * A code as a person types it, made canonical: surrounding spaces ignored, upper case, {@code
   * UK} read as {@code GB}.
   *
   * @param code the code
   * @return the canonical code, or empty if it is not one
   */
  public static Optional<String> canonical(String code) {
    String s = Objects.requireNonNull(code, "code").strip().toUpperCase(Locale.ROOT);
    if (s.equals("UK")) {
      return Optional.of("GB");
    }
    return CODES.contains(s) ? Optional.of(s) : Optional.empty();
  }
}
