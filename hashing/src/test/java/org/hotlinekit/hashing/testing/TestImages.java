package org.hotlinekit.hashing.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Deterministic synthetic test images: smooth gradients plus seeded noise, never real media. */
public final class TestImages {
  private TestImages() {}

  /**
   * A colour image with strong structure at every scale PDQ looks at: random coloured blocks over
   * gradients, plus seeded noise. Its hash bits are stable under small changes.
   *
   * @param width the width
   * @param height the height
   * @param seed the noise seed
   * @return a {@code TYPE_INT_RGB} image
   */
  public static BufferedImage colour(int width, int height, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    double fx = 2 + r.nextInt(5);
    double fy = 2 + r.nextInt(5);
    int cells = 6;
    int[][] block = new int[cells * cells][3];
    for (int[] c : block) {
      c[0] = r.nextInt(256);
      c[1] = r.nextInt(256);
      c[2] = r.nextInt(256);
    }
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double u = (double) x / width;
        double v = (double) y / height;
        int[] c = block[(int) (v * cells) * cells + (int) (u * cells)];
        int red = clamp(0.6 * c[0] + 50 * Math.sin(fx * Math.PI * u) + r.nextInt(9) - 4);
        int green = clamp(0.6 * c[1] + 50 * Math.cos(fy * Math.PI * v) + r.nextInt(9) - 4);
        int blue = clamp(0.6 * c[2] + 100 * u * v + r.nextInt(9) - 4);
        img.setRGB(x, y, (red << 16) | (green << 8) | blue);
      }
    }
    return img;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /**
   * The same pixels as interleaved RGB bytes.
   *
   * @param img the image
   * @return {@code width * height * 3} bytes
   */
  public static byte[] rgbBytes(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h * 3];
    int o = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = img.getRGB(x, y);
        out[o++] = (byte) (p >>> 16);
        out[o++] = (byte) (p >>> 8);
        out[o++] = (byte) p;
      }
    }
    return out;
  }

  /**
   * Encodes an image.
   *
   * @param img the image
   * @param format an ImageIO format name
   * @return the encoded bytes
   */
  public static byte[] encode(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
