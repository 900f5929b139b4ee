package org.hotlinekit.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The all-pairs match shares of upstream's 16 sample hashes against the matrix in testdata (made
 * from the same hashes with both references' rules), for both rule sets.
 */
class VpdqMatcherTest {
  static final VpdqMatcher PYTX = VpdqMatcher.create();
  static final VpdqMatcher CPP = VpdqMatcher.builder().strictlyBelow(31).deduplicate(false)
      .build();

  @Test
  void everyPairAgreesWithTheMatrixForBothReferences() throws Exception {
    Map<String, VpdqHash> hashes = new HashMap<>();
    try (var files = Files.list(TestData.resolve("vpdq/expected/upstream-sample-hashes"))) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString().replace(".txt", "");
        hashes.put(name, VpdqHash.parseReferenceText(Files.readString(f), f.toString()));
      }
    }
    List<String> rows = TestData.dataLines("vpdq/expected/match-matrix-upstream-hashes.tsv");
    int checked = 0;
    for (String row : rows) {
      if (row.startsWith("query\t")) {
        continue;
      }
      String[] c = row.split("\t");
      VpdqHash q = hashes.get(c[0]);
      VpdqHash t = hashes.get(c[1]);
      assertThat(q).as(c[0]).isNotNull();
      assertThat(t).as(c[1]).isNotNull();
      VpdqMatcher.Result cpp = CPP.compare(q, t);
      VpdqMatcher.Result pytx = PYTX.compare(q, t);
      assertThat(two(cpp.queryMatchPercent())).as("cpp query %s", row).isEqualTo(c[2]);
      assertThat(two(cpp.targetMatchPercent())).as("cpp target %s", row).isEqualTo(c[3]);
      assertThat(two(pytx.queryMatchPercent())).as("pytx query %s", row).isEqualTo(c[4]);
      assertThat(two(pytx.targetMatchPercent())).as("pytx target %s", row).isEqualTo(c[5]);
      checked++;
    }
    // Every ordered pair of the 16 hashed videos (the 15 sample videos and the padded one).
    assertThat(hashes).hasSize(16);
    assertThat(checked).isEqualTo(16 * 16);
  }

  private static String two(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  @Test
  void aVideoWithoutUsableFramesIsNotComparable() {
    VpdqHash dark = VpdqHash.of(List.of(new VpdqFeature(0, PdqHash.zero(), 0, 0)));
    VpdqHash any = VpdqHash.of(List.of(new VpdqFeature(0, PdqHash.zero(), 100, 0)));
    VpdqMatcher.Result r = PYTX.compare(dark, any);
    assertThat(r.comparable()).isFalse();
    assertThat(r.matches()).isFalse();
    assertThat(PYTX.compare(any, any).matches()).isTrue();
  }

  @Test
  void theDistanceRuleIsInclusiveOrStrict() {
    PdqHash a = PdqHash.zero();
    long[] w = new long[4];
    w[0] = (1L << 31) - 1; // 31 bits set
    PdqHash b = PdqHash.fromWords(w);
    VpdqHash qa = VpdqHash.of(List.of(new VpdqFeature(0, a, 100, 0)));
    VpdqHash qb = VpdqHash.of(List.of(new VpdqFeature(0, b, 100, 0)));
    assertThat(a.hammingDistance(b)).isEqualTo(31);
    assertThat(PYTX.compare(qa, qb).queryMatchPercent()).isEqualTo(100);
    assertThat(CPP.compare(qa, qb).queryMatchPercent()).isZero();
  }
}
