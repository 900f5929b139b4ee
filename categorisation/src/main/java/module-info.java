/**
 * hotlinekit categorisation: ICCAM classification and the schemes derived from recorded facts.
 * The API arrives with its issue; the module exists so that the build and the BOM are complete.
 */
module org.hotlinekit.categorisation {
  requires transitive org.hotlinekit.core;
}
