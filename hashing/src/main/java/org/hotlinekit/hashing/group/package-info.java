/**
 * Grouping media by near-duplicate PDQ hashes ({@link
 * org.hotlinekit.hashing.group.NearDuplicateGroups}), so that an analyst sees one picture once,
 * not each of its resized, re-encoded or cropped copies.
 */
package org.hotlinekit.hashing.group;
