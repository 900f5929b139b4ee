/**
 * Cryptographic digests of streams, files and byte arrays: {@link
 * org.hotlinekit.hashing.digest.Digester} computes any subset of MD5, SHA-1 and SHA-256 in one pass
 * with the JDK's (CPU-accelerated) implementations, for inputs of any size.
 */
package org.hotlinekit.hashing.digest;
