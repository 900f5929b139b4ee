package org.hotlinekit.categorisation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.FactsJson;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.routing.MemberDirectory;
import org.hotlinekit.categorisation.ucs.Vocabulary;
import org.hotlinekit.categorisation.ucs.VocabularyMapping;
import org.hotlinekit.core.HotlinekitException;

/**
 * Untrusted JSON (facts, profiles, member directories, vocabularies, mappings): every reader
 * returns a value or throws a HotlinekitException; facts that are read categorise without error.
 */
class JsonReadersFuzzTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();

  @FuzzTest(maxDuration = "60s")
  void readAny(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      ContentFacts f = FactsJson.read(new StringReader(text), "fuzz");
      CATEGORISER.categorise(f, "BE");
      CATEGORISER.categorise(f, "DE");
    } catch (HotlinekitException expected) {
      // A clear refusal.
    }
    try {
      Jurisdictions.read(new StringReader(text), "fuzz");
    } catch (HotlinekitException expected) {
      // A clear refusal.
    }
    try {
      MemberDirectory.read(new StringReader(text), "fuzz");
    } catch (HotlinekitException expected) {
      // A clear refusal.
    }
    try {
      Vocabulary v = Vocabulary.read(new StringReader(text), "fuzz");
      v.labels();
    } catch (HotlinekitException expected) {
      // A clear refusal.
    }
    try {
      VocabularyMapping.read(new StringReader(text), "fuzz", Vocabulary.emptyUcs());
    } catch (HotlinekitException expected) {
      // A clear refusal.
    }
  }
}
