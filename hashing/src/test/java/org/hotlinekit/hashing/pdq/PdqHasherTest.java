package org.hotlinekit.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.testing.TestData;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pixel entry point: layouts, the 512 squash, the gray rule, tiny images. */
class PdqHasherTest {
  private static final PdqHasher HASHER = PdqHasher.create();

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void everyLayoutOfTheSamePixelsHashesAlike(int seed) {
    BufferedImage img = TestImages.colour(300 + seed, 200, seed);
    byte[] rgb = TestImages.rgbBytes(img);
    int n = img.getWidth() * img.getHeight();
    PdqHashWithQuality expected = HASHER.hash(Pixels.of(rgb, img.getWidth(), img.getHeight(),
        PixelLayout.RGB));
    assertThat(expected.quality()).isGreaterThanOrEqualTo(50);
    for (PixelLayout layout : PixelLayout.values()) {
      if (layout.isGray()) {
        continue;
      }
      byte[] b = new byte[n * layout.bytesPerPixel()];
      for (int i = 0; i < n; i++) {
        int o = i * layout.bytesPerPixel();
        java.util.Arrays.fill(b, o, o + layout.bytesPerPixel(), (byte) 0x5a); // alpha: ignored
        b[o + layout.redOffset()] = rgb[3 * i];
        b[o + layout.greenOffset()] = rgb[3 * i + 1];
        b[o + layout.blueOffset()] = rgb[3 * i + 2];
      }
      assertThat(HASHER.hash(Pixels.of(b, img.getWidth(), img.getHeight(), layout)))
          .as(layout.name())
          .isEqualTo(expected);
    }
    int[] packed = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    assertThat(HASHER.hash(Pixels.ofPackedRgb(packed, img.getWidth(), img.getHeight())))
        .isEqualTo(expected);
    // Padded rows at an offset.
    int stride = img.getWidth() * 3 + 5;
    byte[] padded = new byte[7 + stride * img.getHeight()];
    for (int y = 0; y < img.getHeight(); y++) {
      System.arraycopy(rgb, y * img.getWidth() * 3, padded, 7 + y * stride, img.getWidth() * 3);
    }
    assertThat(HASHER.hash(Pixels.of(padded, 7, stride, img.getWidth(), img.getHeight(),
        PixelLayout.RGB))).isEqualTo(expected);
  }

  /** Nearest-neighbour squash: a 1024x1024 image of 2x2 blocks hashes as its 512x512 source. */
  @Test
  void largeImagesAreSquashedTo512ByNearestNeighbour() {
    BufferedImage small = TestImages.colour(512, 512, 9);
    byte[] s = TestImages.rgbBytes(small);
    byte[] big = new byte[1024 * 1024 * 3];
    for (int y = 0; y < 1024; y++) {
      for (int x = 0; x < 1024; x++) {
        System.arraycopy(s, ((y / 2) * 512 + x / 2) * 3, big, (y * 1024 + x) * 3, 3);
      }
    }
    assertThat(HASHER.hash(Pixels.of(big, 1024, 1024, PixelLayout.RGB)))
        .isEqualTo(HASHER.hash(Pixels.of(s, 512, 512, PixelLayout.RGB)));
    // The aspect ratio is not kept: 600 wide x 100 high becomes 512x512 too, without failing.
    byte[] wide = TestImages.rgbBytes(TestImages.colour(600, 100, 3));
    assertThat(HASHER.hash(Pixels.of(wide, 600, 100, PixelLayout.RGB)).quality()).isPositive();
  }

  /** An RGB image whose pixels are all gray hashes exactly as the gray image. */
  @Test
  void allGrayRgbHashesAsGray() {
    Random r = new Random(4);
    int w = 97;
    int h = 131;
    byte[] gray = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        gray[y * w + x] = (byte) ((x * 7 + y * 3 + r.nextInt(5)) & 0xff);
      }
    }
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = gray[i];
    }
    PdqHashWithQuality g = HASHER.hash(Pixels.of(gray, w, h, PixelLayout.GRAY));
    assertThat(HASHER.hash(Pixels.of(rgb, w, h, PixelLayout.RGB))).isEqualTo(g);
    // The reference's float luma formula is not the identity on gray levels (15 -> 15.000001),
    // which is why the rule matters for the bits.
    int v = 15;
    assertThat(0.299f * v + 0.587f * v + 0.114f * v).isNotEqualTo((float) v);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void imagesBelowFivePixelsHashToZero(int side) {
    byte[] rgb = TestImages.rgbBytes(TestImages.colour(100, side, 1));
    PdqHashWithQuality h = HASHER.hash(Pixels.of(rgb, 100, side, PixelLayout.RGB));
    assertThat(h.hash()).isEqualTo(PdqHash.zero());
    assertThat(h.quality()).isZero();
    DihedralPdqHashes d = HASHER.hashDihedral(Pixels.of(rgb, 100, side, PixelLayout.RGB));
    assertThat(d.asMap().values()).containsOnly(PdqHash.zero());
  }

  @Test
  void dihedralOriginalEqualsPlainHashExceptAt64x64() {
    for (int[] size : new int[][] {{65, 64}, {200, 150}, {700, 900}}) {
      byte[] rgb = TestImages.rgbBytes(TestImages.colour(size[0], size[1], 5));
      Pixels p = Pixels.of(rgb, size[0], size[1], PixelLayout.RGB);
      assertThat(HASHER.hashDihedral(p).original()).isEqualTo(HASHER.hash(p));
    }
    // The reference's single-hash path skips the (window 1) blur for exactly 64x64 input; its
    // dihedral path does not, and its running sums may round differently. Both stay close.
    byte[] rgb = TestImages.rgbBytes(TestImages.colour(64, 64, 5));
    Pixels p = Pixels.of(rgb, 64, 64, PixelLayout.RGB);
    assertThat(HASHER.hashDihedral(p).get(Dihedral.ORIG).hammingDistance(HASHER.hash(p).hash()))
        .isLessThanOrEqualTo(8);
  }

  /**
   * The dihedral hashes are those of the transformed image: mirror and rotate the pixels of a real
   * photo (the public bridge test image) and each result matches its own variant best.
   */
  @Test
  void dihedralHashesTrackTransformedImages() throws Exception {
    BufferedImage photo =
        javax.imageio.ImageIO.read(
            TestData.resolve("pdq/normalized/reg-test-input__dih__bridge-1-original.png")
                .toFile());
    int w = photo.getWidth();
    int h = photo.getHeight();
    byte[] rgb = TestImages.rgbBytes(photo);
    DihedralPdqHashes d = HASHER.hashDihedral(Pixels.of(rgb, w, h, PixelLayout.RGB));
    byte[] mirrored = new byte[rgb.length];
    byte[] rotated = new byte[rgb.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // Mirror left-right: flipy.
        System.arraycopy(rgb, (y * w + x) * 3, mirrored, (y * w + (w - 1 - x)) * 3, 3);
        // Rotate 90 degrees counter-clockwise: rot90; (x, y) goes to (y, w - 1 - x), h wide.
        System.arraycopy(rgb, (y * w + x) * 3, rotated, ((w - 1 - x) * h + y) * 3, 3);
      }
    }
    assertClosestVariant(d, HASHER.hash(Pixels.of(mirrored, w, h, PixelLayout.RGB)).hash(),
        Dihedral.FLIPY);
    assertClosestVariant(d, HASHER.hash(Pixels.of(rotated, h, w, PixelLayout.RGB)).hash(),
        Dihedral.ROT90);
  }

  /** The transformed image matches its variant (distance within the match threshold) best. */
  private static void assertClosestVariant(DihedralPdqHashes d, PdqHash actual, Dihedral expected) {
    int best = actual.hammingDistance(d.get(expected));
    assertThat(best).as(expected.name()).isLessThanOrEqualTo(PdqHash.RECOMMENDED_MATCH_DISTANCE);
    for (Dihedral other : Dihedral.values()) {
      if (other != expected) {
        assertThat(actual.hammingDistance(d.get(other))).as(other.name()).isGreaterThan(best);
      }
    }
  }

  @Test
  void pixelsValidateTheirShape() {
    assertThatThrownBy(() -> Pixels.of(new byte[11], 2, 2, PixelLayout.RGB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12 are needed");
    assertThatThrownBy(() -> Pixels.of(new byte[12], 0, 2, PixelLayout.RGB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pixels.of(new byte[100], 0, 5, 2, 2, PixelLayout.RGB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pixels.ofPackedRgb(new int[3], 2, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pixels.of(new byte[Integer.MAX_VALUE / 64], 60000, 60000,
        PixelLayout.GRAY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PdqHasher.builder().maxPixels(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
