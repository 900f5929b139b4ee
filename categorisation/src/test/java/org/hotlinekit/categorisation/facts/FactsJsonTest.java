package org.hotlinekit.categorisation.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The facts document: reading, errors naming the field, write-then-read. */
class FactsJsonTest {
  private static final String GOOD = "{\"format\": \"hotlinekit-facts\", \"formatVersion\": 1,"
      + " \"origin\": \"real_photographic\","
      + " \"persons\": [{\"ageGroup\": \"pre_pubescent\", \"ageRange\": {\"min\": 8, \"max\": 11},"
      + " \"knownAdult\": \"no\"}],"
      + " \"gender\": \"female\", \"level\": \"genital_anal_focus\", \"adultInvolved\": \"no\","
      + " \"aggravating\": [\"physical_harm\"], \"context\": {\"self_generated\": \"no\"},"
      + " \"note\": \"invented example\"}";

  @Test
  void readsADocument() {
    ContentFacts f = read(GOOD);
    assertThat(f.origin()).isEqualTo(ContentOrigin.REAL_PHOTOGRAPHIC);
    assertThat(f.persons()).containsExactly(
        Person.of(AgeGroup.PRE_PUBESCENT).withAgeRange(8, 11).withKnownAdult(Tri.NO));
    assertThat(f.gender()).isEqualTo(GenderPresence.FEMALE);
    assertThat(f.level()).isEqualTo(SexualContentLevel.GENITAL_ANAL_FOCUS);
    assertThat(f.aggravating()).containsExactly(AggravatingFlag.PHYSICAL_HARM);
    assertThat(f.context(ContextFlag.SELF_GENERATED)).isEqualTo(Tri.NO);
    assertThat(f.context(ContextFlag.AI_GENERATED)).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void badInputNamesTheField() {
    assertError(GOOD.replace("\"pre_pubescent\"", "\"toddler\""),
        "facts.json: field 'persons[0].ageGroup': unknown value 'toddler' (expected one of:"
            + " infant, pre_pubescent, pubescent, minor_stage_unknown, adult_appearing,"
            + " not_determined)");
    assertError(GOOD.replace(" \"level\": \"genital_anal_focus\",", ""),
        "facts.json: field 'level': missing required field");
    assertError(GOOD.replace("\"min\": 8, \"max\": 11", "\"min\": 12, \"max\": 9"),
        "facts.json: field 'persons[0].ageRange': min 12 is greater than max 9");
    assertError(GOOD.replace("\"gender\"", "\"colour\""),
        "facts.json: field 'colour': unknown field");
    assertError(GOOD.replace("\"min\": 8", "\"min\": \"8\""),
        "facts.json: field 'persons[0].ageRange.min': must be a whole number 0..120");
    assertError(GOOD.replace("\"self_generated\"", "\"selfie\""),
        "facts.json: field 'context.selfie': unknown field");
    assertError(GOOD.replace("\"aggravating\": [\"physical_harm\"]", "\"aggravating\": \"x\""),
        "facts.json: field 'aggravating': must be an array");
    assertThatThrownBy(() -> read(GOOD.replace("\"gender\": \"female\",",
        "\"gender\": \"female\", \"gender\": \"male\","))).isInstanceOf(
        MalformedInputException.class).hasMessageContaining("Duplicate");
    assertThatThrownBy(() -> read(GOOD.replace("\"formatVersion\": 1", "\"formatVersion\": 3")))
        .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("version 3")
        .hasMessageContaining("versions 1 to 2");
    assertThatThrownBy(() -> read("{\"format\": \"hotlinekit-facts\","))
        .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("facts.json:1:")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> read("[]")).isInstanceOf(MalformedInputException.class)
        .hasMessage("facts.json: must be a JSON object");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void writeThenReadIsIdentity(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 500; i++) {
      ContentFacts f = org.hotlinekit.categorisation.testing.RandomFacts.random(r);
      String json = FactsJson.write(f);
      assertThat(read(json)).isEqualTo(f);
      assertThat(FactsJson.write(read(json))).isEqualTo(json);
    }
  }

  private static void assertError(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedInputException.class)
        .hasMessage(message);
  }

  private static ContentFacts read(String json) {
    return FactsJson.read(new StringReader(json), "facts.json");
  }
}
