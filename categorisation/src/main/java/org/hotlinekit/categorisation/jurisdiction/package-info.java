/**
 * Jurisdiction profiles as data: what a country's law covers (age limits; realistic virtual and
 * drawn material, posing, genital focus, look-alike adults), each with its legal source. {@link
 * Jurisdictions} loads the bundled profiles and the caller's own.
 */
package org.hotlinekit.categorisation.jurisdiction;
