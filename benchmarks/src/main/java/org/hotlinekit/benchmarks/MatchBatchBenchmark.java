package org.hotlinekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.IndexedList;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Matcher;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of queries against a list, the whole of it, one thread (run it under {@code taskset -c
 * 0} for one core): the index file as {@code hotlinekit index build} writes it, opened afresh and
 * asked every query ({@link Matcher#matchAll}, as {@code match --index --hashes} does), against a
 * brute-force pass of the same queries over every entry's hash in memory ({@code Long.bitCount}
 * of the four words; the baseline issue 13 names). Half the queries are an entry with 10 bits
 * flipped, half random; radius 31 (PDQ's default). The setup checks that both give exactly the
 * same pairs and prints how many.
 *
 * <pre>{@code taskset -c 0 java -jar benchmarks/target/benchmarks.jar MatchBatchBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages"})
public class MatchBatchBenchmark {
  @Param({"1000000"})
  int size;

  @Param({"2000"})
  int queries;

  private static final int RADIUS = 31;

  Path listFile;
  long[] words;
  List<HashValue> batch;
  long[][] queryWords;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Random r = new Random(5);
    words = new long[4 * size];
    List<HashListEntry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long[] w = {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
      System.arraycopy(w, 0, words, 4 * i, 4);
      entries.add(HashListEntry.builder("e" + i, HashValue.of(PdqHash.fromWords(w))).build());
    }
    batch = new ArrayList<>(queries);
    queryWords = new long[queries][];
    for (int q = 0; q < queries; q++) {
      long[] w;
      if (q % 2 == 0) {
        int e = r.nextInt(size);
        w = PdqIndexBenchmark.flip(new long[] {words[4 * e], words[4 * e + 1],
            words[4 * e + 2], words[4 * e + 3]}, 10, r).toWords();
      } else {
        w = new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
      }
      queryWords[q] = w;
      batch.add(HashValue.of(PdqHash.fromWords(w)));
    }
    long t0 = System.nanoTime();
    IndexedList list = IndexedList.of(new HashList("bench", "bench.txt", entries));
    listFile = Files.createTempFile("batch", ".hlx");
    list.writeTo(listFile);
    long t1 = System.nanoTime();
    Set<Long> indexed = pairs(IndexedList.read(listFile));
    Set<Long> scanned = new HashSet<>();
    for (int q = 0; q < queries; q++) {
      long[] w = queryWords[q];
      for (int i = 0; i < size; i++) {
        if (distance(w, i) <= RADIUS) {
          scanned.add((long) q << 32 | i);
        }
      }
    }
    if (!indexed.equals(scanned) || indexed.isEmpty()) {
      throw new IllegalStateException("the index found " + indexed.size()
          + " pairs and the scan " + scanned.size() + ", not the same");
    }
    System.out.printf("%nbuilt and wrote the index of %d entries in %.1f s (%d MB); %d pairs,"
        + " the same both ways%n", size, (t1 - t0) / 1e9, Files.size(listFile) >> 20,
        indexed.size());
  }

  private Set<Long> pairs(IndexedList list) {
    List<Matcher.Result> results = Matcher.builder().list(list).build().matchAll(batch);
    Set<Long> found = new HashSet<>();
    for (int q = 0; q < results.size(); q++) {
      for (Match m : results.get(q).matches()) {
        found.add((long) q << 32 | Integer.parseInt(m.entry().id().substring(1)));
      }
    }
    return found;
  }

  private int distance(long[] w, int i) {
    int base = 4 * i;
    return Long.bitCount(w[0] ^ words[base]) + Long.bitCount(w[1] ^ words[base + 1])
        + Long.bitCount(w[2] ^ words[base + 2]) + Long.bitCount(w[3] ^ words[base + 3]);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(listFile);
  }

  /** Opens the index file and matches the whole batch; the number of pairs. */
  @Benchmark
  public int indexFileBatch() {
    int pairs = 0;
    for (Matcher.Result r : Matcher.builder().list(IndexedList.read(listFile)).build()
        .matchAll(batch)) {
      pairs += r.matches().size();
    }
    return pairs;
  }

  /** Baseline: every query against every entry's hash, in memory; the number of pairs. */
  @Benchmark
  public int bruteForceBatch() {
    int pairs = 0;
    for (long[] w : queryWords) {
      for (int i = 0; i < size; i++) {
        if (distance(w, i) <= RADIUS) {
          pairs++;
        }
      }
    }
    return pairs;
  }
}
