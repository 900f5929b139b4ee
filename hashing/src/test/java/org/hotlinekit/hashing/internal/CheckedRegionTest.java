package org.hotlinekit.hashing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checked region: blocks checked on first use, the rest in one pass once a quarter were. */
class CheckedRegionTest {
  private static final int BLOCKS = 1000;

  /**
   * After a quarter of the blocks were read one at a time, a pass in the background marks every
   * whole block and leaves the corrupt one to the read that needs it: only that read is refused.
   */
  @Test
  void thePassMarksWholeBlocksAndLeavesACorruptOneToItsReader(@TempDir Path dir)
      throws Exception {
    byte[] data = new byte[BLOCKS << CheckedRegion.PAGE_BLOCKS];
    new Random(5).nextBytes(data);
    Path file = dir.resolve("region");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      CheckedRegion.Writer out = new CheckedRegion.Writer(ch, CheckedRegion.PAGE_BLOCKS);
      out.write(ByteBuffer.wrap(data));
      out.finish();
    }
    byte[] bytes = Files.readAllBytes(file);
    int corrupt = 900;
    bytes[(corrupt << CheckedRegion.PAGE_BLOCKS) + 17] ^= 0x40;
    Files.write(file, bytes);
    CheckedRegion r;
    try (FileChannel ch = FileChannel.open(file)) {
      r = CheckedRegion.open(ch, 0, ch.size(), "test region");
    }
    for (int b = 0; b < BLOCKS / 4; b++) {
      r.checkBlock(b);
    }
    assertThat(r.checkedBlocks()).isGreaterThanOrEqualTo(BLOCKS / 4);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (r.checkedBlocks() < BLOCKS - 1 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(r.checkedBlocks()).as("blocks marked by the pass").isEqualTo(BLOCKS - 1);
    for (int b = 0; b < BLOCKS; b++) {
      if (b != corrupt) {
        r.checkBlock(b);
      }
    }
    assertThatThrownBy(() -> r.checkBlock(corrupt)).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("checksum mismatch in block " + corrupt);
    assertThatThrownBy(r::checkAll).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("block " + corrupt);
  }
}
