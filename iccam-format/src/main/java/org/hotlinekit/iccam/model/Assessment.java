package org.hotlinekit.iccam.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.categorisation.facts.ContentFacts;

/**
 * One assessment of a content item under one jurisdiction's law (a receiving hotline's
 * re-assessment is another assessment; both are kept).
 *
 * @param assessor the pseudonymous analyst
 * @param at when
 * @param jurisdiction the assessing jurisdiction, e.g. {@code BE}
 * @param classification ICCAM's classification
 * @param ageCategory ICCAM's age category
 * @param gender ICCAM's gender category
 * @param virtual computer-generated or drawn
 * @param selfGenerated self-generated (user-generated) content
 * @param childModelling child modelling
 * @param facts the facts observed, if recorded
 * @param labels label assertions in other schemes, with provenance
 */
public record Assessment(String assessor, Instant at, String jurisdiction,
    Classification classification, AgeCategory ageCategory, Gender gender, boolean virtual,
    boolean selfGenerated, boolean childModelling, Optional<ContentFacts> facts,
    List<LabelAssertion> labels) {
  /**
   * Validates and copies.
   *
   * @param assessor the assessor
   * @param at the time
   * @param jurisdiction the jurisdiction
   * @param classification the classification
   * @param ageCategory the age category
   * @param gender the gender
   * @param virtual the virtual flag
   * @param selfGenerated the self-generated flag
   * @param childModelling the child-modelling flag
   * @param facts the facts
   * @param labels the label assertions
   */
  public Assessment {
    Checks.pseudonym(assessor, "assessor");
    Objects.requireNonNull(at, "at");
    if (!Objects.requireNonNull(jurisdiction, "jurisdiction").matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
      throw new IllegalArgumentException("jurisdiction must be a code such as BE or UK");
    }
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(ageCategory, "ageCategory");
    Objects.requireNonNull(gender, "gender");
    Checks.opt(facts, "facts");
    labels = List.copyOf(labels);
  }
}
