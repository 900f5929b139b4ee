/**
 * Running one piece of work over many inputs: {@link org.hotlinekit.hashing.batch.BatchRunner}
 * hashes, matches or triages a list of files on several threads with bounded memory, hands the
 * results back in input order, reports progress and can be cancelled.
 */
package org.hotlinekit.hashing.batch;
