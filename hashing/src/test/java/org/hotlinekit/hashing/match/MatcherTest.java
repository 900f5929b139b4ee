package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.core.hash.HashValue;
import org.junit.jupiter.api.Test;

/** Matching bare hashes, and list updates: a replaced list answers with its new entries only. */
class MatcherTest {
  @Test
  void updatingOneListLeavesTheOthersAndTheOldMatcherAlone() {
    Random r = new Random(3);
    Digest md5 = Digest.of(DigestAlgorithm.MD5, bytes(r, 16));
    PdqHash pdq = PdqHash.fromByteArray(bytes(r, 32));
    HashList daily = list("daily", entry("m", HashValue.of(md5)), entry("p", HashValue.of(pdq)));
    HashList own = list("own", entry("p2", HashValue.of(pdq)));
    Matcher before = Matcher.builder().list(daily).list(own).build();
    assertThat(before.match(HashValue.of(md5)).matches()).extracting(Match::list)
        .containsExactly("daily");
    assertThat(before.match(HashValue.of(pdq)).matches()).extracting(Match::list)
        .containsExactly("daily", "own");

    // The next daily list withdraws the MD5.
    Matcher after = before.withList(list("daily", entry("p", HashValue.of(pdq))));
    assertThat(after.match(HashValue.of(md5)).known()).isFalse();
    assertThat(after.match(HashValue.of(pdq)).matches()).extracting(Match::list)
        .containsExactly("daily", "own");
    assertThat(after.listNames()).containsExactly("daily", "own");
    // The old matcher still answers as before.
    assertThat(before.match(HashValue.of(md5)).known()).isTrue();

    Matcher withoutOwn = after.withoutList("own");
    assertThat(withoutOwn.match(HashValue.of(pdq)).matches()).extracting(Match::list)
        .containsExactly("daily");
    assertThat(after.withList(list("new", entry("x", HashValue.of(md5)))).listNames())
        .containsExactly("daily", "own", "new");
  }

  @Test
  void pdqNeighboursMatchWithTheirDistance() {
    Random r = new Random(4);
    PdqHash pdq = PdqHash.fromByteArray(bytes(r, 32));
    long[] w = pdq.toWords();
    w[0] ^= 0b1011; // 3 bits away
    PdqHash near = PdqHash.fromWords(w);
    Matcher m = Matcher.builder().list(list("l", entry("p", HashValue.of(pdq)))).build();
    assertThat(m.match(HashValue.of(near)).matches()).singleElement()
        .satisfies(x -> assertThat(x.distance()).isEqualTo(3));
    assertThat(Matcher.builder().list(list("l", entry("p", HashValue.of(pdq)))).maxDistance(2)
        .build().match(HashValue.of(near)).known()).isFalse();
  }

  @Test
  void listNamesAreUnique() {
    HashList a = list("a");
    assertThatThrownBy(() -> Matcher.builder().list(a).list(list("a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static HashList list(String name, HashListEntry... entries) {
    return new HashList(name, "test", new ArrayList<>(List.of(entries)));
  }

  private static HashListEntry entry(String id, HashValue v) {
    return HashListEntry.builder(id, v).build();
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /** A matcher with an empty list calls every file new: refused unless asked for. */
  @Test
  void emptyListsAreRefusedUnlessAllowed() {
    HashList empty = new HashList("empty", "empty.txt", List.of());
    assertThatThrownBy(() -> Matcher.builder().list(empty).build())
        .isInstanceOf(org.hotlinekit.core.MalformedInputException.class)
        .hasMessageContaining("'empty' (empty.txt) has no entries");
    assertThatThrownBy(() -> Matcher.builder().build())
        .isInstanceOf(IllegalStateException.class);
    Matcher allowed = Matcher.builder().list(empty).allowEmptyLists().build();
    assertThat(allowed.match(HashValue.of(PdqHash.zero())).known()).isFalse();
  }
}
