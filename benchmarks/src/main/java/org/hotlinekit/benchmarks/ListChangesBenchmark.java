package org.hotlinekit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.ListChange;
import org.hotlinekit.hashing.match.IndexedList;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Matcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A daily delta on a large PDQ list: applying 10,000 additions and 1,000 withdrawals to an
 * indexed list ({@link IndexedList#apply}) and swapping it into a matcher, until a new entry
 * matches; and queries at radius 31 on a list with a 1 % delta (100,000 additions) against the
 * same list compacted (indexed as one), in the same run. Forked with the launcher's memory
 * options.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx16g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages"})
public class ListChangesBenchmark {
  static final int QUERIES = 1000;

  @Param({"10000000"})
  int size;

  IndexedList base;
  Matcher matcher;
  List<ListChange> delta;
  HashValue added;
  Matcher onePercent;
  Matcher compacted;
  HashValue[] queries;

  static PdqHash random(Random r) {
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  @Setup
  public void setUp() {
    Random r = new Random(17);
    List<HashListEntry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      entries.add(HashListEntry.builder("e" + i, HashValue.of(random(r))).build());
    }
    long t0 = System.nanoTime();
    base = IndexedList.of(new HashList("list", "bench", entries));
    System.out.printf("%nindexing %d entries: %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
    matcher = Matcher.builder().list(base).build();
    delta = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      delta.add(ListChange.add(HashListEntry.builder("new" + i, HashValue.of(random(r))).build()));
    }
    for (int i = 0; i < 1_000; i++) {
      delta.add(ListChange.withdraw("e" + r.nextInt(size)));
    }
    added = ((ListChange.Added) delta.get(0)).entry().hash();
    // 1 %: 100,000 additions; the compacted list holds the same entries indexed as one.
    List<ListChange> big = new ArrayList<>();
    List<HashListEntry> all = new ArrayList<>(entries);
    for (int i = 0; i < size / 100; i++) {
      HashListEntry e = HashListEntry.builder("add" + i, HashValue.of(random(r))).build();
      big.add(ListChange.add(e));
      all.add(e);
    }
    onePercent = matcher.withList(base.apply(big));
    compacted = Matcher.builder().list(IndexedList.of(new HashList("list", "bench", all))).build();
    // Half the queries near an entry (of the base or of the additions), half random.
    queries = new HashValue[QUERIES];
    for (int q = 0; q < QUERIES; q++) {
      if (q % 2 == 0) {
        long[] w = all.get(r.nextInt(all.size())).hash().asPdq().orElseThrow().toWords();
        for (int k = 0; k < 10; k++) {
          int bit = r.nextInt(256);
          w[bit >>> 6] ^= 1L << (bit & 63);
        }
        queries[q] = HashValue.of(PdqHash.fromWords(w));
      } else {
        queries[q] = HashValue.of(random(r));
      }
    }
  }

  /** Applies the delta, swaps the list in, and matches one of the new entries. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public List<Match> applyDeltaUntilANewEntryMatches() {
    Matcher m = matcher.withList(base.apply(delta));
    List<Match> found = m.match(added).matches();
    if (found.isEmpty()) {
      throw new IllegalStateException("the new entry does not match");
    }
    return found;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 4, time = 5)
  @OperationsPerInvocation(QUERIES)
  public int queriesWithOnePercentDelta() {
    return run(onePercent);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 4, time = 5)
  @OperationsPerInvocation(QUERIES)
  public int queriesCompacted() {
    return run(compacted);
  }

  private int run(Matcher m) {
    int n = 0;
    for (HashValue q : queries) {
      n += m.match(q).matches().size();
    }
    return n;
  }
}
