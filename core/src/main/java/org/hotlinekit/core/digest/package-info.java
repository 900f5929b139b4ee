/**
 * Cryptographic digests as immutable values: {@link org.hotlinekit.core.digest.Digest} (MD5,
 * SHA-1, SHA-256), its {@link org.hotlinekit.core.digest.DigestAlgorithm}, and {@link
 * org.hotlinekit.core.digest.DigestSet} for the digests of one input.
 */
package org.hotlinekit.core.digest;
