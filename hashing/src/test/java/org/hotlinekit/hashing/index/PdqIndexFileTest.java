package org.hotlinekit.hashing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Saving and opening a PDQ index: read(write(x)) answers like x; bad files are refused. */
class PdqIndexFileTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1000, 30_000})
  void readWriteRoundTrip(int size, @TempDir Path dir) {
    Random r = new Random(size);
    List<PdqHash> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      list.add(i > 10 && i % 5 == 0 ? PdqIndexTest.flip(list.get(r.nextInt(i)), r.nextInt(30), r)
          : PdqIndexTest.random(r));
    }
    PdqIndex index = PdqIndex.of(list);
    Path file = dir.resolve("list.pdqidx");
    index.writeTo(file);
    PdqIndex again = PdqIndex.read(file);
    assertThat(again.size()).isEqualTo(size);
    for (int q = 0; q < 200; q++) {
      PdqHash query = size > 0 && q % 2 == 0
          ? PdqIndexTest.flip(list.get(r.nextInt(size)), r.nextInt(35), r)
          : PdqIndexTest.random(r);
      assertThat(again.search(query, 31)).isEqualTo(index.search(query, 31));
    }
    // Writing again replaces the file atomically and leaves no temporary file.
    again.writeTo(file);
    assertThat(dir.toFile().list()).containsExactly("list.pdqidx");
  }

  @Test
  void truncatedForeignAndCorruptFilesAreRefused(@TempDir Path dir) throws IOException {
    Random r = new Random(1);
    List<PdqHash> list = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      list.add(PdqIndexTest.random(r));
    }
    Path file = dir.resolve("a.pdqidx");
    PdqIndex.of(list).writeTo(file);
    byte[] good = Files.readAllBytes(file);
    for (int cut : new int[] {0, 7, 27, 100, good.length / 2, good.length - 1}) {
      Path truncated = Files.write(dir.resolve("t" + cut), Arrays.copyOf(good, cut));
      assertThatThrownBy(() -> PdqIndex.read(truncated))
          .as("cut at %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
    byte[] flipped = good.clone();
    flipped[good.length / 3] ^= 0x10;
    Path corrupt = Files.write(dir.resolve("corrupt"), flipped);
    assertThatThrownBy(() -> PdqIndex.read(corrupt))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("checksum");
    byte[] noise = new byte[5000];
    r.nextBytes(noise);
    Path foreign = Files.write(dir.resolve("foreign"), noise);
    assertThatThrownBy(() -> PdqIndex.read(foreign))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("magic");
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(8, 99);
    Path newer = Files.write(dir.resolve("newer"), future);
    assertThatThrownBy(() -> PdqIndex.read(newer))
        .isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("version 99");
    assertThatThrownBy(() -> PdqIndex.read(dir.resolve("missing")))
        .isInstanceOf(InputReadException.class);
  }
}
