/**
 * Classification schemes and their mappers: a {@link SchemeMapper} derives one scheme's label from
 * {@link org.hotlinekit.categorisation.facts.ContentFacts} (and a jurisdiction where the scheme
 * needs one) or says why it cannot ({@link Indeterminate}); {@link Schemes} lists the built-in ones.
 */
package org.hotlinekit.categorisation.scheme;
