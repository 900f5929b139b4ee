/**
 * INHOPE's Universal Classification Schema as a pluggable vocabulary: hotlinekit ships the loader,
 * the validation and an empty vocabulary; the licensed vocabulary file and a mapping file (label
 * to facts, or to other schemes' labels) are loaded at run time.
 */
package org.hotlinekit.categorisation.ucs;
