package org.hotlinekit.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.testing.TestData;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Re-encodings a user meets must not evade matching: a 16-bit copy of an image hashes as its 8-bit
 * original, and TIFF (every compression the JDK writes, strips and tiles) as the PNG it came from.
 */
class DeepSamplesAndTiffTest {
  private static final PdqHasher HASHER = PdqHasher.create();

  /** An image with 16-bit samples made from an 8-bit image's samples {@code v}. */
  private static BufferedImage sixteenBit(BufferedImage src, boolean gray, Random noise) {
    int w = src.getWidth();
    int h = src.getHeight();
    int bands = gray ? 1 : 3;
    ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(gray
        ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
        DataBuffer.TYPE_USHORT);
    WritableRaster r = cm.createCompatibleWritableRaster(w, h);
    Raster in = gray ? toGray(src).getRaster() : src.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int b = 0; b < bands; b++) {
          int v = gray ? in.getSample(x, y, 0) : (src.getRGB(x, y) >> (16 - 8 * b)) & 0xff;
          // A copy (v * 257, as ImageMagick's -depth 16 writes it), or real 16-bit content: the
          // 8-bit value in the high byte and anything in the low one.
          int q = noise == null ? v * 257 : v * 256 + noise.nextInt(256);
          r.setSample(x, y, b, q);
        }
      }
    }
    return new BufferedImage(cm, r, false, null);
  }

  private static BufferedImage toGray(BufferedImage src) {
    BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = g.getRaster();
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        r.setSample(x, y, 0, (src.getRGB(x, y) >> 8) & 0xff);
      }
    }
    return g;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void aSixteenBitCopyHashesAsItsEightBitOriginal(long seed) {
    BufferedImage original = TestImages.colour(300 + (int) seed * 17, 220, seed);
    PdqHash rgb8 = HASHER.hashImage(TestImages.encode(original, "png")).hash();
    PdqHash rgb16 = HASHER.hashImage(TestImages.encode(sixteenBit(original, false, null), "png"))
        .hash();
    assertThat(rgb16).isEqualTo(rgb8);
    PdqHash gray8 = HASHER.hashImage(TestImages.encode(toGray(original), "png")).hash();
    PdqHash gray16 = HASHER.hashImage(TestImages.encode(sixteenBit(original, true, null), "png"))
        .hash();
    assertThat(gray16).isEqualTo(gray8);
    // Real 16-bit content (low bits that are not a copy of the high ones) stays within a few
    // bits of the 8-bit image: measured 0 to 4 bits (median 0) over seeds 1 to 20; a match
    // needs <= 31.
    PdqHash noisy = HASHER.hashImage(TestImages.encode(sixteenBit(original, false,
        new Random(seed)), "png")).hash();
    assertThat(noisy.hammingDistance(rgb8)).isLessThanOrEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "LZW", "Deflate", "PackBits", "tiled-LZW"})
  void tiffHashesAsThePngItCameFrom(String how) throws IOException {
    BufferedImage original = TestImages.colour(333, 251, how.hashCode());
    PdqHash png = HASHER.hashImage(TestImages.encode(original, "png")).hash();
    BufferedImage rgb = new BufferedImage(original.getWidth(), original.getHeight(),
        BufferedImage.TYPE_3BYTE_BGR);
    rgb.getGraphics().drawImage(original, 0, 0, null);
    assertThat(HASHER.hashImage(tiff(rgb, how)).hash()).isEqualTo(png);
    // A 16-bit TIFF too.
    assertThat(HASHER.hashImage(tiff(sixteenBit(original, false, null), how)).hash())
        .isEqualTo(png);
  }

  private static byte[] tiff(BufferedImage img, String how) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
    ImageWriteParam p = w.getDefaultWriteParam();
    String compression = how.replace("tiled-", "");
    if (!compression.equals("none")) {
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionType(compression);
    }
    if (how.startsWith("tiled-")) {
      p.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
      p.setTiling(64, 64, 0, 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  /**
   * The shared vectors' 16-bit gray PNG, whose reference output is garbage (CImg truncates the
   * samples): hotlinekit hashes it as its 8-bit reduction, here made independently from the
   * decoded raster with ImageMagick's formula.
   */
  @Test
  void theSixteenBitReferenceImageHashesAsItsReduction() throws IOException {
    BufferedImage deep = ImageIO.read(TestData.resolve("pdq/images/pytx-resources/I16.png")
        .toFile());
    assertThat(deep.getSampleModel().getSampleSize(0)).isEqualTo(16);
    BufferedImage reduced = new BufferedImage(deep.getWidth(), deep.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < deep.getHeight(); y++) {
      for (int x = 0; x < deep.getWidth(); x++) {
        long q = deep.getRaster().getSample(x, y, 0) + 128L;
        reduced.getRaster().setSample(x, y, 0, (int) ((q - (q >>> 8)) >>> 8));
      }
    }
    assertThat(HASHER.hashImage(TestData.resolve("pdq/images/pytx-resources/I16.png")))
        .isEqualTo(HASHER.hashImage(TestImages.encode(reduced, "png")));
  }
}
