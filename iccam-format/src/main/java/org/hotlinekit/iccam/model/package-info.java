/**
 * The report model: a {@link Report} received by a hotline, its {@link ContentItem}s with their
 * {@link Hosting}, {@link Assessment}s and dated {@link Action}s. Immutable values; analysts are
 * pseudonymous ids.
 */
package org.hotlinekit.iccam.model;
