package org.hotlinekit.categorisation.facts;

import java.io.Reader;
import java.nio.file.Path;
import org.hotlinekit.categorisation.internal.FactsParser;
import org.hotlinekit.categorisation.internal.StrictJson;

/**
 * The facts JSON document (version 1), read strictly: unknown fields, duplicate keys, unknown enum
 * values, wrong types and bad age ranges are errors naming the field.
 *
 * <pre>{@code
 * {
 *   "format": "hotlinekit-facts", "formatVersion": 1,
 *   "origin": "real_photographic",                        (required)
 *   "persons": [                                          (required; may be empty)
 *     {"ageGroup": "pre_pubescent", "ageRange": {"min": 8, "max": 11}, "knownAdult": "no"}],
 *   "level": "genital_anal_focus",                        (required)
 *   "gender": "female",
 *   "adultInvolved": "unknown",
 *   "aggravating": ["physical_harm"],
 *   "context": {"self_generated": "no", "ai_generated": "unknown"},
 *   "note": "free text, ignored"
 * }
 * }</pre>
 *
 * Values are the enum constants in lower case: origin {@link ContentOrigin}, {@code ageGroup}
 * {@link AgeGroup}, {@code knownAdult}/{@code adultInvolved}/context values {@link Tri}, {@code
 * level} {@link SexualContentLevel}, {@code gender} {@link GenderPresence}, {@code aggravating}
 * {@link AggravatingFlag}, context keys {@link ContextFlag}. Omitted optional facts are unknown.
 */
public final class FactsJson {
  private FactsJson() {}

  /**
   * Reads a facts file.
   *
   * @param file the file
   * @return the facts
   * @throws org.hotlinekit.core.MalformedInputException if it is not a valid facts document
   * @throws org.hotlinekit.core.UnsupportedInputException if it is another format version
   * @throws org.hotlinekit.core.InputReadException if it cannot be read
   */
  public static ContentFacts read(Path file) {
    return FactsParser.document(new StrictJson.At(file.toString(), StrictJson.read(file)));
  }

  /**
   * Reads a facts document.
   *
   * @param in the JSON text
   * @param name the name used in errors
   * @return the facts
   * @throws org.hotlinekit.core.MalformedInputException if it is not a valid facts document
   * @throws org.hotlinekit.core.UnsupportedInputException if it is another format version
   */
  public static ContentFacts read(Reader in, String name) {
    return FactsParser.document(new StrictJson.At(name, StrictJson.read(in, name)));
  }

  /**
   * The facts' contradictions, for a reader to warn about before anything is derived: a
   * developmental stage against an apparent age (adult-appearing, apparent 9-11), a known status
   * against a known age (adult, age 15), activity between children only with an adult involved
   * (or the reverse). The mappers never take either reading where the two would differ
   * ({@code indeterminate (contradictory facts)}).
   *
   * @param facts the facts
   * @return one line per contradiction, naming the fields; empty when the facts agree
   */
  public static java.util.List<String> contradictions(ContentFacts facts) {
    return FactsParser.contradictions(facts);
  }

  /**
   * Writes a facts document, every fact included (unknowns as {@code unknown}), in a stable
   * order: the same facts give the same text.
   *
   * @param facts the facts
   * @return the JSON text
   */
  public static String write(ContentFacts facts) {
    return FactsParser.write(facts);
  }
}
