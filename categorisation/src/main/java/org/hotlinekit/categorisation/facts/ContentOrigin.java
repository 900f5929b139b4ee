package org.hotlinekit.categorisation.facts;

/** How the depicted scene came to be. */
public enum ContentOrigin {
  /** A photograph or video of real events. */
  REAL_PHOTOGRAPHIC,
  /** A real image altered or combined (morphed), e.g. a real child's face on another body. */
  MANIPULATED_OR_MORPHED,
  /** Computer-generated or AI-generated, indistinguishable or nearly so from a photograph. */
  PHOTOREALISTIC_SYNTHETIC,
  /** Drawn, painted, animated or rendered so that it is clearly not a photograph. */
  NON_REALISTIC_DRAWN,
  /** Not determined. */
  UNKNOWN
}
