/**
 * Indexes for matching hashes against hash lists: {@link org.hotlinekit.hashing.index.PdqIndex}
 * finds every PDQ hash within a Hamming distance of a query, exactly (multi-index hashing, with
 * brute force as the oracle and the fallback). Entries are identified by their position.
 */
package org.hotlinekit.hashing.index;
