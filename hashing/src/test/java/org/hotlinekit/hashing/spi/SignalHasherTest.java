package org.hotlinekit.hashing.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.hotlinekit.hashing.pdq.Pixels;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.Test;

/** A plug-in signal registered on the builder: computed from the pixels, matched by its type. */
class SignalHasherTest {
  /** A toy signal: the top-left pixel's colour, compared by Hamming distance up to 2 bits. */
  static final class Corner implements SignalHasher {
    static final HashType TYPE = HashType.plugin("corner", 3, HashType.Comparison.HAMMING, 2);

    @Override
    public HashType type() {
      return TYPE;
    }

    @Override
    public HashValue hash(Pixels p) {
      int rgb = p.rgb(0, 0);
      return HashValue.of(TYPE, new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb});
    }
  }

  @Test
  void aRegisteredSignalIsComputedAndMatchedWithinItsDistance() {
    byte[] png = TestImages.encode(TestImages.colour(64, 64, 3), "png");
    MediaHashes h = MediaHasher.builder().pdq(true).signals(List.of(new Corner())).build()
        .hash(png);
    HashValue corner = h.signals().get(0);
    assertThat(corner.type()).isEqualTo(Corner.TYPE);
    assertThat(h.values()).endsWith(corner);

    byte[] near = corner.toByteArray();
    near[2] ^= 0x03; // two bits apart: within the type's distance
    byte[] far = corner.toByteArray();
    far[0] ^= 0x07; // three bits apart
    HashList list = new HashList("l", "t", List.of(
        HashListEntry.builder("near", HashValue.of(Corner.TYPE, near)).build(),
        HashListEntry.builder("far", HashValue.of(Corner.TYPE, far)).build()));
    Matcher.Result r = Matcher.builder().list(list).build().match(h);
    assertThat(r.matches()).extracting(m -> m.entry().id() + "@" + m.distance())
        .containsExactly("near@2");
  }

  @Test
  void pluginTypesAreNamedAndCheckedLikeTheirValues() {
    assertThat(HashType.plugin("corner", 3, HashType.Comparison.HAMMING, 2))
        .isEqualTo(Corner.TYPE).isNotEqualTo(HashType.carried("corner"));
    assertThatThrownBy(() -> HashType.plugin("pdq", 32, HashType.Comparison.HAMMING, 31))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashType.plugin("x", 2, HashType.Comparison.HAMMING, 17))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashValue.of(Corner.TYPE, new byte[4]))
        .hasMessageContaining("corner hash must be 3 bytes");
  }

  /** The default index against the model: every value within the distance, and no other. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
  void theScanIndexFindsExactlyTheValuesWithinTheDistance(long seed) {
    java.util.Random r = new java.util.Random(seed);
    HashType type = HashType.plugin("t" + seed, 4, HashType.Comparison.HAMMING, 6);
    List<HashValue> values = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] b = new byte[4];
      r.nextBytes(b);
      values.add(HashValue.of(type, b));
    }
    SignalIndex index = SignalIndex.scan(values);
    for (int q = 0; q < 20; q++) {
      HashValue query = values.get(r.nextInt(values.size()));
      int max = r.nextInt(12);
      java.util.Set<String> expected = new java.util.HashSet<>();
      for (int i = 0; i < values.size(); i++) {
        int d = Long.bitCount(Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(
            values.get(i).toByteArray()).getInt() ^ java.nio.ByteBuffer.wrap(
            query.toByteArray()).getInt()));
        if (d <= max) {
          expected.add(i + "@" + d);
        }
      }
      assertThat(index.search(query, max)).extracting(h -> h.position() + "@" + h.distance())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
