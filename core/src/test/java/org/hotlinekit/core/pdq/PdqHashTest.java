package org.hotlinekit.core.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdqHashTest {
  private static final String BRIDGE =
      "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";
  private static final String BRIDGE_WITH_X =
      "x8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

  @Test
  void bitLayoutIsTheReferences() {
    // Bit k is worth 2^k when the hex is read as one big-endian number.
    boolean[] bits = new boolean[256];
    bits[0] = true;
    assertThat(PdqHash.fromBits(bits).toString()).endsWith("0001").startsWith("0000");
    bits[0] = false;
    bits[255] = true;
    assertThat(PdqHash.fromBits(bits).toString()).startsWith("8000");
    PdqHash h = PdqHash.parse(BRIDGE);
    BigInteger asNumber = new BigInteger(BRIDGE, 16);
    for (int k = 0; k < 256; k++) {
      assertThat(h.bit(k)).as("bit %d", k).isEqualTo(asNumber.testBit(k));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void roundTripsAndHammingMatchesNaiveCount(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 500; i++) {
      byte[] a = new byte[32];
      byte[] b = new byte[32];
      r.nextBytes(a);
      r.nextBytes(b);
      PdqHash ha = PdqHash.fromByteArray(a);
      PdqHash hb = PdqHash.fromByteArray(b);
      assertThat(PdqHash.parse(ha.toString())).isEqualTo(ha);
      assertThat(PdqHash.fromWords(ha.toWords())).isEqualTo(ha);
      assertThat(ha.toByteArray()).isEqualTo(a);
      int naive = 0;
      for (int k = 0; k < 256; k++) {
        if (ha.bit(k) != hb.bit(k)) {
          naive++;
        }
      }
      assertThat(ha.hammingDistance(hb)).isEqualTo(naive).isEqualTo(hb.hammingDistance(ha));
      assertThat(ha.hammingDistance(ha)).isZero();
      assertThat(ha.bitCount()).isEqualTo(ha.hammingDistance(PdqHash.zero()));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "d8f8", BRIDGE + "0", " " + BRIDGE, BRIDGE_WITH_X})
  void rejectsMalformedHex(String text) {
    assertThatThrownBy(() -> PdqHash.parse(text))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("PDQ hash");
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> PdqHash.fromByteArray(new byte[31]))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> PdqHash.fromWords(new long[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PdqHash.fromBits(new boolean[255]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PdqHash.zero().bit(256))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void qualityIsValidated() {
    PdqHash h = PdqHash.parse(BRIDGE);
    assertThat(new PdqHashWithQuality(h, 50).isRecommendedForMatching()).isTrue();
    assertThat(new PdqHashWithQuality(h, 49).isRecommendedForMatching()).isFalse();
    assertThat(new PdqHashWithQuality(h, 100).toString()).isEqualTo(BRIDGE + ",100");
    assertThatThrownBy(() -> new PdqHashWithQuality(h, 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PdqHashWithQuality(h, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dihedralSetNeedsAllEight() {
    Map<Dihedral, PdqHash> m = new EnumMap<>(Dihedral.class);
    for (Dihedral d : Dihedral.values()) {
      m.put(d, PdqHash.zero());
    }
    DihedralPdqHashes all = DihedralPdqHashes.of(m, 77);
    assertThat(all.original()).isEqualTo(new PdqHashWithQuality(PdqHash.zero(), 77));
    m.remove(Dihedral.FLIPMINUS1);
    assertThatThrownBy(() -> DihedralPdqHashes.of(m, 77))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flipminus1");
    assertThat(Dihedral.fromReferenceName("rot90")).contains(Dihedral.ROT90);
    assertThat(Dihedral.fromReferenceName("ROT90")).isEmpty();
  }
}
