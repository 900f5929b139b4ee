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
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Saving and opening a digest index: read(write(x)) answers like x; bad files are refused. */
class DigestIndexFileTest {
  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void roundTrip(DigestAlgorithm algorithm, @TempDir Path dir) {
    Random r = new Random(algorithm.ordinal());
    List<Digest> list = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      list.add(i > 0 && i % 7 == 0 ? list.get(r.nextInt(i)) : DigestIndexTest.random(algorithm, r));
    }
    DigestIndex index = DigestIndex.of(algorithm, list);
    Path file = dir.resolve("d.idx");
    index.writeTo(file);
    DigestIndex again = DigestIndex.read(file);
    assertThat(again.algorithm()).isEqualTo(algorithm);
    assertThat(again.size()).isEqualTo(list.size());
    for (int q = 0; q < 1000; q++) {
      Digest d = q % 2 == 0 ? list.get(r.nextInt(list.size()))
          : DigestIndexTest.random(algorithm, r);
      assertThat(again.find(d)).isEqualTo(index.find(d));
    }
    DigestIndex.of(algorithm, List.of()).writeTo(file);
    assertThat(DigestIndex.read(file).size()).isZero();
  }

  @Test
  void badFilesAreRefused(@TempDir Path dir) throws IOException {
    Random r = new Random(9);
    List<Digest> list = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      list.add(DigestIndexTest.random(DigestAlgorithm.MD5, r));
    }
    Path file = dir.resolve("d.idx");
    DigestIndex.of(DigestAlgorithm.MD5, list).writeTo(file);
    byte[] good = Files.readAllBytes(file);
    for (int cut : new int[] {0, 20, 40, good.length / 2, good.length - 1}) {
      Path t = Files.write(dir.resolve("t" + cut), Arrays.copyOf(good, cut));
      assertThatThrownBy(() -> DigestIndex.read(t)).as("cut %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 1;
    Path corrupt = Files.write(dir.resolve("c"), flipped);
    assertThatThrownBy(() -> DigestIndex.read(corrupt)).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("checksum");
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(8, 2);
    Path newer = Files.write(dir.resolve("n"), future);
    assertThatThrownBy(() -> DigestIndex.read(newer))
        .isInstanceOf(UnsupportedInputException.class);
    Path pdqFile = dir.resolve("p.idx");
    PdqIndex.of(List.of()).writeTo(pdqFile);
    assertThatThrownBy(() -> DigestIndex.read(pdqFile))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("magic");
  }
}
