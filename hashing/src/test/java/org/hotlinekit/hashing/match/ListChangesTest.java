package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.ListChange;
import org.hotlinekit.hashing.list.Withdrawal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Changes applied to an indexed list (additions and withdrawals, in random order and batches)
 * against the oracle: the list re-indexed from scratch after the same changes, applied to a
 * plain list. Also under concurrent queries: a query sees one whole state, never half a delta.
 */
class ListChangesTest {
  /** A random hash, or one a few bits from a hash seen before (so that near matches exist). */
  static PdqHash pdq(Random r, List<PdqHash> seen) {
    if (!seen.isEmpty() && r.nextInt(3) == 0) {
      long[] w = seen.get(r.nextInt(seen.size())).toWords();
      for (int k = r.nextInt(20); k > 0; k--) {
        int bit = r.nextInt(256);
        w[bit >>> 6] ^= 1L << (bit & 63);
      }
      return PdqHash.fromWords(w);
    }
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  static HashListEntry entry(Random r, int id, List<PdqHash> seen, List<HashValue> md5s) {
    HashValue v;
    if (r.nextInt(4) == 0) {
      if (!md5s.isEmpty() && r.nextInt(3) == 0) {
        v = md5s.get(r.nextInt(md5s.size())); // the same MD5 under another id
      } else {
        byte[] b = new byte[16];
        r.nextBytes(b);
        v = HashValue.of(HashType.MD5, b);
        md5s.add(v);
      }
    } else {
      PdqHash h = pdq(r, seen);
      seen.add(h);
      v = HashValue.of(h);
    }
    HashListEntry.Builder b = HashListEntry.builder("e" + id, v);
    if (r.nextBoolean()) {
      b.label("A" + r.nextInt(3));
    }
    return b.build();
  }

  /** A batch of changes, applied to the model list as the feed says. */
  static List<ListChange> batch(Random r, List<HashListEntry> model, int[] nextId,
      List<PdqHash> seen, List<HashValue> md5s) {
    List<ListChange> out = new ArrayList<>();
    for (int k = 1 + r.nextInt(30); k > 0; k--) {
      ListChange c;
      int kind = r.nextInt(10);
      if (kind < 5 || model.isEmpty()) {
        // A new entry, or now and then an id seen before (withdrawn or not) coming back.
        int id = nextId[0] > 0 && r.nextInt(5) == 0 ? r.nextInt(nextId[0]) : nextId[0]++;
        c = ListChange.add(entry(r, id, seen, md5s));
      } else {
        HashListEntry victim = model.get(r.nextInt(model.size()));
        c = kind < 8 ? ListChange.withdraw(victim.id())
            : ListChange.withdraw(new Withdrawal(victim.id(), Optional.of(r.nextInt(4) == 0
                ? HashValue.of(pdq(r, List.of())) : victim.hash()), 1));
      }
      if (c instanceof ListChange.Added a) {
        model.add(a.entry());
      } else {
        model.removeIf(((ListChange.Withdrawn) c)::removes);
      }
      out.add(c);
    }
    return out;
  }

  static final Comparator<Match> ORDER = Comparator.comparingInt(Match::distance)
      .thenComparing(m -> m.entry().id()).thenComparing(m -> m.entry().hash().toString())
      .thenComparing(m -> m.type().id());

  static List<Match> sorted(List<Match> ms) {
    List<Match> out = new ArrayList<>(ms);
    out.sort(ORDER);
    return out;
  }

  static List<HashValue> queries(Random r, List<PdqHash> seen, List<HashValue> md5s) {
    List<HashValue> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      out.add(i % 4 == 0 && !md5s.isEmpty() ? md5s.get(r.nextInt(md5s.size()))
          : HashValue.of(pdq(r, seen)));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void changedListsMatchAsTheirRebuild(long seed, @TempDir Path dir) {
    Random r = new Random(seed);
    List<PdqHash> seen = new ArrayList<>();
    List<HashValue> md5s = new ArrayList<>();
    List<HashListEntry> model = new ArrayList<>();
    int[] nextId = {0};
    for (int i = 0; i < 400; i++) {
      model.add(entry(r, nextId[0]++, seen, md5s));
    }
    HashList base = new HashList("live", "test", model);
    // Half the seeds start from the list as saved and opened, half as built.
    IndexedList live = IndexedList.of(base);
    if (seed % 2 == 0) {
      Path file = dir.resolve("live.hlx");
      live.writeTo(file);
      live = IndexedList.read(file);
    }
    model = new ArrayList<>(model);
    for (int round = 0; round < 12; round++) {
      live = live.apply(batch(r, model, nextId, seen, md5s));
      Matcher changed = Matcher.builder().list(live).allowEmptyLists().build();
      Matcher rebuilt = Matcher.builder().list(new HashList("live", "test", model))
          .allowEmptyLists().build();
      List<HashValue> qs = queries(r, seen, md5s);
      for (HashValue q : qs) {
        assertThat(sorted(changed.match(q).matches())).as("round %d, %s", round, q)
            .isEqualTo(sorted(rebuilt.match(q).matches()));
      }
      // Matched together (their PDQ hashes searched as one batch), each answers the same.
      assertThat(changed.matchAll(qs)).as("round %d", round)
          .isEqualTo(qs.stream().map(changed::match).toList());
      assertThat(live.list().entries()).isEqualTo(model);
      assertThat(live.size()).isEqualTo(model.size());
      assertThat(live.labelled()).isEqualTo((int) model.stream()
          .filter(e -> e.label().isPresent()).count());
    }
    // Saved, the changes are compacted into one list that matches the same.
    Path compacted = dir.resolve("compacted.hlx");
    live.writeTo(compacted);
    IndexedList reopened = IndexedList.read(compacted);
    assertThat(reopened.list().entries()).isEqualTo(model);
    Matcher a = Matcher.builder().list(reopened).allowEmptyLists().build();
    Matcher b = Matcher.builder().list(live).allowEmptyLists().build();
    for (HashValue q : queries(r, seen, md5s)) {
      assertThat(sorted(a.match(q).matches())).isEqualTo(sorted(b.match(q).matches()));
    }
  }

  /** A withdrawn entry no longer matches from the moment its change is applied. */
  @ParameterizedTest
  @ValueSource(longs = {7, 8})
  void aWithdrawnEntryStopsMatchingAtOnce(long seed) {
    Random r = new Random(seed);
    List<HashListEntry> entries = new ArrayList<>();
    List<PdqHash> seen = new ArrayList<>();
    List<HashValue> md5s = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      entries.add(entry(r, i, seen, md5s));
    }
    IndexedList l = IndexedList.of(new HashList("l", "t", entries));
    Matcher m = Matcher.builder().list(l).build();
    for (HashListEntry e : entries) {
      assertThat(m.match(e.hash()).matches()).extracting(x -> x.entry().id()).contains(e.id());
      IndexedList after = l.apply(List.of(ListChange.withdraw(e.id())));
      assertThat(m.withList(after).match(e.hash()).matches())
          .extracting(x -> x.entry().id()).doesNotContain(e.id());
    }
  }

  /**
   * Queries run while updates are applied and swapped in: each result is that of one whole
   * state of the list (the state before or after a delta), never of a partly applied delta.
   */
  @ParameterizedTest
  @ValueSource(longs = {11})
  void queriesDuringUpdatesSeeWholeStates(long seed) throws Exception {
    Random r = new Random(seed);
    List<PdqHash> seen = new ArrayList<>();
    List<HashValue> md5s = new ArrayList<>();
    List<HashListEntry> model = new ArrayList<>();
    int[] nextId = {0};
    for (int i = 0; i < 300; i++) {
      model.add(entry(r, nextId[0]++, seen, md5s));
    }
    int versions = 40;
    List<List<ListChange>> deltas = new ArrayList<>();
    List<List<HashListEntry>> states = new ArrayList<>();
    states.add(List.copyOf(model));
    for (int v = 1; v < versions; v++) {
      deltas.add(batch(r, model, nextId, seen, md5s));
      states.add(List.copyOf(model));
    }
    List<HashValue> qs = queries(r, seen, md5s);
    // The oracle's answers per state and query.
    List<List<List<Match>>> expected = new ArrayList<>();
    for (List<HashListEntry> s : states) {
      Matcher m = Matcher.builder().list(new HashList("live", "t", s)).allowEmptyLists().build();
      List<List<Match>> answers = new ArrayList<>();
      for (HashValue q : qs) {
        answers.add(sorted(m.match(q).matches()));
      }
      expected.add(answers);
    }
    record State(int version, Matcher matcher, IndexedList list) {}
    IndexedList first = IndexedList.of(new HashList("live", "t", states.get(0)));
    AtomicReference<State> current = new AtomicReference<>(
        new State(0, Matcher.builder().list(first).build(), first));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        readers.add(pool.submit(() -> {
          int checked = 0;
          for (int i = 0; current.get().version() < versions - 1 || i < 200; i++) {
            State s = current.get();
            int q = (i + offset) % qs.size();
            assertThat(sorted(s.matcher().match(qs.get(q)).matches()))
                .isEqualTo(expected.get(s.version()).get(q));
            checked++;
          }
          return checked;
        }));
      }
      for (int v = 1; v < versions; v++) {
        State s = current.get();
        IndexedList next = s.list().apply(deltas.get(v - 1));
        current.set(new State(v, s.matcher().withList(next), next));
      }
      for (Future<Integer> f : readers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isGreaterThan(0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static IndexedList.AppliedDelta delta(String name, int n) {
    return new IndexedList.AppliedDelta(name, String.format("%064x", n),
        java.time.Instant.parse("2026-12-07T08:00:00Z").plusSeconds(n));
  }

  /**
   * Changes saved beside the index file are applied again on opening (same matches, same record
   * of deltas), a delta is never applied twice, compaction keeps the record and removes the
   * segment, and a segment is refused for a rebuilt file or when corrupt.
   */
  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void savedChangesComeBackWithTheirFile(long seed, @TempDir Path dir) throws Exception {
    Random r = new Random(seed);
    List<PdqHash> seen = new ArrayList<>();
    List<HashValue> md5s = new ArrayList<>();
    List<HashListEntry> model = new ArrayList<>();
    int[] nextId = {0};
    for (int i = 0; i < 300; i++) {
      model.add(entry(r, nextId[0]++, seen, md5s));
    }
    Path file = dir.resolve("live.hlx");
    IndexedList.of(new HashList("live", "test", model)).writeTo(file);
    IndexedList live = IndexedList.read(file);
    assertThat(live.appliedDeltas()).isEmpty();
    model = new ArrayList<>(model);
    for (int d = 1; d <= 3; d++) {
      live = live.apply(delta("day-" + d + ".jsonl", d), batch(r, model, nextId, seen, md5s));
      live.saveChanges();
    }
    live = live.withListVersion("2026-12-07 #3");
    live.saveChanges();
    IndexedList finalLive = live;
    assertThatThrownBy(() -> finalLive.apply(delta("again.jsonl", 2), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("applied already");
    Path segment = dir.resolve("live.hlx.delta");
    assertThat(segment).exists();
    IndexedList reopened = IndexedList.read(file);
    assertThat(reopened.appliedDeltas()).isEqualTo(live.appliedDeltas()).hasSize(3);
    assertThat(reopened.listVersion()).contains("2026-12-07 #3");
    assertThat(reopened.list().entries()).isEqualTo(model);
    Matcher a = Matcher.builder().list(reopened).allowEmptyLists().build();
    Matcher b = Matcher.builder().list(new HashList("live", "test", model)).allowEmptyLists()
        .build();
    for (HashValue q : queries(r, seen, md5s)) {
      assertThat(sorted(a.match(q).matches())).isEqualTo(sorted(b.match(q).matches()));
    }
    // A corrupt segment is refused, naming it.
    byte[] good = java.nio.file.Files.readAllBytes(segment);
    byte[] bad = good.clone();
    bad[bad.length / 3] ^= 0x10;
    java.nio.file.Files.write(segment, bad);
    assertThatThrownBy(() -> IndexedList.read(file))
        .isInstanceOf(org.hotlinekit.core.MalformedInputException.class)
        .hasMessageContaining("live.hlx.delta");
    java.nio.file.Files.write(segment, good);
    // Compacted: the record of deltas stays in the file, the segment goes.
    reopened.writeTo(file);
    assertThat(segment).doesNotExist();
    IndexedList compacted = IndexedList.read(file);
    assertThat(compacted.appliedDeltas()).isEqualTo(live.appliedDeltas());
    assertThat(compacted.listVersion()).contains("2026-12-07 #3");
    assertThat(compacted.list().entries()).isEqualTo(model);
    assertThatThrownBy(() -> compacted.apply(delta("day-1.jsonl", 1), List.of()))
        .hasMessageContaining("applied already");
    // A segment saved for the file before it was rebuilt is refused, not applied.
    java.nio.file.Files.write(segment, good);
    assertThatThrownBy(() -> IndexedList.read(file))
        .hasMessageContaining("another version of the index file");
  }

  /** A version 4 file (before the record of deltas) is still read. */
  @org.junit.jupiter.api.Test
  void versionFourFilesAreRead(@TempDir Path dir) throws Exception {
    Path v4 = dir.resolve("v4.hlx");
    try (var in = ListChangesTest.class.getResourceAsStream("IndexedListFuzzTestInputs/read/vpdq.hlx")) {
      java.nio.file.Files.copy(in, v4);
    }
    IndexedList l = IndexedList.read(v4);
    l.checkAll();
    assertThat(l.size()).isEqualTo(1);
    assertThat(l.appliedDeltas()).isEmpty();
    IndexedList changed = l.apply(delta("d", 1), List.of(ListChange.withdraw("v1")));
    changed.saveChanges();
    assertThat(IndexedList.read(v4).size()).isZero();
  }

  /**
   * A version 5 file with a PDQ index (postings without bits of their hashes) is refused with
   * the way out, not read slowly or wrongly.
   */
  @org.junit.jupiter.api.Test
  void versionFiveFilesWithAPdqIndexAreRefusedWithTheWayOut(@TempDir Path dir) throws Exception {
    Path v5 = dir.resolve("v5.hlx");
    try (var in = ListChangesTest.class.getResourceAsStream(
        "IndexedListFuzzTestInputs/read/sample-v5.hlx")) {
      java.nio.file.Files.copy(in, v5);
    }
    assertThatThrownBy(() -> IndexedList.read(v5))
        .isInstanceOf(org.hotlinekit.core.UnsupportedInputException.class)
        .hasMessageContaining("version 5 holds a PDQ index of an older format")
        .hasMessageContaining("rebuild it: hotlinekit index build");
  }

  /** A jsonl delta: entries are additions, withdrawn records withdrawals, in file order. */
  @org.junit.jupiter.api.Test
  void aJsonLinesDeltaReadsAsItsChangesInOrder(@TempDir Path dir) throws Exception {
    String md5 = "0123456789abcdef0123456789abcdef";
    Path delta = java.nio.file.Files.writeString(dir.resolve("d.jsonl"), String.join("\n",
        "{\"id\":\"a\",\"type\":\"md5\",\"hash\":\"" + md5 + "\"}",
        "{\"id\":\"b\",\"withdrawn\":true}",
        "{\"id\":\"a\",\"withdrawn\":true,\"type\":\"md5\",\"hash\":\"" + md5 + "\"}",
        "{\"id\":\"c\",\"withdrawn\":false}",
        "{\"id\":\"c\",\"withdrawn\":true,\"label\":\"A1\"}",
        "{\"id\":\"c\",\"withdrawn\":true,\"type\":\"md5\"}") + "\n");
    List<ListChange> changes = new ArrayList<>();
    var report = org.hotlinekit.hashing.list.HashListFormat.jsonLines()
        .readChanges(delta, false, changes::add);
    assertThat(report.rejected()).isEqualTo(3);
    assertThat(report.withdrawn()).isEqualTo(2);
    assertThat(changes).hasSize(3);
    assertThat(changes.get(0)).isInstanceOf(ListChange.Added.class);
    Withdrawal byId = ((ListChange.Withdrawn) changes.get(1)).withdrawal();
    assertThat(byId.id()).isEqualTo("b");
    assertThat(byId.hash()).isEmpty();
    Withdrawal byHash = ((ListChange.Withdrawn) changes.get(2)).withdrawal();
    assertThat(byHash.hash()).contains(HashValue.parse(HashType.MD5, md5));
    // Applied in order, the entry added then withdrawn is gone.
    IndexedList l = IndexedList.of(new HashList("l", "t", List.of())).apply(changes);
    assertThat(l.list().entries()).isEmpty();
  }
}
