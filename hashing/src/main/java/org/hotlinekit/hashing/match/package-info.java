/**
 * Matching media against hash lists: {@link org.hotlinekit.hashing.match.Matcher} looks the
 * digests and PDQ hash of a file up in every loaded list; {@link
 * org.hotlinekit.hashing.match.Triage} splits files into known and new.
 */
package org.hotlinekit.hashing.match;
