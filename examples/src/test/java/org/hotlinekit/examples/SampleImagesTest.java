package org.hotlinekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled samples are exactly what the generator makes: synthetic, reproducible. */
class SampleImagesTest {
  @Test
  void bundledSamplesAreTheGeneratorsOutput(@TempDir Path dir) throws IOException {
    SampleImages.main(new String[] {dir.toString()});
    Path bundled = Path.of("samples");
    try (Stream<Path> files = Files.list(bundled)) {
      java.util.List<String> expected = new java.util.ArrayList<>(SampleImages.samples()
          .keySet());
      expected.add(SampleImages.TRUNCATED);
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    // The corrupt sample is a prefix of the bundled JPEG.
    byte[] jpeg = Files.readAllBytes(bundled.resolve("tiles.jpg"));
    byte[] truncated = Files.readAllBytes(bundled.resolve(SampleImages.TRUNCATED));
    assertThat(truncated.length).isEqualTo(jpeg.length * 2 / 5);
    assertThat(java.util.Arrays.copyOf(jpeg, truncated.length)).isEqualTo(truncated);
    for (Map.Entry<String, BufferedImage> e : SampleImages.samples().entrySet()) {
      String name = e.getKey();
      BufferedImage committed = ImageIO.read(bundled.resolve(name).toFile());
      BufferedImage regenerated = ImageIO.read(dir.resolve(name).toFile());
      assertThat(committed.getWidth()).isEqualTo(regenerated.getWidth());
      assertThat(committed.getHeight()).isEqualTo(regenerated.getHeight());
      // Lossless files hold the generator's pixels exactly; a JPEG encoder may change between
      // JDK releases, so only its dimensions are compared.
      if (!name.endsWith(".jpg")) {
        for (int y = 0; y < committed.getHeight(); y++) {
          for (int x = 0; x < committed.getWidth(); x++) {
            assertThat(committed.getRGB(x, y)).as("%s (%d,%d)", name, x, y)
                .isEqualTo(e.getValue().getRGB(x, y));
          }
        }
      }
    }
  }
}
