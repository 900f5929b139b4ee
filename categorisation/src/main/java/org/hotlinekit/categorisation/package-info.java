/**
 * hotlinekit categorisation: record what an assessor observed once ({@link
 * org.hotlinekit.categorisation.facts}), derive every scheme's label per jurisdiction ({@link
 * org.hotlinekit.categorisation.Categoriser}), keep labels as assertions with provenance.
 */
package org.hotlinekit.categorisation;
