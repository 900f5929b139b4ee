package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flooding entry is quarantined and reported, and no longer decides "known"; a person's
 * confirmation releases it for good; disputed entries are suppressed with their reason; both
 * states survive in their files.
 */
class FloodGuardTest {
  static PdqHash random(Random r) {
    return PdqHash.fromWords(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()});
  }

  static PdqHash near(PdqHash h, Random r) {
    long[] w = h.toWords();
    for (int k = 0; k < 8; k++) {
      int bit = r.nextInt(256);
      w[bit >>> 6] ^= 1L << (bit & 63);
    }
    return PdqHash.fromWords(w);
  }

  record Fixture(HashList list, PdqHash planted, List<PdqHash> others) {}

  static Fixture fixture(Random r) {
    List<HashListEntry> entries = new ArrayList<>();
    List<PdqHash> others = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      PdqHash h = random(r);
      others.add(h);
      entries.add(HashListEntry.builder("e" + i, HashValue.of(h)).label("A1").build());
    }
    PdqHash planted = random(r);
    entries.add(HashListEntry.builder("planted", HashValue.of(planted)).label("A1").build());
    return new Fixture(new HashList("list", "test", entries), planted, others);
  }

  /**
   * The same stream decided in batches (Triage.decideAll, their PDQ hashes searched together)
   * gives the same outcomes as one at a time: the guard counts the queries in their order, so it
   * quarantines at the same query.
   */
  @Test
  void batchesAreDecidedAsOneAtATime() {
    Random r = new Random(3);
    Fixture f = fixture(r);
    List<Path> names = new ArrayList<>();
    List<HashValue> queries = new ArrayList<>();
    for (int q = 0; q < 4_000; q++) {
      names.add(Path.of("q" + q));
      queries.add(HashValue.of(q % 2 == 0 ? near(f.planted(), r)
          : near(f.others().get(r.nextInt(f.others().size())), r)));
    }
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse(
        "2026-12-07T06:00:00Z"), java.time.ZoneOffset.UTC);
    Triage single = Triage.builder().list(f.list()).floodGuard(FloodGuard.builder()
        .window(1_000).share(0.05).minQueries(500).clock(clock).build()).build();
    Triage batched = Triage.builder().list(f.list()).floodGuard(FloodGuard.builder()
        .window(1_000).share(0.05).minQueries(500).clock(clock).build()).build();
    List<Triage.Outcome> expected = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      expected.add(single.decide(names.get(q), queries.get(q)));
    }
    List<Triage.Outcome> actual = new ArrayList<>();
    for (int from = 0; from < queries.size(); from += 700) {
      int to = Math.min(queries.size(), from + 700);
      actual.addAll(batched.decideAll(names.subList(from, to), queries.subList(from, to)));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.get(502).suppressed()).hasSize(1);
    assertThatThrownBy(() -> batched.decideAll(names.subList(0, 2), queries.subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 names for 3");
  }

  /** Half of a generated stream near the planted entry, the rest spread over the others. */
  @Test
  void anEntryMatchingHalfTheStreamIsQuarantinedAndReported() {
    Random r = new Random(3);
    Fixture f = fixture(r);
    FloodGuard guard = FloodGuard.builder().window(1_000).share(0.05).minQueries(500).build();
    Triage triage = Triage.builder().list(f.list()).floodGuard(guard).build();
    int knownByPlantedBefore = 0;
    int quarantinedAt = -1;
    for (int q = 0; q < 4_000; q++) {
      boolean toPlanted = q % 2 == 0;
      PdqHash query = toPlanted ? near(f.planted(), r)
          : near(f.others().get(r.nextInt(f.others().size())), r);
      Triage.Outcome o = triage.decide(Path.of("q" + q), HashValue.of(query));
      if (toPlanted) {
        if (o.status() == Triage.Status.KNOWN) {
          knownByPlantedBefore++;
          assertThat(quarantinedAt).isNegative();
        } else {
          // Held back: not known by it, and said why.
          assertThat(o.status()).isEqualTo(Triage.Status.NEW);
          assertThat(o.suppressed()).hasSize(1);
          assertThat(o.suppressed().get(0).match().entry().id()).isEqualTo("planted");
          assertThat(o.suppressed().get(0).reason()).startsWith("quarantined since");
          if (quarantinedAt < 0) {
            quarantinedAt = q;
          }
        }
      } else {
        // The other entries (about 0.5 % each) are never held back.
        assertThat(o.status()).isEqualTo(Triage.Status.KNOWN);
        assertThat(o.suppressed()).isEmpty();
      }
    }
    // Quarantined once the minimum was seen: the 500 queries 0..499 hold 250 near it; query 500
    // (near it, decided before it is counted) is the 251st it makes known and trips the guard;
    // from query 502, the next near it, it is held back. Reported once.
    assertThat(knownByPlantedBefore).isEqualTo(251);
    assertThat(quarantinedAt).isEqualTo(502);
    List<FloodGuard.Quarantine> reported = guard.newlyQuarantined();
    assertThat(reported).extracting(FloodGuard.Quarantine::entry).containsExactly("planted");
    assertThat(reported.get(0).reason()).contains("of the last");
    assertThat(guard.newlyQuarantined()).isEmpty();

    // A person confirms it: it matches again and is never quarantined again.
    guard.confirm("list", "planted");
    for (int q = 0; q < 2_000; q++) {
      Triage.Outcome o = triage.decide(Path.of("c" + q), HashValue.of(near(f.planted(), r)));
      assertThat(o.status()).isEqualTo(Triage.Status.KNOWN);
    }
    assertThat(guard.quarantined()).isEmpty();
  }

  @Test
  void theStateFileKeepsQuarantinedAndConfirmedEntries(@TempDir Path dir) {
    Random r = new Random(4);
    Fixture f = fixture(r);
    FloodGuard.Builder settings = FloodGuard.builder().window(100).share(0.2).minQueries(50);
    FloodGuard guard = settings.build();
    Matcher m = Matcher.builder().list(f.list()).floodGuard(guard).build();
    for (int q = 0; q < 200; q++) {
      m.match(HashValue.of(near(q % 2 == 0 ? f.planted() : f.others().get(0), r)));
    }
    assertThat(guard.quarantined()).extracting(FloodGuard.Quarantine::entry)
        .containsExactlyInAnyOrder("planted", "e0");
    guard.confirm("list", "e0");
    Path state = dir.resolve("flood.jsonl");
    guard.write(state);
    FloodGuard again = FloodGuard.read(state, settings);
    assertThat(again.quarantined()).isEqualTo(guard.quarantined());
    Matcher m2 = Matcher.builder().list(f.list()).floodGuard(again).build();
    assertThat(m2.match(HashValue.of(f.planted())).matches()).isEmpty();
    for (int q = 0; q < 200; q++) {
      assertThat(m2.match(HashValue.of(near(f.others().get(0), r))).matches()).hasSize(1);
    }
    assertThat(again.quarantined()).extracting(FloodGuard.Quarantine::entry)
        .containsExactly("planted");
  }

  @Test
  void disputedEntriesAreSuppressedWithTheirReason(@TempDir Path dir) throws Exception {
    Random r = new Random(5);
    Fixture f = fixture(r);
    Path file = Files.writeString(dir.resolve("disputed.jsonl"),
        "{\"list\":\"list\",\"entry\":\"e7\",\"reason\":\"a logo, checked by an analyst\"}\n\n");
    Disputes d = Disputes.read(file);
    assertThat(d.size()).isEqualTo(1);
    Triage triage = Triage.builder().list(f.list()).disputes(d).build();
    Triage.Outcome o = triage.decide(Path.of("q"), HashValue.of(near(f.others().get(7), r)));
    assertThat(o.status()).isEqualTo(Triage.Status.NEW);
    assertThat(o.suppressed()).singleElement().satisfies(s -> {
      assertThat(s.match().entry().id()).isEqualTo("e7");
      assertThat(s.reason()).isEqualTo("disputed: a logo, checked by an analyst");
    });
    assertThat(triage.decide(Path.of("q"), HashValue.of(f.others().get(8))).status())
        .isEqualTo(Triage.Status.KNOWN);
    for (String bad : List.of("{\"list\":\"list\",\"entry\":\"e7\"}",
        "{\"list\":\"list\",\"entry\":\"e7\",\"reason\":\"\"}",
        "{\"list\":\"list\",\"entry\":7,\"reason\":\"x\"}", "not json",
        "{\"list\":\"l\",\"entry\":\"e\",\"reason\":\"r\",\"by\":\"x\"}")) {
      Path b = Files.writeString(dir.resolve("bad.jsonl"), "\n" + bad + "\n");
      assertThatThrownBy(() -> Disputes.read(b)).as(bad)
          .isInstanceOf(MalformedInputException.class).hasMessageContaining("bad.jsonl:2:");
    }
    assertThat(Disputes.of(Map.of("list", Map.of("e1", "r"))).reason("list", "e1"))
        .contains("r");
  }
}
