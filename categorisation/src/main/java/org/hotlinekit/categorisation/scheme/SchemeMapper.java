package org.hotlinekit.categorisation.scheme;

import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;

/**
 * Derives one scheme's label from facts. A mapper never guesses: when a fact is missing, the
 * scheme's criteria leave the answer open, or the law is unclear, it returns {@link
 * Indeterminate}. Implementations are stateless and thread-safe, never throw for any facts, and
 * never return null.
 */
public interface SchemeMapper {
  /**
   * The scheme this mapper derives.
   *
   * @return the scheme
   */
  SchemeRef scheme();

  /**
   * The mapper's version; it changes whenever a rule changes, and every derivation records it,
   * so a rule change never rewrites history.
   *
   * @return e.g. {@code "1"}
   */
  String version();

  /**
   * Every label the mapper can derive (and the scheme's labels accepted in assertions).
   *
   * @return the labels
   */
  Set<String> labels();

  /**
   * Whether the scheme depends on the assessing jurisdiction's law.
   *
   * @return true for ICCAM's classification and schemes defined by one country's law
   */
  boolean needsJurisdiction();

  /**
   * Derives the label.
   *
   * @param facts the facts
   * @param jurisdiction the assessing jurisdiction's profile, if any
   * @return the label or the reason there is none
   */
  Derivation derive(ContentFacts facts, Optional<JurisdictionProfile> jurisdiction);
}
