package org.hotlinekit.categorisation.facts;

/** Aggravating features observed. */
public enum AggravatingFlag {
  /** Sadism or masochism inflicted on a child. */
  SADISM,
  /** An animal involved. */
  BESTIALITY,
  /** Physical harm visible. */
  PHYSICAL_HARM,
  /** Violence or gore. */
  VIOLENCE_GORE,
  /** Degradation. */
  DEGRADATION
}
