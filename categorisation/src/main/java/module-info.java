/**
 * hotlinekit categorisation: facts-first classification of media for INHOPE/ICCAM and the schemes
 * partners use (Tech Coalition ICS, UK categories, SAP, COPINE, EU 2011/93, C3P, NCMEC
 * annotations), per jurisdiction; label assertions with provenance; routing by hosting country;
 * the loader for INHOPE's Universal Classification Schema.
 */
module org.hotlinekit.categorisation {
  requires transitive org.hotlinekit.core;
  requires tools.jackson.databind;

  exports org.hotlinekit.categorisation;
  exports org.hotlinekit.categorisation.facts;
  exports org.hotlinekit.categorisation.scheme;
  exports org.hotlinekit.categorisation.jurisdiction;
  exports org.hotlinekit.categorisation.assertion;
  exports org.hotlinekit.categorisation.routing;
  exports org.hotlinekit.categorisation.ucs;
}
