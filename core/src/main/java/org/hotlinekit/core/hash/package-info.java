/**
 * One vocabulary for every kind of hash hotlinekit handles: {@link
 * org.hotlinekit.core.hash.HashType} (MD5, SHA-1, SHA-256, PDQ, PhotoDNA; how each is compared)
 * and {@link org.hotlinekit.core.hash.HashValue}, of which {@link
 * org.hotlinekit.core.digest.Digest} and {@link org.hotlinekit.core.pdq.PdqHash} are typed views.
 * Hash lists, matches, label provenance and report fingerprints all speak it.
 */
package org.hotlinekit.core.hash;
