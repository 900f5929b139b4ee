/**
 * PDQ perceptual hashes as immutable values: the 256-bit {@link org.hotlinekit.core.pdq.PdqHash}
 * with Hamming distance, the hash with its quality, and the eight {@link
 * org.hotlinekit.core.pdq.Dihedral} variants of an image.
 */
package org.hotlinekit.core.pdq;
