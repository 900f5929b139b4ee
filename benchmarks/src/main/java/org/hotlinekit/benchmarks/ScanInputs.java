package org.hotlinekit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.ImageIO;
import org.hotlinekit.examples.SampleImages;
import org.hotlinekit.hashing.pdq.PdqHasher;

/**
 * Makes the inputs of {@code scan-vs-hash-and-match.sh}: synthetic JPEG photos of varied sizes
 * ({@link SampleImages#tiles}: tiles and gradients from a seed, nothing copied from anywhere) and a PDQ list of random
 * hashes holding the hash of every tenth image, so that a tenth of the images are known.
 *
 * <pre>{@code java -cp benchmarks.jar org.hotlinekit.benchmarks.ScanInputs DIR IMAGES ENTRIES}</pre>
 */
public final class ScanInputs {
  private ScanInputs() {}

  /**
   * Writes {@code DIR/images/} and {@code DIR/list.jsonl}.
   *
   * @param args the folder, the number of images, the number of list entries
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int images = Integer.parseInt(args[1]);
    int entries = Integer.parseInt(args[2]);
    Path imgDir = Files.createDirectories(dir.resolve("images"));
    PdqHasher pdq = PdqHasher.create();
    Random r = new Random(42);
    HexFormat hex = HexFormat.of();
    try (BufferedWriter list = Files.newBufferedWriter(dir.resolve("list.jsonl"),
        StandardCharsets.UTF_8)) {
      int listed = 0;
      for (int i = 0; i < images; i++) {
        int w = 640 + r.nextInt(640);
        int h = 480 + r.nextInt(480);
        Path file = imgDir.resolve(String.format("img-%05d.jpg", i));
        ImageIO.write(SampleImages.tiles(w, h, i), "jpeg", file.toFile());
        if (i % 10 == 0) {
          list.write("{\"id\":\"known-" + i + "\",\"type\":\"pdq\",\"hash\":\""
              + pdq.hashImage(file).hash() + "\",\"label\":\"B2\"}\n");
          listed++;
        }
      }
      byte[] b = new byte[32];
      for (int i = listed; i < entries; i++) {
        r.nextBytes(b);
        list.write("{\"id\":\"random-" + i + "\",\"type\":\"pdq\",\"hash\":\"" + hex.formatHex(b)
            + "\"}\n");
      }
    }
  }
}
