/**
 * PDQ perceptual hashing, bit-exact with Meta's C++ reference {@code pdq-photo-hasher}: {@link
 * org.hotlinekit.hashing.pdq.PdqHasher} hashes raw {@link org.hotlinekit.hashing.pdq.Pixels} or an
 * image file (JPEG, PNG, GIF, BMP, WebP), with the quality score and the eight dihedral hashes.
 */
package org.hotlinekit.hashing.pdq;
