package org.hotlinekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hotlinekit.examples.SampleImages;

/**
 * Makes the photos of {@code cold-runs.sh}'s comparison with Meta's C++ PDQ hasher: synthetic
 * JPEGs all of one size ({@link SampleImages#tiles}: tiles and gradients from a seed, nothing
 * copied from anywhere), written by the JDK's JPEG writer.
 *
 * <pre>{@code java -cp benchmarks.jar org.hotlinekit.benchmarks.PhotoInputs DIR COUNT WIDTH HEIGHT}</pre>
 */
public final class PhotoInputs {
  private PhotoInputs() {}

  /**
   * Writes {@code DIR/photo-NNN.jpg}.
   *
   * @param args the folder, the number of photos, their width and height
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: PhotoInputs DIR COUNT WIDTH HEIGHT");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    int count = Integer.parseInt(args[1]);
    int width = Integer.parseInt(args[2]);
    int height = Integer.parseInt(args[3]);
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve(String.format("photo-%03d.jpg", i));
      if (!ImageIO.write(SampleImages.tiles(width, height, i), "jpeg", file.toFile())) {
        throw new IOException("no JPEG writer");
      }
    }
  }
}
