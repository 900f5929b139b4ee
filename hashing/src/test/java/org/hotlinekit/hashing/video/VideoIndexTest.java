package org.hotlinekit.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index against its oracle, comparing the query with every listed video: the same videos
 * with the same shares, for both references' rules on upstream's sample hashes and for seeded
 * random rules and videos.
 */
class VideoIndexTest {
  static List<VpdqHash> samples = new ArrayList<>();

  @BeforeAll
  static void read() throws Exception {
    try (var files = Files.list(TestData.resolve("vpdq/expected/upstream-sample-hashes"))) {
      for (Path f : files.sorted().toList()) {
        samples.add(VpdqHash.parseReferenceText(Files.readString(f), f.toString()));
      }
    }
  }

  static List<VideoIndex.Match> bruteForce(List<VpdqHash> videos, VpdqHash q, VpdqMatcher m) {
    List<VideoIndex.Match> out = new ArrayList<>();
    for (int i = 0; i < videos.size(); i++) {
      VpdqMatcher.Result r = m.compare(q, videos.get(i));
      if (r.matches()) {
        out.add(new VideoIndex.Match(i, r));
      }
    }
    out.sort(java.util.Comparator
        .comparingDouble((VideoIndex.Match x) -> -x.result().queryMatchPercent())
        .thenComparingDouble(x -> -x.result().targetMatchPercent())
        .thenComparingInt(VideoIndex.Match::video));
    return out;
  }

  @Test
  void theSampleVideosFindWhatComparingAllFinds() {
    VideoIndex index = VideoIndex.of(samples);
    for (VpdqMatcher m : List.of(VpdqMatcher.create(), VpdqMatcher.builder().strictlyBelow(31)
        .deduplicate(false).build(), VpdqMatcher.builder().queryMatchPercent(50)
        .targetMatchPercent(50).build())) {
      int found = 0;
      for (VpdqHash q : samples) {
        List<VideoIndex.Match> got = index.search(q, m);
        assertThat(got).isEqualTo(bruteForce(samples, q, m));
        found += got.size();
      }
      assertThat(found).as("every video finds at least itself").isGreaterThanOrEqualTo(16);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void randomVideosAndRulesAgreeWithComparingAll(long seed) {
    Random r = new Random(seed);
    // Videos built from a few base frames with noise, so that some share close frames.
    List<PdqHash> base = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      base.add(random(r));
    }
    List<VpdqHash> videos = new ArrayList<>();
    for (int v = 0; v < 40; v++) {
      List<VpdqFeature> fs = new ArrayList<>();
      int n = 1 + r.nextInt(30);
      for (int f = 0; f < n; f++) {
        PdqHash h = r.nextInt(4) == 0 ? random(r) : flip(base.get(r.nextInt(base.size())),
            r.nextInt(40), r);
        fs.add(new VpdqFeature(f, h, r.nextInt(101), f / 30.0));
      }
      videos.add(VpdqHash.of(fs));
    }
    VideoIndex index = VideoIndex.of(videos);
    for (int t = 0; t < 30; t++) {
      VpdqMatcher m = VpdqMatcher.builder().atMost(r.nextInt(45)).minQuality(r.nextInt(80))
          .deduplicate(r.nextBoolean()).queryMatchPercent(1 + r.nextInt(100))
          .targetMatchPercent(r.nextInt(60)).build();
      VpdqHash q = videos.get(r.nextInt(videos.size()));
      assertThat(index.search(q, m)).isEqualTo(bruteForce(videos, q, m));
    }
  }

  @Test
  void zeroThresholdsAreRefused() {
    VideoIndex index = VideoIndex.of(samples);
    VpdqMatcher all = VpdqMatcher.builder().queryMatchPercent(0).targetMatchPercent(0).build();
    assertThatThrownBy(() -> index.search(samples.get(0), all))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every video");
  }

  static PdqHash random(Random r) {
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  static PdqHash flip(PdqHash h, int bits, Random r) {
    long[] w = h.toWords();
    for (int i = 0; i < bits; i++) {
      int b = r.nextInt(256);
      w[b >>> 6] ^= 1L << (b & 63);
    }
    return PdqHash.fromWords(w);
  }
}
