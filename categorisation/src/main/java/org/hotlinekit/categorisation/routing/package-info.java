/**
 * Who acts on content, from the assessing hotline's country and the hosting country: own law
 * enforcement and notice-and-takedown, the INHOPE member hotline of the hosting country, or, for
 * orphaned content, law enforcement. {@link Router} is a pure function over a {@link
 * MemberDirectory} (bundled, versioned data you can replace).
 */
package org.hotlinekit.categorisation.routing;
