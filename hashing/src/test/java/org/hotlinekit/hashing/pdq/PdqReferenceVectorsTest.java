package org.hotlinekit.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every image of the shared PDQ vectors against the output of Meta's C++ reference tool, bit for
 * bit. Exceptions, as the vectors' README says: the 16-bit PNG (whose reference output is garbage)
 * is hashed as its 8-bit reduction instead, and for quality below 50 only the quality range is
 * asserted.
 *
 * <p>Decoder details that these vectors pin down: JPEGs with an embedded ICC profile are hashed
 * without colour management ({@code wee.jpg}), lossy WebP is decoded as libwebp does ({@code
 * modes/*.webp}), CMYK uses ImageMagick's conversion ({@code CMYK.jpg}), gray PNGs are read as
 * samples, not through a gamma curve ({@code L.png}, {@code LA.png}).
 */
class PdqReferenceVectorsTest {
  private static final PdqHasher HASHER = PdqHasher.create();

  private static void assertHash(String image, String what, PdqHash actual, String expected) {
    assertThat(actual.toString()).as("%s %s", image, what).isEqualTo(expected);
  }

  static Stream<Arguments> photoHasher() {
    return TestData.dataLines("pdq/expected/pdq-cpp.csv").stream()
        .map(line -> line.split(",", 3))
        .map(f -> Arguments.of(f[2], f[0], Integer.parseInt(f[1])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("photoHasher")
  void hashEqualsReference(String image, String expectedHash, int expectedQuality) {
    Path file = TestData.resolve("pdq/images/" + image);
    if (image.endsWith("I16.png")) {
      // The reference's output for 16-bit samples is garbage; DeepSamplesAndTiffTest checks that
      // hotlinekit hashes it as its 8-bit reduction instead.
      assertThat(HASHER.hashImage(file).hash().toString()).isNotEqualTo(expectedHash);
      return;
    }
    PdqHashWithQuality actual = HASHER.hashImage(file);
    if (expectedQuality < 50) {
      assertThat(actual.quality()).isLessThan(50);
      return;
    }
    assertHash(image, "hash", actual.hash(), expectedHash);
    assertThat(actual.quality()).isEqualTo(expectedQuality);
  }

  static Stream<Arguments> dihedral() {
    return TestData.dataLines("pdq/expected/pdq-cpp-dihedral.csv").stream()
        .map(line -> line.split(",", 10))
        .map(f -> Arguments.of(f[9], f, Integer.parseInt(f[8])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dihedral")
  void dihedralHashesEqualReference(String image, String[] fields, int expectedQuality) {
    Path file = TestData.resolve("pdq/images/" + image);
    if (image.endsWith("I16.png")) {
      return; // see hashEqualsReference
    }
    DihedralPdqHashes actual = HASHER.hashImageDihedral(file);
    if (expectedQuality < 50) {
      assertThat(actual.quality()).isLessThan(50);
      return;
    }
    assertThat(actual.quality()).isEqualTo(expectedQuality);
    // Column order of the file: orig,rot90,rot180,rot270,flipx,flipy,flipplus1,flipminus1.
    for (Dihedral d : Dihedral.values()) {
      assertHash(image, d.referenceName(), actual.get(d), fields[d.ordinal()]);
    }
  }

  static Stream<Arguments> normalized() {
    return TestData.dataLines("pdq/expected/normalized-cpp.csv").stream()
        .map(line -> line.split(",", 3))
        .map(f -> Arguments.of(f[2], f[0], Integer.parseInt(f[1])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalized")
  void normalizedPixelsHashEqualReference(String image, String expectedHash, int quality) {
    PdqHashWithQuality actual =
        HASHER.hashImage(TestData.resolve("pdq/normalized/" + image));
    assertThat(actual.hash()).isEqualTo(PdqHash.parse(expectedHash));
    assertThat(actual.quality()).isEqualTo(quality);
  }
}
