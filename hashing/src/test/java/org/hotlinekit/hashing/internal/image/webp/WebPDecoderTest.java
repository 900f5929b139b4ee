package org.hotlinekit.hashing.internal.image.webp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.pdq.Pixels;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The lossy WebP decoder. Bit-exactness with libwebp is proven by the PDQ reference vectors (the
 * WebP images hash exactly as the C++ reference, which decodes with libwebp); here an independent
 * decoder (the TwelveMonkeys ImageIO plugin, which differs only in chroma upsampling) is the
 * oracle for "the picture is right", and malformed input is refused cleanly.
 */
class WebPDecoderTest {
  static Stream<Path> lossyFiles() {
    return Stream.of(
        TestData.resolve("pdq/images/misc-images/modes/F.webp"),
        TestData.resolve("pdq/images/misc-images/modes/PA.webp"),
        Path.of("src/test/resources/org/hotlinekit/hashing/pdq/ImageDecodingFuzzTestInputs/"
            + "hashImage/tiny-lossy.webp"));
  }

  @ParameterizedTest
  @MethodSource("lossyFiles")
  void agreesWithAnIndependentDecoderUpToChromaUpsampling(Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    Pixels ours = WebPDecoder.decodeLossy(data, Long.MAX_VALUE).orElseThrow();
    BufferedImage theirs = ImageIO.read(new ByteArrayInputStream(data));
    assertThat(ours.width()).isEqualTo(theirs.getWidth());
    assertThat(ours.height()).isEqualTo(theirs.getHeight());
    byte[] rgb = WebPDecoder.decodeLossyRgb(data);
    long sumDiff = 0;
    int[] px = new int[4];
    for (int y = 0; y < theirs.getHeight(); y++) {
      for (int x = 0; x < theirs.getWidth(); x++) {
        theirs.getRaster().getPixel(x, y, px);
        for (int c = 0; c < 3; c++) {
          int d = Math.abs((rgb[(y * theirs.getWidth() + x) * 3 + c] & 0xff) - px[c]);
          // Different chroma interpolation moves sharp colour edges, never the whole picture.
          assertThat(d).as("(%d,%d) channel %d", x, y, c).isLessThanOrEqualTo(96);
          sumDiff += d;
        }
      }
    }
    double meanDiff = (double) sumDiff / (3L * theirs.getWidth() * theirs.getHeight());
    assertThat(meanDiff).isLessThan(6.0);
  }

  @Test
  void losslessIsLeftToImageIo() throws IOException {
    byte[] lossless = Files.readAllBytes(Path.of(
        "src/test/resources/org/hotlinekit/hashing/pdq/ImageDecodingFuzzTestInputs/hashImage/"
            + "tiny-lossless.webp"));
    assertThat(WebPDecoder.decodeLossy(lossless, Long.MAX_VALUE)).isEmpty();
    assertThat(PdqHasher.create().hashImage(lossless).quality()).isBetween(0, 100);
  }

  @Test
  void truncatedAndCorruptStreamsAreMalformed() throws IOException {
    byte[] data = Files.readAllBytes(lossyFiles().findFirst().orElseThrow());
    for (int cut : new int[] {11, 20, 40, data.length / 2}) {
      byte[] truncated = Arrays.copyOf(data, cut);
      assertThatThrownBy(() -> WebPDecoder.decodeLossy(truncated, Long.MAX_VALUE))
          .as("cut at %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void pixelCapIsCheckedFromTheFrameHeader() throws IOException {
    byte[] data = Files.readAllBytes(lossyFiles().findFirst().orElseThrow());
    assertThatThrownBy(() -> WebPDecoder.decodeLossy(data, 1000))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("1600x1004");
  }
}
