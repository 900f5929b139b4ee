package org.hotlinekit.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.pdq.PixelLayout;
import org.hotlinekit.hashing.pdq.Pixels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PDQ of a 1 megapixel (1000x1000) synthetic image, single-threaded: from decoded pixels, and from
 * a JPEG file's bytes end to end. Baselines in the same run: ImageIO's JPEG decode alone, and one
 * pass computing float luma over all pixels (a floor for any hasher that reads every pixel).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PdqBenchmark {
  static final int SIDE = 1000;

  byte[] rgb;
  byte[] jpeg;
  Pixels pixels;
  PdqHasher hasher;

  @Setup
  public void setUp() throws IOException {
    BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
    Random r = new Random(7);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int cell = ((x / 125) + (y / 125)) & 1;
        int red = (int) (127 + 120 * Math.sin(x / 37.0)) ^ (cell * 40);
        int green = (int) (127 + 120 * Math.cos(y / 23.0));
        int blue = (x * y / 4000 + r.nextInt(16)) & 0xff;
        img.setRGB(x, y, (red & 0xff) << 16 | (green & 0xff) << 8 | blue);
      }
    }
    rgb = new byte[SIDE * SIDE * 3];
    for (int y = 0, o = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int p = img.getRGB(x, y);
        rgb[o++] = (byte) (p >>> 16);
        rgb[o++] = (byte) (p >>> 8);
        rgb[o++] = (byte) p;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", out);
    jpeg = out.toByteArray();
    pixels = Pixels.of(rgb, SIDE, SIDE, PixelLayout.RGB);
    hasher = PdqHasher.create();
    ImageIO.setUseCache(false);
  }

  /** hotlinekit PDQ from pixels (includes the 512x512 squash, as the reference). */
  @Benchmark
  public PdqHashWithQuality pixelsToHash() {
    return hasher.hash(pixels);
  }

  /** hotlinekit PDQ and all 8 dihedral hashes from pixels. */
  @Benchmark
  public DihedralPdqHashes pixelsToDihedralHashes() {
    return hasher.hashDihedral(pixels);
  }

  /** Baseline: one pass of float luma over every pixel. */
  @Benchmark
  public float[] baselineLumaPass() {
    float[] luma = new float[SIDE * SIDE];
    for (int i = 0, o = 0; i < luma.length; i++, o += 3) {
      luma[i] = 0.299f * (rgb[o] & 0xff) + 0.587f * (rgb[o + 1] & 0xff) + 0.114f * (rgb[o + 2] & 0xff);
    }
    return luma;
  }

  /** hotlinekit PDQ from the JPEG's bytes: decode (safely) and hash. */
  @Benchmark
  public PdqHashWithQuality jpegToHash() {
    return hasher.hashImage(jpeg);
  }

  /** Baseline: ImageIO's JPEG decode alone. */
  @Benchmark
  public BufferedImage baselineImageIoDecode() throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }
}
