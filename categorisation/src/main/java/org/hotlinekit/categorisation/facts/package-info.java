/**
 * What an assessor observed about one media item ({@link ContentFacts}): origin, persons and their
 * apparent age, gender, an ordered sexual-content level, aggravating and context flags. Unknown is
 * a value, never null. {@link FactsJson} reads and writes the documented facts JSON.
 */
package org.hotlinekit.categorisation.facts;
