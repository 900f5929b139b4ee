package org.hotlinekit.categorisation.ucs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/**
 * The pluggable vocabulary: the shipped empty UCS, a test vocabulary with invented labels (the
 * real UCS labels are licensed and not public), mappings to facts and to other schemes.
 */
class VocabularyTest {
  private static final String VOCABULARY = "{\"format\": \"hotlinekit-vocabulary\","
      + " \"formatVersion\": 1, \"id\": \"test-ucs\", \"version\": \"0.1\","
      + " \"licence\": \"invented test vocabulary\","
      + " \"sections\": [\"categorisation\", \"demographic\"], \"labels\": ["
      + "{\"code\": \"T-REAL\", \"section\": \"categorisation\", \"name\": \"Real\"},"
      + "{\"code\": \"T-CHILD-PRE\", \"section\": \"demographic\", \"name\": \"Pre-pubescent\"},"
      + "{\"code\": \"T-FOCUS\", \"section\": \"categorisation\", \"name\": \"Focus\"},"
      + "{\"code\": \"T-ACT\", \"section\": \"categorisation\", \"name\": \"Act\"},"
      + "{\"code\": \"T-DRAWN\", \"section\": \"categorisation\", \"name\": \"Drawn\"}]}";
  private static final String MAPPING = "{\"format\": \"hotlinekit-vocabulary-mapping\","
      + " \"formatVersion\": 1, \"vocabulary\": \"test-ucs\", \"vocabularyVersion\": \"0.1\","
      + " \"version\": \"1\", \"mappings\": ["
      + "{\"label\": \"T-REAL\", \"facts\": {\"origin\": \"real_photographic\"}},"
      + "{\"label\": \"T-CHILD-PRE\", \"facts\": {\"persons\": [{\"ageGroup\": \"pre_pubescent\"}]}},"
      + "{\"label\": \"T-FOCUS\", \"facts\": {\"level\": \"genital_anal_focus\"},"
      + " \"schemeLabels\": [{\"scheme\": \"uk-sentencing\", \"label\": \"C\"}]},"
      + "{\"label\": \"T-ACT\", \"facts\": {\"level\": \"penetrative\"}},"
      + "{\"label\": \"T-DRAWN\", \"facts\": {\"origin\": \"non_realistic_drawn\"}}]}";

  @Test
  void theShippedUcsIsEmpty() {
    Vocabulary ucs = Vocabulary.emptyUcs();
    assertThat(ucs.id()).isEqualTo("inhope-ucs");
    assertThat(ucs.labels()).isEmpty();
    assertThat(ucs.sections()).containsExactly(Section.values());
    assertThat(ucs.licence()).contains("licensed by INHOPE");
  }

  @Test
  void labelsMapToFactsAndToOtherSchemes() {
    Vocabulary v = Vocabulary.read(new StringReader(VOCABULARY), "v.json");
    VocabularyMapping m = VocabularyMapping.read(new StringReader(MAPPING), "m.json", v);
    ContentFacts f = m.facts(List.of("T-REAL", "T-CHILD-PRE", "T-FOCUS", "T-ACT"));
    assertThat(f.origin()).isEqualTo(ContentOrigin.REAL_PHOTOGRAPHIC);
    assertThat(f.persons()).singleElement()
        .satisfies(p -> assertThat(p.group()).isEqualTo(AgeGroup.PRE_PUBESCENT));
    assertThat(f.level()).isEqualTo(SexualContentLevel.PENETRATIVE); // the most severe
    assertThat(m.schemeLabels("T-FOCUS")).containsExactly(new SchemeLabel("uk-sentencing", "C"));
    assertThat(m.schemeLabels("T-REAL")).isEmpty();
    assertThatThrownBy(() -> m.facts(List.of("T-REAL", "T-DRAWN")))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("origin NON_REALISTIC_DRAWN");
    assertThatThrownBy(() -> m.facts(List.of("T-NOPE")))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("'T-NOPE'");
  }

  @Test
  void invalidVocabulariesAndMappingsAreRefused() {
    Vocabulary v = Vocabulary.read(new StringReader(VOCABULARY), "v.json");
    assertThatThrownBy(() -> Vocabulary.read(new StringReader(
        VOCABULARY.replace("\"T-DRAWN\"", "\"T-REAL\"")), "v.json"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("v.json: field 'labels[4].code': code 'T-REAL' is used twice");
    assertThatThrownBy(() -> Vocabulary.read(new StringReader(VOCABULARY.replace(
        "\"section\": \"demographic\"", "\"section\": \"investigative\"")), "v.json"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("does not declare this section");
    assertError(MAPPING.replace("\"label\": \"C\"", "\"label\": \"D\""), v,
        "m.json: field 'mappings[2].schemeLabels[0].label': 'D' is not a label of uk-sentencing");
    assertError(MAPPING.replace("\"label\": \"T-ACT\"", "\"label\": \"T-MISSING\""), v,
        "m.json: field 'mappings[3].label': 'T-MISSING' is not a label of test-ucs 0.1");
    assertError(MAPPING.replace("\"vocabularyVersion\": \"0.1\"", "\"vocabularyVersion\": \"0.2\""),
        v, "m.json: field 'vocabularyVersion': maps version '0.2', the loaded vocabulary is"
            + " version '0.1'");
    assertError(MAPPING.replace("\"penetrative\"", "\"very_bad\""), v,
        "m.json: field 'mappings[3].facts.level': unknown value 'very_bad' (expected one of:"
            + " none_indicative, nudity_non_sexual, erotica_surreptitious, posing, erotic_posing,"
            + " genital_anal_focus, sexual_activity_child_only, non_penetrative_with_adult,"
            + " penetrative, sadism_or_bestiality, unknown)");
    assertError(MAPPING, Vocabulary.emptyUcs(),
        "m.json: field 'vocabulary': maps 'test-ucs', not the loaded vocabulary 'inhope-ucs'");
  }

  private static void assertError(String mapping, Vocabulary v, String message) {
    assertThatThrownBy(() -> VocabularyMapping.read(new StringReader(mapping), "m.json", v))
        .isInstanceOf(MalformedInputException.class).hasMessage(message);
  }
}
