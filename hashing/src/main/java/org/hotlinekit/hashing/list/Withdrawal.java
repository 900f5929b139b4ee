package org.hotlinekit.hashing.list;

import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.core.hash.HashValue;

/**
 * A record the list's publisher withdrew (a StopNCII {@code Withdrawn} or {@code Deleted} hash, an
 * NCMEC {@code deletedImage} or {@code deletedVideo}): whoever holds a copy of the list must
 * delete the entries it names. Read from a delta feed, it is never an entry of the list.
 *
 * @param id the id of the withdrawn entries (every entry with this id goes: an NCMEC record
 *     becomes one entry per fingerprint, all with the record's id)
 * @param hash the withdrawn hash, when the feed gives it (StopNCII does; NCMEC names the record
 *     only)
 * @param line the 1-based line where the record starts
 */
public record Withdrawal(String id, Optional<HashValue> hash, long line) {
  /**
   * Validates.
   *
   * @param id the id
   * @param hash the hash, if given
   * @param line the line
   */
  public Withdrawal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hash, "hash");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("a withdrawal names an entry id");
    }
  }
}
