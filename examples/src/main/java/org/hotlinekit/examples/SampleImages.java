package org.hotlinekit.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Generates the synthetic sample images in {@code examples/samples/}: patterns drawn from a fixed
 * seed, nothing copied from anywhere. Regenerate with {@code java -cp
 * examples/target/hotlinekit-examples-0.1.0-SNAPSHOT-cli.jar org.hotlinekit.examples.SampleImages
 * examples/samples}.
 */
public final class SampleImages {
  private SampleImages() {}

  /**
   * Writes the samples.
   *
   * @param args the target folder
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SampleImages TARGET_FOLDER");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Map.Entry<String, BufferedImage> e : samples().entrySet()) {
      String name = e.getKey();
      String format = name.substring(name.lastIndexOf('.') + 1).replace("jpg", "jpeg");
      if (!ImageIO.write(e.getValue(), format, dir.resolve(name).toFile())) {
        throw new IOException("no ImageIO writer for " + format);
      }
    }
    byte[] jpeg = Files.readAllBytes(dir.resolve("tiles.jpg"));
    Files.write(dir.resolve(TRUNCATED), java.util.Arrays.copyOf(jpeg, jpeg.length * 2 / 5));
  }

  /**
   * A corrupt sample: the first two fifths of {@code tiles.jpg}, as an interrupted download
   * leaves it. Its digests can be computed, its image cannot be decoded.
   */
  public static final String TRUNCATED = "truncated.jpg";

  /**
   * The samples by file name, in a stable order.
   *
   * @return file name to image
   */
  public static Map<String, BufferedImage> samples() {
    Map<String, BufferedImage> m = new LinkedHashMap<>();
    BufferedImage tiles = tiles(640, 480, 1);
    m.put("tiles.png", tiles);
    m.put("tiles-mirrored.png", mirror(tiles));
    m.put("tiles.jpg", tiles);
    m.put("rings.png", rings(256, 256));
    m.put("rings-small.bmp", rings(120, 120));
    m.put("stripes.gif", stripes(300, 200));
    m.put("gray-gradient.png", grayGradient(256, 256));
    m.put("too-small-4x4.png", tiles(4, 4, 2));
    return m;
  }

  /**
   * Coloured tiles with a gentle gradient: a distinct image for every seed.
   *
   * @param w the width
   * @param h the height
   * @param seed chooses the colours
   * @return the image
   */
  public static BufferedImage tiles(int w, int h, long seed) {
    Random r = new Random(seed);
    int cells = 8;
    int[] colours = new int[cells * cells];
    for (int i = 0; i < colours.length; i++) {
      colours[i] = r.nextInt(0x1000000);
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = colours[(y * cells / h) * cells + (x * cells / w)];
        int shade = (x + y) * 64 / (w + h);
        img.setRGB(x, y, add(c, shade));
      }
    }
    return img;
  }

  /** Concentric colour rings. */
  static BufferedImage rings(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - w / 3.0, y - h / 2.5) / Math.min(w, h);
        int v = (int) (127.5 + 127.5 * Math.sin(d * 40));
        img.setRGB(x, y, (v << 16) | ((255 - v) << 8) | ((x * 255 / w) & 0xff));
      }
    }
    return img;
  }

  /** Diagonal stripes in a few colours (palette-friendly, for GIF). */
  static BufferedImage stripes(int w, int h) {
    int[] palette = {0x1b4965, 0x62b6cb, 0xcae9ff, 0xf4a259, 0xbc4b51};
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, palette[((x + 2 * y) / 23) % palette.length]);
      }
    }
    return img;
  }

  /** An 8-bit gray gradient with a dark square. */
  static BufferedImage grayGradient(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean square = x > w / 4 && x < w / 2 && y > h / 3 && y < 2 * h / 3;
        img.getRaster().setSample(x, y, 0, square ? 20 : (x + y) * 255 / (w + h));
      }
    }
    return img;
  }

  static BufferedImage mirror(BufferedImage src) {
    int w = src.getWidth();
    BufferedImage img = new BufferedImage(w, src.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(w - 1 - x, y, src.getRGB(x, y));
      }
    }
    return img;
  }

  private static int add(int rgb, int v) {
    int r = Math.min(255, ((rgb >> 16) & 0xff) + v);
    int g = Math.min(255, ((rgb >> 8) & 0xff) + v);
    int b = Math.min(255, (rgb & 0xff) + v);
    return (r << 16) | (g << 8) | b;
  }
}
