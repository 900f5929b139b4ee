package org.hotlinekit.hashing.list;

import java.util.Objects;

/**
 * One change of a hash list, as a delta feed gives it: an entry added, or entries withdrawn.
 * Changes are applied in order ({@code IndexedList.apply}): a withdrawal removes every entry that
 * is in the list at that point and that it names; an addition appends an entry.
 */
public sealed interface ListChange permits ListChange.Added, ListChange.Withdrawn {
  /**
   * An entry added to the list.
   *
   * @param entry the entry
   */
  record Added(HashListEntry entry) implements ListChange {
    /**
     * Validates.
     *
     * @param entry the entry
     */
    public Added {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /**
   * Entries withdrawn from the list: every entry with the withdrawal's id and, when the
   * withdrawal names a hash, that hash.
   *
   * @param withdrawal the withdrawal
   */
  record Withdrawn(Withdrawal withdrawal) implements ListChange {
    /**
     * Validates.
     *
     * @param withdrawal the withdrawal
     */
    public Withdrawn {
      Objects.requireNonNull(withdrawal, "withdrawal");
    }

    /**
     * Whether the withdrawal names an entry.
     *
     * @param entry the entry
     * @return true if the entry has the withdrawal's id and, when it names one, its hash
     */
    public boolean removes(HashListEntry entry) {
      return entry.id().equals(withdrawal.id())
          && withdrawal.hash().map(h -> h.equals(entry.hash())).orElse(true);
    }
  }

  /**
   * An addition.
   *
   * @param entry the entry
   * @return the change
   */
  static ListChange add(HashListEntry entry) {
    return new Added(entry);
  }

  /**
   * A withdrawal by id (every entry with this id).
   *
   * @param id the id
   * @return the change
   */
  static ListChange withdraw(String id) {
    return new Withdrawn(new Withdrawal(id, java.util.Optional.empty(), 0));
  }

  /**
   * A withdrawal read from a feed.
   *
   * @param withdrawal the withdrawal
   * @return the change
   */
  static ListChange withdraw(Withdrawal withdrawal) {
    return new Withdrawn(withdrawal);
  }
}
