package org.hotlinekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.index.PdqIndex;
import org.hotlinekit.hashing.index.PdqMatch;
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
 * Open-to-first-query: the time from a saved index file to the first answer, each invocation a
 * fresh open (file in the page cache, as on a service that reloads its list, or a CLI run after
 * the first): a {@link PdqIndex} file alone, and a whole {@link IndexedList} file with its
 * entries, first match decoded; and a PDQ index opened in place ({@link PdqIndex#map}). The
 * setup prints the build time the acceptance compares it with.
 * Forked with the launcher's memory options (G1, transparent huge pages where offered).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgs = {"-Xmx12g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages"})
public class IndexOpenBenchmark {
  @Param({"1000000", "10000000"})
  int size;

  Path pdqFile;
  Path listFile;
  PdqHash query;
  HashValue queryValue;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Random r = new Random(42);
    List<PdqHash> hashes = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      hashes.add(PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(),
          r.nextLong()}));
    }
    query = PdqIndexBenchmark.flip(hashes.get(size / 2).toWords(), 10, r);
    queryValue = HashValue.of(query);
    long t0 = System.nanoTime();
    PdqIndex index = PdqIndex.of(hashes);
    long t1 = System.nanoTime();
    pdqFile = Files.createTempFile("open", ".pdqidx");
    index.writeTo(pdqFile);
    index = null;
    List<HashListEntry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      entries.add(HashListEntry.builder("e" + i, HashValue.of(hashes.get(i))).label("A1")
          .build());
    }
    hashes = null;
    long t2 = System.nanoTime();
    IndexedList list = IndexedList.of(new HashList("bench", "bench.jsonl", entries));
    long t3 = System.nanoTime();
    listFile = Files.createTempFile("open", ".hlx");
    list.writeTo(listFile);
    System.out.printf("%nbuild %d: PdqIndex.of %.2f s, IndexedList.of %.2f s; files %d MB, %d MB%n",
        size, (t1 - t0) / 1e9, (t3 - t2) / 1e9, Files.size(pdqFile) >> 20,
        Files.size(listFile) >> 20);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(pdqFile);
    Files.deleteIfExists(listFile);
  }

  /** Opens the PDQ index file and answers one query at radius 31. */
  @Benchmark
  public List<PdqMatch> pdqIndexOpenAndQuery() {
    List<PdqMatch> found = PdqIndex.read(pdqFile).search(query, 31);
    if (found.isEmpty()) {
      throw new IllegalStateException("the planted match was not found");
    }
    return found;
  }

  /** Opens the PDQ index file in place and answers one query at radius 31. */
  @Benchmark
  public List<PdqMatch> pdqIndexMapAndQuery() throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(pdqFile)) {
      List<PdqMatch> found = PdqIndex.map(ch, 0, ch.size()).search(query, 31);
      if (found.isEmpty()) {
        throw new IllegalStateException("the planted match was not found");
      }
      return found;
    }
  }

  /** Opens the indexed list file and matches one hash, its entry decoded. */
  @Benchmark
  public List<Match> indexedListOpenAndMatch() {
    List<Match> found = Matcher.builder().list(IndexedList.read(listFile)).build()
        .match(queryValue).matches();
    if (found.isEmpty()) {
      throw new IllegalStateException("the planted match was not found");
    }
    return found;
  }
}
