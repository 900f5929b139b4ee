package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.match.Triage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON line of an outcome, written with the streaming generator, against the same line built
 * as a tree and written by the databind mapper (the oracle): the same bytes, for seeded outcomes
 * with every optional member and strings that need escaping.
 */
class MatchOutputTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String[] TEXT = {"plain", "quote \" and \\ backslash", "tab\there",
      "line\nbreak", "\u00e9t\u00e9 \u20ac", "\u2028 separator", "\u0001 control", ""};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theStreamedLineIsTheMappersLine(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 200; i++) {
      Triage.Outcome o = outcome(r);
      String first = pick(r) + i;
      assertThat(MatchOutput.json("query", first, o)).isEqualTo(oracle("query", first, o));
    }
  }

  private static String pick(Random r) {
    return TEXT[r.nextInt(TEXT.length)];
  }

  private static Triage.Outcome outcome(Random r) {
    List<Match> matches = new ArrayList<>();
    int n = r.nextInt(3);
    for (int k = 0; k < n; k++) {
      boolean pdq = r.nextBoolean();
      HashValue hash = pdq ? HashValue.of(PdqHash.fromWords(new long[] {r.nextLong(),
          r.nextLong(), r.nextLong(), r.nextLong()}))
          : HashValue.of(HashType.MD5, bytes(r, 16));
      HashListEntry.Builder e = HashListEntry.builder("e-" + pick(r) + k, hash);
      if (r.nextBoolean()) {
        e.label(pick(r).isEmpty() ? "A1" : pick(r) + "x");
      }
      Dihedral v = pdq ? Dihedral.values()[r.nextInt(Dihedral.values().length)] : Dihedral.ORIG;
      matches.add(new Match("list " + pick(r), e.build(), hash.type(), r.nextInt(32), v));
    }
    List<Matcher.Suppressed> suppressed = new ArrayList<>();
    if (r.nextInt(4) == 0) {
      suppressed.add(new Matcher.Suppressed(new Match("q", HashListEntry.builder("logo",
          HashValue.of(HashType.MD5, bytes(r, 16))).build(), HashType.MD5, 0, Dihedral.ORIG),
          "disputed: " + pick(r)));
    }
    Triage.Status status = !matches.isEmpty() ? Triage.Status.KNOWN
        : r.nextBoolean() ? Triage.Status.NEW : Triage.Status.UNVERIFIED;
    Optional<String> reason = status == Triage.Status.UNVERIFIED
        ? Optional.of("reason " + pick(r)) : Optional.empty();
    return new Triage.Outcome(Path.of("f"), status, matches, r.nextBoolean(), reason,
        Optional.empty(), suppressed);
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /** The line as the databind tree wrote it before (member order and values). */
  private static String oracle(String key, String first, Triage.Outcome o) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put(key, first);
    n.put("status", Cli.lower(o.status()));
    ArrayNode a = n.putArray("matches");
    for (Match m : o.matches()) {
      ObjectNode x = a.addObject();
      x.put("list", m.list());
      x.put("entry", m.entry().id());
      x.put("type", m.type().id());
      x.put("hash", m.entry().hash().toString());
      x.put("distance", m.distance());
      if (m.variant() != Dihedral.ORIG) {
        x.put("variant", m.variant().referenceName());
      }
      m.entry().label().ifPresent(l -> x.put("label", l));
    }
    if (o.pdqBelowQuality()) {
      n.put("pdqBelowQuality", true);
    }
    o.reason().ifPresent(r -> n.put("reason", r));
    if (!o.suppressed().isEmpty()) {
      ArrayNode s = n.putArray("suppressed");
      for (Matcher.Suppressed x : o.suppressed()) {
        s.addObject().put("list", x.match().list()).put("entry", x.match().entry().id())
            .put("type", x.match().type().id()).put("distance", x.match().distance())
            .put("reason", x.reason());
      }
    }
    return MAPPER.writeValueAsString(n);
  }
}
