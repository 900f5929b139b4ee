package org.hotlinekit.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.testing.SharedTestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every image of the shared PDQ vectors against the output of Meta's C++ reference tool, bit for
 * bit. Exceptions, as the vectors' README says: the 16-bit PNG (whose reference output is garbage)
 * must be refused, and for quality below 50 only the quality range is asserted.
 *
 * <p>Known gaps, listed here by name so that every other image must match exactly: the reference
 * decodes through ImageMagick with libjpeg-turbo 2.1, and where the JDK's JPEG decoder produces
 * different pixels the hash can differ in a few bits. {@code wee.jpg}: a progressive JPEG whose
 * pixels differ (2,290 samples, up to 15) because libjpeg-turbo 2.1 smooths progressive blocks
 * differently from the JDK's libjpeg 6b; its plain hash still matches, two dihedral hashes do not.
 * For these the hash must stay within {@link #KNOWN_GAP_MAX_DISTANCE} bits of the reference.
 * (Lossy WebP is exact: hotlinekit decodes it itself, as libwebp does.)
 */
class PdqReferenceVectorsTest {
  private static final PdqHasher HASHER = PdqHasher.create();

  /** Images whose decoded pixels are known to differ from the reference's decoder. */
  static final Set<String> KNOWN_DECODER_GAPS = Set.of("misc-images/wee.jpg");

  static final int KNOWN_GAP_MAX_DISTANCE = 8;

  private static void assertHash(String image, String what, PdqHash actual, String expected) {
    if (KNOWN_DECODER_GAPS.contains(image)) {
      assertThat(actual.hammingDistance(PdqHash.parse(expected)))
          .as("%s %s (known decoder gap)", image, what)
          .isLessThanOrEqualTo(KNOWN_GAP_MAX_DISTANCE);
    } else {
      assertThat(actual.toString()).as("%s %s", image, what).isEqualTo(expected);
    }
  }

  static Stream<Arguments> photoHasher() {
    return SharedTestData.dataLines("pdq/expected/pdq-cpp.csv").stream()
        .map(line -> line.split(",", 3))
        .map(f -> Arguments.of(f[2], f[0], Integer.parseInt(f[1])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("photoHasher")
  void hashEqualsReference(String image, String expectedHash, int expectedQuality) {
    Path file = SharedTestData.resolve("pdq/images/" + image);
    if (image.endsWith("I16.png")) {
      assertThatThrownBy(() -> HASHER.hashImage(file))
          .isInstanceOf(UnsupportedInputException.class)
          .hasMessageContaining("16 bits per sample");
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
    return SharedTestData.dataLines("pdq/expected/pdq-cpp-dihedral.csv").stream()
        .map(line -> line.split(",", 10))
        .map(f -> Arguments.of(f[9], f, Integer.parseInt(f[8])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dihedral")
  void dihedralHashesEqualReference(String image, String[] fields, int expectedQuality) {
    Path file = SharedTestData.resolve("pdq/images/" + image);
    if (image.endsWith("I16.png")) {
      assertThatThrownBy(() -> HASHER.hashImageDihedral(file))
          .isInstanceOf(UnsupportedInputException.class);
      return;
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
    return SharedTestData.dataLines("pdq/expected/normalized-cpp.csv").stream()
        .map(line -> line.split(",", 3))
        .map(f -> Arguments.of(f[2], f[0], Integer.parseInt(f[1])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalized")
  void normalizedPixelsHashEqualReference(String image, String expectedHash, int quality) {
    PdqHashWithQuality actual =
        HASHER.hashImage(SharedTestData.resolve("pdq/normalized/" + image));
    assertThat(actual.hash()).isEqualTo(PdqHash.parse(expectedHash));
    assertThat(actual.quality()).isEqualTo(quality);
  }
}
