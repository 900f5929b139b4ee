package org.hotlinekit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.index.PdqIndex;
import org.hotlinekit.hashing.index.PdqMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PDQ near-match search, one thread: the multi-index against the brute-force scan of the same
 * index in the same run, on the index as built, as read back from its file and as opened in place,
 * on uniformly random lists and on a clustered list (entries near a few
 * thousand centres, as real lists are less uniform than random bits). Half the queries are
 * near-duplicates of an entry (distance 0..40), half random.
 * Forked with the launcher's memory options (G1, transparent huge pages where offered).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages"})
public class PdqIndexBenchmark {
  @Param({"1000000", "10000000"})
  int size;

  @Param({"random", "clustered"})
  String shape;

  @Param({"31"})
  int radius;

  /**
   * "built": the index as built in memory; "opened": saved to a file and read back
   * ({@link PdqIndex#read}); "mapped": saved and opened in place ({@link PdqIndex#map}).
   */
  @Param({"built", "opened", "mapped"})
  String source;

  PdqIndex index;
  PdqHash[] queries;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(42);
    List<PdqHash> list = new ArrayList<>(size);
    long[][] centres = new long[4096][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
    }
    for (int i = 0; i < size; i++) {
      if (shape.equals("random")) {
        list.add(PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(),
            r.nextLong()}));
      } else {
        list.add(flip(centres[r.nextInt(centres.length)], 8 + r.nextInt(40), r));
      }
    }
    long start = System.nanoTime();
    index = PdqIndex.of(list);
    System.out.printf("%nbuild %s %d: %.1f s%n", shape, size, (System.nanoTime() - start) / 1e9);
    if (source.equals("opened")) {
      try {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pdq", ".idx");
        file.toFile().deleteOnExit();
        index.writeTo(file);
        index = PdqIndex.read(file);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else if (source.equals("mapped")) {
      try {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pdq", ".idx");
        file.toFile().deleteOnExit();
        index.writeTo(file);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
          index = PdqIndex.map(ch, 0, ch.size());
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    queries = new PdqHash[1024];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = q % 2 == 0
          ? flip(list.get(r.nextInt(size)).toWords(), r.nextInt(41), r)
          : PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
    }
  }

  static PdqHash flip(long[] base, int bits, Random r) {
    long[] w = base.clone();
    for (int k = 0; k < bits; k++) {
      int b = r.nextInt(256);
      w[b >>> 6] ^= 1L << (b & 63);
    }
    return PdqHash.fromWords(w);
  }

  /** The multi-index (which itself scans where that is cheaper). */
  @Benchmark
  public List<PdqMatch> indexSearch() {
    return index.search(queries[next++ & 1023], radius);
  }

  /** Baseline: a tight Long.bitCount scan of every entry. */
  @Benchmark
  public List<PdqMatch> bruteForceScan() {
    return index.scan(queries[next++ & 1023], radius);
  }
}
