package org.hotlinekit.categorisation.ucs;

/** The three sections of the Universal Classification Schema. */
public enum Section {
  /** Elements that decide severity and illegality. */
  CATEGORISATION,
  /** Elements for reporting obligations, victim identification and prosecution. */
  INVESTIGATIVE,
  /** Elements for statistics, training data and bias mitigation. */
  DEMOGRAPHIC
}
