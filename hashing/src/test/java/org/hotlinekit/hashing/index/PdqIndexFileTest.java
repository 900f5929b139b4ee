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
  void readWriteRoundTrip(int size, @TempDir Path dir) throws IOException {
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
    for (PdqIndex opened : List.of(again, mapped(file))) {
      assertThat(opened.size()).isEqualTo(size);
      for (int q = 0; q < 200; q++) {
        PdqHash query = size > 0 && q % 2 == 0
            ? PdqIndexTest.flip(list.get(r.nextInt(size)), r.nextInt(35), r)
            : PdqIndexTest.random(r);
        assertThat(opened.search(query, 31)).isEqualTo(index.search(query, 31));
        assertThat(opened.scan(query, 31)).isEqualTo(index.scan(query, 31));
      }
      opened.checkAll();
    }
    // Writing again replaces the file atomically and leaves no temporary file.
    again.writeTo(file);
    assertThat(dir.toFile().list()).containsExactly("list.pdqidx");
  }

  /**
   * From 65,536 entries a file's chunks are 16 bits wide whatever the layout in memory (about 21
   * bits from 4 million entries): an index built with wider chunks is written with the file's,
   * and answers the same read in place and loaded. Near copies are planted so that matches exist
   * at every distance to 31.
   */
  @Test
  void aFileKeepsItsOwnChunksWhateverTheLayoutInMemory(@TempDir Path dir) throws IOException {
    Random r = new Random(11);
    List<PdqHash> list = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      list.add(i > 10 && i % 7 == 0 ? PdqIndexTest.flip(list.get(r.nextInt(i)), r.nextInt(32), r)
          : PdqIndexTest.random(r));
    }
    PdqIndex built = PdqIndex.of(list, 21);
    Path file = dir.resolve("wide.pdqidx");
    built.writeTo(file);
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file), 0, 64)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(header.getInt(16)).as("chunks in the file").isEqualTo(16);
    PdqIndex mapped = mapped(file);
    PdqIndex loaded = PdqIndex.read(file);
    int matched = 0;
    for (int q = 0; q < 300; q++) {
      PdqHash query = q % 3 == 0 ? PdqIndexTest.random(r)
          : PdqIndexTest.flip(list.get(r.nextInt(list.size())), r.nextInt(33), r);
      List<PdqMatch> expected = built.scan(query, 31);
      matched += expected.size();
      assertThat(built.search(query, 31)).isEqualTo(expected);
      assertThat(mapped.search(query, 31)).isEqualTo(expected);
      assertThat(loaded.search(query, 31)).isEqualTo(expected);
    }
    assertThat(matched).isGreaterThan(200);
    mapped.checkAll();
    loaded.checkAll();
  }

  /**
   * A batch answers each query as {@code search} does, on the index as built, in place and
   * loaded: random and near queries, a clustered list where some queries exceed the probing
   * budget and scan, a radius whose probes alone exceed the budget (every query scans), and more
   * queries than one sorted batch holds.
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void aBatchAnswersEachQueryAsSearchDoes(int seed, @TempDir Path dir) throws IOException {
    Random r = new Random(seed);
    List<PdqHash> list = new ArrayList<>();
    List<PdqHash> centres = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      centres.add(PdqIndexTest.random(r));
    }
    for (int i = 0; i < 20_000; i++) {
      list.add(i % 4 == 0 ? PdqIndexTest.flip(centres.get(r.nextInt(20)), r.nextInt(12), r)
          : PdqIndexTest.random(r));
    }
    PdqIndex built = PdqIndex.of(list);
    Path file = dir.resolve("batch.pdqidx");
    built.writeTo(file);
    List<PdqHash> queries = new ArrayList<>();
    for (int q = 0; q < 4500; q++) {
      queries.add(switch (q % 3) {
        case 0 -> PdqIndexTest.random(r);
        case 1 -> PdqIndexTest.flip(list.get(r.nextInt(list.size())), r.nextInt(40), r);
        default -> PdqIndexTest.flip(centres.get(r.nextInt(20)), r.nextInt(16), r);
      });
    }
    for (PdqIndex index : List.of(built, mapped(file), PdqIndex.read(file))) {
      for (int radius : new int[] {0, 31, 70}) {
        List<PdqHash> some = radius == 70 ? queries.subList(0, 300) : queries;
        int d = radius;
        assertThat(index.searchAll(some, radius)).as("radius %d", radius)
            .isEqualTo(some.stream().map(q -> index.search(q, d)).toList());
      }
    }
    assertThat(built.searchAll(List.of(), 31)).isEmpty();
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
    // Cut at every table's start and end (see the format in PdqIndex), and elsewhere.
    ByteBuffer le = ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int m = le.getInt(16);
    List<Integer> cuts = new ArrayList<>(List.of(0, 7, 27, 100, good.length / 2,
        good.length - 1, good.length - 24));
    int at = (24 + 8 * m + 31) & ~31;
    cuts.add(at);
    at += 32 * list.size();
    for (int c = 0; c < m; c++) {
      cuts.add(at);
      at = (at + 4 * ((1 << le.getInt(28 + 8 * c)) + 1) + 7) & ~7;
      cuts.add(at);
      at += 16 * list.size();
    }
    int data = (int) org.hotlinekit.hashing.testing.Regions.dataLength(good, good.length);
    assertThat(at).as("the tables end where the data ends").isEqualTo(data);
    cuts.add(data);
    for (int cut : cuts) {
      Path truncated = Files.write(dir.resolve("t" + cut), Arrays.copyOf(good, cut));
      assertThatThrownBy(() -> PdqIndex.read(truncated))
          .as("cut at %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
    byte[] flipped = good.clone();
    flipped[good.length / 3] ^= 0x10;
    Path corrupt = Files.write(dir.resolve("corrupt"), flipped);
    assertThatThrownBy(() -> PdqIndex.read(corrupt).checkAll())
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("checksum");
    byte[] noise = new byte[5000];
    r.nextBytes(noise);
    Path foreign = Files.write(dir.resolve("foreign"), noise);
    assertThatThrownBy(() -> PdqIndex.read(foreign))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("magic");
    byte[] future = good.clone();
    ByteBuffer.wrap(future).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
    org.hotlinekit.hashing.testing.Regions.reseal(future, 0, future.length);
    Path newer = Files.write(dir.resolve("newer"), future);
    assertThatThrownBy(() -> PdqIndex.read(newer))
        .isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("version 99");
    assertThatThrownBy(() -> PdqIndex.read(dir.resolve("missing")))
        .isInstanceOf(InputReadException.class);
  }

  /**
   * A bit flipped anywhere in the file, and in particular in each table (header, hashes, a chunk's
   * bucket offsets, its postings, the block checksums, the trailer): loading refuses it; opened in
   * place, the index either refuses to open, or every query answers exactly as the intact index
   * or throws MalformedInputException (the query that reads the bad block), never a wrong result;
   * and checkAll() refuses it.
   */
  @Test
  void aFlippedBitIsNeverAWrongResult(@TempDir Path dir) throws IOException {
    Random r = new Random(3);
    List<PdqHash> list = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      list.add(i > 10 && i % 3 == 0 ? PdqIndexTest.flip(list.get(r.nextInt(i)), r.nextInt(20), r)
          : PdqIndexTest.random(r));
    }
    PdqIndex intact = PdqIndex.of(list);
    Path file = dir.resolve("a.pdqidx");
    intact.writeTo(file);
    byte[] good = Files.readAllBytes(file);
    int data = (int) org.hotlinekit.hashing.testing.Regions.dataLength(good, good.length);
    // Data layout (see PdqIndex): a header of 24 bytes and the chunk layout, padded to 32; the
    // hashes; per chunk its bucket offsets and its postings of 16 bytes (bits, then bits and
    // entry).
    int m = ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(16);
    int wordsAt = (24 + 8 * m + 31) & ~31;
    int offsetsAt = wordsAt + 32 * list.size();
    int width = ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(28);
    int postingsAt = (offsetsAt + 4 * ((1 << width) + 1) + 7) & ~7;
    List<Integer> positions = new ArrayList<>(List.of(0, 9, 13, 17, 30, wordsAt, wordsAt + 4000,
        offsetsAt + 4 * 7, offsetsAt + 2000, postingsAt, postingsAt + 16 * 1500 + 3,
        postingsAt + 16 * 1500 + 12, postingsAt + 16 * 2999 + 8, data - 1, data,
        data + 5, good.length - 20, good.length - 1));
    for (int k = 0; k < 40; k++) {
      positions.add(r.nextInt(good.length));
    }
    List<PdqHash> queries = new ArrayList<>();
    for (int q = 0; q < 60; q++) {
      queries.add(q % 2 == 0 ? PdqIndexTest.flip(list.get(r.nextInt(list.size())), r.nextInt(32),
          r) : PdqIndexTest.random(r));
    }
    for (int at : positions) {
      byte[] flipped = good.clone();
      flipped[at] ^= (byte) (1 << r.nextInt(8));
      Path bad = Files.write(dir.resolve("flip"), flipped);
      assertThatThrownBy(() -> PdqIndex.read(bad)).as("flip at %d", at)
          .isInstanceOf(MalformedInputException.class);
      PdqIndex opened;
      try {
        opened = mapped(bad);
      } catch (MalformedInputException | UnsupportedInputException refused) {
        continue;
      }
      for (PdqHash q : queries) {
        try {
          assertThat(opened.search(q, 31)).as("flip at %d", at).isEqualTo(intact.search(q, 31));
        } catch (MalformedInputException refused) {
          assertThat(refused).hasMessageContaining("corrupt");
        }
      }
      assertThatThrownBy(opened::checkAll).as("flip at %d", at)
          .isInstanceOf(MalformedInputException.class);
    }
  }

  /** The index in a file, opened in place. */
  static PdqIndex mapped(Path file) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      return PdqIndex.map(ch, 0, ch.size());
    }
  }
}
