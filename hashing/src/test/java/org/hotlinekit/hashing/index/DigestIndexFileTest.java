package org.hotlinekit.hashing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.hotlinekit.hashing.testing.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Saving and opening a digest index: read(write(x)) answers like x; bad files are refused. */
class DigestIndexFileTest {
  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void roundTrip(DigestAlgorithm algorithm, @TempDir Path dir) throws IOException {
    Random r = new Random(algorithm.ordinal());
    List<Digest> list = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      list.add(i > 0 && i % 7 == 0 ? list.get(r.nextInt(i)) : DigestIndexTest.random(algorithm, r));
    }
    DigestIndex index = DigestIndex.of(algorithm, list);
    Path file = dir.resolve("d.idx");
    index.writeTo(file);
    for (DigestIndex again : List.of(DigestIndex.read(file), mapped(file))) {
      assertThat(again.algorithm()).isEqualTo(algorithm);
      assertThat(again.size()).isEqualTo(list.size());
      for (int q = 0; q < 1000; q++) {
        Digest d = q % 2 == 0 ? list.get(r.nextInt(list.size()))
            : DigestIndexTest.random(algorithm, r);
        assertThat(again.find(d)).isEqualTo(index.find(d));
        assertThat(again.contains(d)).isEqualTo(index.contains(d));
      }
      again.checkAll();
    }
    DigestIndex.of(algorithm, List.of()).writeTo(file);
    assertThat(DigestIndex.read(file).size()).isZero();
  }

  /**
   * A file with correct checksums but a table lookups cannot rely on (crafted, or written by a
   * broken tool) is refused by {@code checkAll()}: two occupied slots swapped out of order, an
   * entry moved before its home slot, an entry position repeated, an empty slot claiming an
   * entry. Lookups on it answer consistently or throw, never anything but a HotlinekitException.
   */
  @Test
  void structurallyBrokenTablesAreRefusedDespiteAGoodChecksum(@TempDir Path dir) throws IOException {
    List<Digest> list = randomMd5s(400, 5);
    // Two digests with the same first 8 bytes: same home slot, neighbours ordered by bytes 8..15.
    list.add(Digest.parse("77777777777777770000000000000001"));
    list.add(Digest.parse("77777777777777770000000000000002"));
    Path file = dir.resolve("d.idx");
    DigestIndex.of(DigestAlgorithm.MD5, list).writeTo(file);
    ByteBuffer good = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int slots = good.getInt(24);
    int tableAt = 48;
    int entriesAt = tableAt + 16 * slots;
    List<Integer> used = new ArrayList<>();
    for (int s = 0; s < slots; s++) {
      if (good.getInt(entriesAt + 4 * s) != -1) {
        used.add(s);
      }
    }
    int a = used.get(10);
    int b = used.get(200);
    int firstEmpty = 0;
    while (good.getInt(entriesAt + 4 * firstEmpty) != -1) {
      firstEmpty++;
    }
    int empty = firstEmpty;
    int twin = 0;
    while (good.getLong(tableAt + 16 * twin) != 0x7777777777777777L) {
      twin++;
    }
    int twinSlot = twin;
    List<java.util.function.Consumer<ByteBuffer>> breakages = List.of(
        f -> { // swap two slots' keys and entries: keys out of order
          swapLongs(f, tableAt + 16 * a, tableAt + 16 * b);
          swapLongs(f, tableAt + 16 * a + 8, tableAt + 16 * b + 8);
          int ea = f.getInt(entriesAt + 4 * a);
          f.putInt(entriesAt + 4 * a, f.getInt(entriesAt + 4 * b));
          f.putInt(entriesAt + 4 * b, ea);
        },
        f -> { // move the last used slot's key to slot 0 (before its home, out of order)
          int last = used.get(used.size() - 1);
          f.putLong(tableAt, f.getLong(tableAt + 16 * last));
          f.putLong(tableAt + 8, f.getLong(tableAt + 16 * last + 8));
          f.putInt(entriesAt, f.getInt(entriesAt + 4 * last));
          f.putLong(tableAt + 16 * last, 0).putLong(tableAt + 16 * last + 8, 0);
          f.putInt(entriesAt + 4 * last, -1);
        },
        f -> { // swap the two neighbours with one home: only their order is wrong
          swapLongs(f, tableAt + 16 * twinSlot + 8, tableAt + 16 * twinSlot + 24);
          int e = f.getInt(entriesAt + 4 * twinSlot);
          f.putInt(entriesAt + 4 * twinSlot, f.getInt(entriesAt + 4 * twinSlot + 4));
          f.putInt(entriesAt + 4 * twinSlot + 4, e);
        },
        f -> f.putInt(entriesAt + 4 * b, f.getInt(entriesAt + 4 * a)), // entry listed twice
        f -> f.putInt(entriesAt + 4 * empty, 0)); // an empty slot claiming entry 0
    for (int k = 0; k < breakages.size(); k++) {
      ByteBuffer f = ByteBuffer.wrap(good.array().clone()).order(ByteOrder.LITTLE_ENDIAN);
      breakages.get(k).accept(f);
      Regions.reseal(f.array(), 0, f.capacity());
      Path t = Files.write(dir.resolve("broken" + k), f.array());
      DigestIndex opened = k % 2 == 0 ? DigestIndex.read(t) : mapped(t);
      assertThatThrownBy(opened::checkAll).as("breakage %d", k)
          .isInstanceOf(MalformedInputException.class).hasMessageContaining("corrupt digest index");
      for (Digest d : list) {
        try {
          assertThat(opened.contains(d)).isEqualTo(opened.find(d).length > 0);
        } catch (MalformedInputException expected) {
          // A lookup that reads the broken part may refuse it.
        }
      }
    }
  }

  /** The index in a file, opened in place. */
  static DigestIndex mapped(Path file) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      return DigestIndex.map(ch, 0, ch.size());
    }
  }

  private static List<Digest> randomMd5s(int n, long seed) {
    Random r = new Random(seed);
    List<Digest> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(DigestIndexTest.random(DigestAlgorithm.MD5, r));
    }
    return list;
  }

  private static void swapLongs(ByteBuffer f, int x, int y) {
    long v = f.getLong(x);
    f.putLong(x, f.getLong(y));
    f.putLong(y, v);
  }

  @Test
  void badFilesAreRefused(@TempDir Path dir) throws IOException {
    List<Digest> list = randomMd5s(300, 9);
    Path file = dir.resolve("d.idx");
    DigestIndex.of(DigestAlgorithm.MD5, list).writeTo(file);
    byte[] good = Files.readAllBytes(file);
    for (int cut : new int[] {0, 20, 40, good.length / 2, good.length - 1}) {
      Path t = Files.write(dir.resolve("t" + cut), Arrays.copyOf(good, cut));
      assertThatThrownBy(() -> DigestIndex.read(t)).as("cut %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
    // A flipped bit in the table: loading refuses it; opened in place, only the header is read,
    // the lookups that read the bad block refuse it, never answer from it, and checkAll() finds
    // it.
    int dataLength = (int) Regions.dataLength(good, good.length);
    int at = 48 + 16 * 300; // past block 0, which holds the header, checked on opening
    byte[] flipped = good.clone();
    flipped[at] ^= 1;
    Path corrupt = Files.write(dir.resolve("c"), flipped);
    assertThatThrownBy(() -> DigestIndex.read(corrupt)).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("checksum");
    DigestIndex opened = mapped(corrupt);
    assertThatThrownBy(opened::checkAll).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> {
      for (Digest d : list) {
        opened.contains(d);
      }
    }).isInstanceOf(MalformedInputException.class).hasMessageContaining("checksum");
    assertThat(at).isLessThan(dataLength);
    byte[] future = good.clone();
    ByteBuffer.wrap(future).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
    Regions.reseal(future, 0, future.length);
    Path newer = Files.write(dir.resolve("n"), future);
    assertThatThrownBy(() -> DigestIndex.read(newer))
        .isInstanceOf(UnsupportedInputException.class);
    byte[] older = good.clone();
    ByteBuffer.wrap(older).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
    Regions.reseal(older, 0, older.length);
    Path old = Files.write(dir.resolve("o"), older);
    assertThatThrownBy(() -> DigestIndex.read(old)).isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("rebuild");
    Path pdqFile = dir.resolve("p.idx");
    PdqIndex.of(List.of()).writeTo(pdqFile);
    assertThatThrownBy(() -> DigestIndex.read(pdqFile))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("magic");
  }
}
