package org.hotlinekit.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.testing.TestData;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image files: every supported format, and every kind of bad input gives a specific exception. */
class ImageDecodingTest {
  private static final PdqHasher HASHER = PdqHasher.create();

  /** Lossless formats written by ImageIO hash exactly as the pixels they hold. */
  @ParameterizedTest
  @ValueSource(strings = {"png", "bmp"})
  void losslessFormatsHashAsTheirPixels(String format) {
    BufferedImage img = TestImages.colour(333, 222, 17);
    PdqHashWithQuality fromPixels =
        HASHER.hash(Pixels.of(TestImages.rgbBytes(img), 333, 222, PixelLayout.RGB));
    assertThat(HASHER.hashImage(TestImages.encode(img, format))).isEqualTo(fromPixels);
  }

  @Test
  void gifHashesAsItsPaletteColours() {
    BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_INDEXED);
    Random r = new Random(3);
    for (int y = 0; y < 90; y++) {
      for (int x = 0; x < 120; x++) {
        img.getRaster().setSample(x, y, 0, ((x / 10) * 7 + (y / 10) * 31 + r.nextInt(3)) & 0xff);
      }
    }
    BufferedImage rgb = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(img, 0, 0, null);
    PdqHashWithQuality fromPixels =
        HASHER.hash(Pixels.of(TestImages.rgbBytes(rgb), 120, 90, PixelLayout.RGB));
    assertThat(HASHER.hashImage(TestImages.encode(img, "gif"))).isEqualTo(fromPixels);
  }

  @Test
  void truncatedJpegIsMalformed() throws IOException {
    byte[] jpeg = Files.readAllBytes(TestData.resolve(
        "pdq/images/reg-test-input/dih/bridge-1-original.jpg"));
    for (int cut : new int[] {jpeg.length / 2, jpeg.length - 100, 700}) {
      byte[] truncated = Arrays.copyOf(jpeg, cut);
      assertThatThrownBy(() -> HASHER.hashImage(truncated))
          .as("cut at %d", cut)
          .isInstanceOf(MalformedInputException.class)
          .hasMessageContaining("JPEG");
    }
  }

  @Test
  void truncatedPngIsMalformed() {
    byte[] png = TestImages.encode(TestImages.colour(200, 200, 1), "png");
    byte[] truncated = Arrays.copyOf(png, png.length / 2);
    assertThatThrownBy(() -> HASHER.hashImage(truncated))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("PNG");
  }

  @Test
  void emptyFileIsMalformed(@TempDir Path dir) throws IOException {
    Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
    assertThatThrownBy(() -> HASHER.hashImage(empty))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("empty file: not an image");
  }

  @Test
  void randomBytesWithAnImageNameAreUnsupported(@TempDir Path dir) throws IOException {
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    noise[0] = 0x42; // not a magic number of any supported format
    noise[1] = 0x00;
    Path fake = Files.write(dir.resolve("photo.png"), noise);
    assertThatThrownBy(() -> HASHER.hashImage(fake))
        .isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("not JPEG, PNG, GIF, BMP, WebP or TIFF");
  }

  @Test
  void hugeDimensionsAreRefusedFromTheHeaderBeforeDecoding() throws IOException {
    byte[] png = pngHeaderOnly(100_000, 100_000);
    long start = System.nanoTime();
    assertThatThrownBy(() -> HASHER.hashImage(png))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("100000x100000 = 10000000000 pixels")
        .hasMessageContaining("limit of 100000000");
    // Sanity only (not a performance assertion): nothing was decoded.
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void pixelCapIsConfigurable() {
    byte[] png = TestImages.encode(TestImages.colour(100, 100, 1), "png");
    assertThatThrownBy(() -> PdqHasher.builder().maxPixels(9_999).build().hashImage(png))
        .isInstanceOf(LimitExceededException.class);
    assertThat(PdqHasher.builder().maxPixels(10_000).build().hashImage(png).quality())
        .isPositive();
  }

  @Test
  void sixteenBitPngIsHashed() {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_USHORT_GRAY);
    byte[] png = TestImages.encode(img, "png");
    assertThat(HASHER.hashImage(png).quality()).isZero();
  }

  @Test
  void corruptPngDataIsMalformed() {
    byte[] png = TestImages.encode(TestImages.colour(200, 200, 1), "png");
    byte[] corrupt = png.clone();
    for (int i = 100; i < corrupt.length - 20; i += 37) {
      corrupt[i] ^= 0x55;
    }
    assertThatThrownBy(() -> HASHER.hashImage(corrupt))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void missingFileIsAReadError(@TempDir Path dir) {
    assertThatThrownBy(() -> HASHER.hashImage(dir.resolve("gone.jpg")))
        .isInstanceOf(InputReadException.class)
        .hasMessage("no such file");
  }

  /**
   * An 88-byte lossless WebP found by fuzzing: TwelveMonkeys' decoder swallowed EOF and read past
   * the end for 23 s (minutes under the fuzzer) before; now it is refused at once.
   */
  @Test
  void aLosslessWebPThatReadsPastTheEndIsRefusedQuickly() throws Exception {
    byte[] webp;
    try (var in = ImageDecodingTest.class.getResourceAsStream(
        "ImageDecodingFuzzTestInputs/hashImage/lossless-reads-past-end.webp")) {
      webp = in.readAllBytes();
    }
    assertThat(webp).hasSize(88);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
        () -> assertThatThrownBy(() -> HASHER.hashImage(webp))
            .isInstanceOf(org.hotlinekit.core.MalformedInputException.class)
            .hasMessageContaining("kept reading past the end"));
  }

  @Test
  void tiffIsDecodedAndBigTiffIsRefused() {
    byte[] tiff = TestImages.encode(TestImages.colour(50, 50, 1), "tiff");
    assertThat(HASHER.hashImage(tiff).quality()).isPositive();
    byte[] bigTiff = {'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0, 0};
    assertThatThrownBy(() -> HASHER.hashImage(bigTiff))
        .isInstanceOf(UnsupportedInputException.class);
  }

  /** A PNG with a valid IHDR claiming the given size, then an empty IDAT and IEND. */
  static byte[] pngHeaderOnly(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(ihdr);
    h.writeInt(width);
    h.writeInt(height);
    h.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB
    chunk(out, "IHDR", ihdr.toByteArray());
    chunk(out, "IDAT", new byte[0]);
    chunk(out, "IEND", new byte[0]);
    return bytes.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
