package org.hotlinekit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.ListChange;
import org.hotlinekit.hashing.match.IndexedList;
import org.hotlinekit.hashing.match.Matcher;

/**
 * Memory of a long-running matcher over successive daily deltas: a PDQ list of N entries is
 * saved and opened as a service opens it, then 100 deltas (1,000 additions and 100 withdrawals
 * each) are applied one after the other and swapped into the matcher while the old one is
 * dropped; after each, the live heap (after a full collection) and the time to apply are
 * printed, and at the end the same after compaction. The heap grows with the changes kept since
 * the file (the additions' own index), not with the number of updates: old views are collected.
 *
 * <pre>{@code java -cp benchmarks.jar org.hotlinekit.benchmarks.LiveListMemory 1000000}</pre>
 */
public final class LiveListMemory {
  private LiveListMemory() {}

  /**
   * Runs.
   *
   * @param args the number of entries (default 1,000,000)
   * @throws Exception if the temporary file cannot be written
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Random r = new Random(9);
    List<HashListEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entries.add(HashListEntry.builder("e" + i, HashValue.of(random(r))).build());
    }
    Path file = Files.createTempFile("live", ".hlx");
    Path segment = file.resolveSibling(file.getFileName() + ".delta");
    try {
      IndexedList.of(new HashList("live", "bench", entries)).writeTo(file);
      entries = null;
      IndexedList list = IndexedList.read(file);
      AtomicReference<Matcher> matcher = new AtomicReference<>(
          Matcher.builder().list(list).build());
      System.out.printf(Locale.ROOT, "entries %d; opened: live heap %.0f MiB%n", n, liveMiB());
      System.out.println("update  changes  apply ms  live heap MiB");
      int added = 0;
      for (int u = 1; u <= 100; u++) {
        List<ListChange> delta = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
          delta.add(ListChange.add(HashListEntry.builder("u" + u + "-" + i,
              HashValue.of(random(r))).build()));
        }
        for (int i = 0; i < 100; i++) {
          delta.add(ListChange.withdraw("e" + r.nextInt(n)));
        }
        long t0 = System.nanoTime();
        list = list.apply(delta);
        matcher.set(matcher.get().withList(list));
        double ms = (System.nanoTime() - t0) / 1e6;
        added += 1_000;
        if (u % 10 == 0 || u <= 3) {
          System.out.printf(Locale.ROOT, "%6d  %7d  %8.1f  %13.0f%n", u, list.changes(), ms,
              liveMiB());
        }
      }
      long t0 = System.nanoTime();
      list.writeTo(file);
      list = IndexedList.read(file);
      matcher.set(Matcher.builder().list(list).build());
      System.out.printf(Locale.ROOT, "compacted in %.1f s (%d added): live heap %.0f MiB%n",
          (System.nanoTime() - t0) / 1e9, added, liveMiB());
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(segment);
    }
  }

  private static PdqHash random(Random r) {
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  private static double liveMiB() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
  }
}
