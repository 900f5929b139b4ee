package org.hotlinekit.hashing.list;

import java.util.List;
import java.util.Objects;

/**
 * A named hash list held in memory: its name (used in match reports), where it came from, and its
 * entries in list order. Immutable.
 *
 * @param name the list's name, e.g. {@code "iwf-2026-11"}
 * @param source where the list came from, e.g. a file or an organisation
 * @param entries the entries
 */
public record HashList(String name, String source, List<HashListEntry> entries) {
  /**
   * Validates and copies.
   *
   * @param name the name (non-empty)
   * @param source the source
   * @param entries the entries
   */
  public HashList {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a list needs a name");
    }
    entries = List.copyOf(entries);
  }
}
