package org.hotlinekit.examples.cli;

import java.util.List;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.match.Triage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The output of matches and triage outcomes, shared by {@code match} and {@code triage}. */
final class MatchOutput {

  /** Exit code when no input failed but some are unverified (a hash could not be computed). */
  static final int EXIT_UNVERIFIED = 3;

  private MatchOutput() {}

  /** The TSV header: the first column's name, then status, matches, pdqBelowQuality, reason. */
  static String header(String first) {
    return first + "\tstatus\tmatches\tpdqBelowQuality\treason";
  }

  /** One outcome as a TSV row. */
  static String row(String first, Triage.Outcome o) {
    // Suppressed matches (disputed or quarantined entries) are said in the reason column.
    List<String> why = new java.util.ArrayList<>();
    o.reason().ifPresent(why::add);
    for (Matcher.Suppressed x : o.suppressed()) {
      why.add("suppressed " + x.match().list() + ":" + x.match().entry().id() + " ("
          + x.reason() + ")");
    }
    return HashCommand.Columns.escape(first) + "\t" + Cli.lower(o.status()) + "\t"
        + cell(o.matches()) + "\t" + (o.pdqBelowQuality() ? "true" : "") + "\t"
        + HashCommand.Columns.escape(String.join("; ", why));
  }

  /** One outcome as a JSON line. */
  static String json(String key, String first, Triage.Outcome o) {
    ObjectNode n = Cli.json().createObjectNode();
    n.put(key, first);
    n.put("status", Cli.lower(o.status()));
    n.set("matches", matches(o.matches()));
    if (o.pdqBelowQuality()) {
      n.put("pdqBelowQuality", true);
    }
    o.reason().ifPresent(r -> n.put("reason", r));
    if (!o.suppressed().isEmpty()) {
      ArrayNode a = n.putArray("suppressed");
      for (Matcher.Suppressed x : o.suppressed()) {
        a.addObject().put("list", x.match().list()).put("entry", x.match().entry().id())
            .put("type", x.match().type().id()).put("distance", x.match().distance())
            .put("reason", x.reason());
      }
    }
    return Cli.json().writeValueAsString(n);
  }

  /** The exit code for a run's outcomes: failures first, then unverified items. */
  static int exitCode(int failed, int unverified) {
    return failed > 0 ? HotlinekitCli.EXIT_INPUT_FAILED : unverified > 0 ? EXIT_UNVERIFIED : 0;
  }

  static ArrayNode matches(List<Match> matches) {
    ArrayNode a = Cli.json().createArrayNode();
    for (Match m : matches) {
      ObjectNode o = a.addObject();
      o.put("list", m.list());
      o.put("entry", m.entry().id());
      o.put("type", m.type().id());
      if (m.video().isPresent()) {
        // A listed video's frames are thousands of characters: the shares say how it matched.
        o.put("distance", m.distance());
        o.put("queryFramesMatched", percent(m.video().get().queryMatchPercent()));
        o.put("listedFramesMatched", percent(m.video().get().targetMatchPercent()));
      } else {
        o.put("hash", m.entry().hash().toString());
        o.put("distance", m.distance());
      }
      if (m.variant() != Dihedral.ORIG) {
        o.put("variant", m.variant().referenceName());
      }
      m.entry().label().ifPresent(l -> o.put("label", l));
    }
    return a;
  }

  /** A share of frames in percent, to two decimals. */
  private static double percent(double p) {
    return Math.round(p * 100) / 100.0;
  }

  /** A TSV cell for the matches: {@code list:entry:distance[:label]}, comma-separated. */
  static String cell(List<Match> matches) {
    StringBuilder b = new StringBuilder();
    for (Match m : matches) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(m.list()).append(':').append(m.entry().id()).append(':').append(m.distance());
      m.entry().label().ifPresent(l -> b.append(':').append(l));
    }
    return b.toString().replace("\t", " ").replace("\n", " ");
  }
}
