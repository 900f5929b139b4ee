/**
 * Everything about one media file in one read: {@link org.hotlinekit.hashing.media.MediaHasher}
 * returns its digests and, for images, its PDQ hash (and optionally the dihedral hashes) as {@link
 * org.hotlinekit.hashing.media.MediaHashes}.
 */
package org.hotlinekit.hashing.media;
