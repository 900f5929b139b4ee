package org.hotlinekit.categorisation.facts;

/** Context facts about how the item was made or spread; each is a {@link Tri}. */
public enum ContextFlag {
  /** Produced by the depicted minor (self-generated). */
  SELF_GENERATED,
  /** Child modelling material. */
  CHILD_MODELLING,
  /** Known to be made by generative AI (provenance, not realism alone). */
  AI_GENERATED,
  /** Offered commercially. */
  COMMERCIAL,
  /** Live-streamed. */
  LIVE_STREAMED,
  /** Shared as a meme. */
  POTENTIAL_MEME,
  /** Spread virally. */
  VIRAL
}
