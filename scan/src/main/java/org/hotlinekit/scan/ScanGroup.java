package org.hotlinekit.scan;

import java.util.List;
import java.util.Objects;

/**
 * A group of new items that are near-duplicates of each other (resized, re-encoded, cropped,
 * rotated or mirrored copies of one picture), for an analyst to review once.
 *
 * @param id the group's id, {@code g-1} first in review order
 * @param representative the name of the item to look at: the highest PDQ quality, then the most
 *     pixels, then the first in scan order
 * @param quality the representative's PDQ quality
 * @param members every item of the group, the representative first, then by distance and scan
 *     order; exact copies (same content) included
 */
public record ScanGroup(String id, String representative, int quality, List<Member> members) {
  /**
   * Checks and copies.
   *
   * @param id the id
   * @param representative the representative
   * @param quality its quality
   * @param members the members
   */
  public ScanGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(representative, "representative");
    members = List.copyOf(members);
  }

  /**
   * A member of a group.
   *
   * @param name the item's name
   * @param distance the Hamming distance of its PDQ hash to the representative's (the closest of
   *     the representative's rotations and mirror images when those were grouped); members are
   *     linked through chains of near copies, so a distance can exceed the grouping threshold
   */
  public record Member(String name, int distance) {
    /**
     * Checks.
     *
     * @param name the name
     * @param distance the distance
     */
    public Member {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * How many files the group holds.
   *
   * @return the member count
   */
  public int size() {
    return members.size();
  }
}
