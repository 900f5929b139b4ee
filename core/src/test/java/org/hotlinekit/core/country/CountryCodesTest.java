package org.hotlinekit.core.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** ISO 3166-1 alpha-2 as the JDK lists it, plus XK; nothing else. */
class CountryCodesTest {
  @Test
  void isoCodesAndKosovoAndNothingElse() {
    for (String c : Locale.getISOCountries()) {
      assertThat(CountryCodes.isValid(c)).as(c).isTrue();
    }
    assertThat(CountryCodes.isValid("XK")).isTrue();
    for (String bad : new String[] {"ZZ", "B1", "EU", "UK", "be", " BE", "", "BEL", null}) {
      assertThat(CountryCodes.isValid(bad)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  void canonicalFormsAsPeopleTypeThem() {
    assertThat(CountryCodes.canonical(" be ")).contains("BE");
    assertThat(CountryCodes.canonical("uk")).contains("GB");
    assertThat(CountryCodes.canonical("xk")).contains("XK");
    assertThat(CountryCodes.canonical("ZZ")).isEmpty();
    assertThat(CountryCodes.canonical("Belgium")).isEmpty();
  }
}
