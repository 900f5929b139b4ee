/**
 * Labels as assertions with provenance: scheme and version, label, jurisdiction, pseudonymous
 * assessor, time and basis (manual, derived, hash match, classifier). {@link AssertionLog} keeps
 * them all and says which one stands, so a manual label is never silently replaced.
 */
package org.hotlinekit.categorisation.assertion;
