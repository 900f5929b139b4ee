package org.hotlinekit.hashing.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * A near-match index over the values of one plug-in signal type, built once per list by the
 * type's {@link SignalHasher#index(List)}. The default is {@link #scan(List)}, which compares a
 * query with every value: right for lists of thousands; a plug-in whose lists hold millions
 * supplies its own index (as hotlinekit's PDQ index does for PDQ).
 */
public interface SignalIndex {
  /**
   * A value within the distance.
   *
   * @param position the value's position in the list the index was built from
   * @param distance its distance to the query (0 for an exact match)
   */
  record Hit(int position, int distance) {}

  /**
   * Every value within a distance of the query.
   *
   * @param query a value of the index's type
   * @param maxDistance the largest distance that matches (0 for exact types)
   * @return the hits, in any order
   */
  List<Hit> search(HashValue query, int maxDistance);

  /**
   * The index that compares a query with every value: equal bytes for exact types, the number
   * of differing bits for Hamming types.
   *
   * @param values the values, all of one type
   * @return the index
   */
  static SignalIndex scan(List<HashValue> values) {
    List<byte[]> all = new ArrayList<>(values.size());
    for (HashValue v : values) {
      all.add(v.toByteArray());
    }
    return (query, maxDistance) -> {
      Objects.requireNonNull(query, "query");
      boolean exact = query.type().comparison() == HashType.Comparison.EXACT;
      byte[] q = query.toByteArray();
      List<Hit> hits = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        byte[] b = all.get(i);
        if (b.length != q.length) {
          continue;
        }
        int distance = 0;
        for (int k = 0; k < q.length && distance <= maxDistance; k++) {
          distance += Integer.bitCount((q[k] ^ b[k]) & 0xff);
        }
        if (exact ? distance == 0 : distance <= maxDistance) {
          hits.add(new Hit(i, distance));
        }
      }
      return hits;
    };
  }
}
