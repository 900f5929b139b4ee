/**
 * hotlinekit iccam-format: the report model, its exchange format and secure packets. The API
 * arrives with its issue; the module exists so that the build and the BOM are complete.
 */
module org.hotlinekit.iccam {
  requires transitive org.hotlinekit.core;
}
