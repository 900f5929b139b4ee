package org.hotlinekit.hashing.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decoder that swallows EOFException and reads on (as TwelveMonkeys' lossless WebP bit reader
 * does; fuzzing found hostile WebP inputs that kept the hasher busy for minutes) is stopped after
 * a bounded number of reads past the end, from memory and from a file.
 */
class BoundedImageStreamsTest {
  /** Reads like the bit reader: a byte at a time, EOF swallowed, forever. */
  private static int swallowingDecoder(ImageInputStream in) throws Exception {
    int pastEnd = 0;
    while (true) {
      try {
        in.readByte();
      } catch (EOFException swallowed) {
        pastEnd++;
      }
    }
  }

  @Test
  void aDecoderReadingPastTheEndIsStopped(@TempDir Path dir) throws Exception {
    byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
    try (ImageInputStream memory = BoundedImageStreams.of(new ByteArrayInputStream(data))) {
      assertThatThrownBy(() -> swallowingDecoder(memory))
          .isInstanceOf(BoundedImageStreams.ReadPastEndException.class);
    }
    Path file = Files.write(dir.resolve("data.bin"), data);
    try (ImageInputStream onDisk = BoundedImageStreams.of(file.toFile())) {
      assertThatThrownBy(() -> swallowingDecoder(onDisk))
          .isInstanceOf(BoundedImageStreams.ReadPastEndException.class);
    }
  }

  @Test
  void aDecoderThatStopsAtTheEndIsUnaffected() throws Exception {
    byte[] data = new byte[100];
    try (ImageInputStream in = BoundedImageStreams.of(new ByteArrayInputStream(data))) {
      byte[] buf = new byte[64];
      int total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
      }
      assertThat(total).isEqualTo(100);
      // A few more looks at the end, as decoders do, are fine.
      for (int i = 0; i < 100; i++) {
        assertThat(in.read()).isEqualTo(-1);
      }
    }
  }
}
