package org.hotlinekit.examples.cli;

import java.util.List;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.match.Triage;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

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

  /**
   * One outcome as a JSON line. Written with Jackson's streaming generator alone: building the
   * databind mapper costs a fresh process about a tenth of a second on one core, for lines whose
   * members are a handful of strings and numbers.
   */
  static String json(String key, String first, Triage.Outcome o) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      g.writeStringProperty(key, first);
      g.writeStringProperty("status", Cli.lower(o.status()));
      g.writeName("matches");
      g.writeStartArray();
      for (Match m : o.matches()) {
        match(g, m);
      }
      g.writeEndArray();
      if (o.pdqBelowQuality()) {
        g.writeBooleanProperty("pdqBelowQuality", true);
      }
      if (o.reason().isPresent()) {
        g.writeStringProperty("reason", o.reason().get());
      }
      if (!o.suppressed().isEmpty()) {
        g.writeName("suppressed");
        g.writeStartArray();
        for (Matcher.Suppressed x : o.suppressed()) {
          g.writeStartObject();
          g.writeStringProperty("list", x.match().list());
          g.writeStringProperty("entry", x.match().entry().id());
          g.writeStringProperty("type", x.match().type().id());
          g.writeNumberProperty("distance", x.match().distance());
          g.writeStringProperty("reason", x.reason());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    return text.toString();
  }

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private static void match(JsonGenerator g, Match m) {
    g.writeStartObject();
    g.writeStringProperty("list", m.list());
    g.writeStringProperty("entry", m.entry().id());
    g.writeStringProperty("type", m.type().id());
    if (m.video().isPresent()) {
      // A listed video's frames are thousands of characters: the shares say how it matched.
      g.writeNumberProperty("distance", m.distance());
      g.writeNumberProperty("queryFramesMatched", percent(m.video().get().queryMatchPercent()));
      g.writeNumberProperty("listedFramesMatched",
          percent(m.video().get().targetMatchPercent()));
    } else {
      g.writeStringProperty("hash", m.entry().hash().toString());
      g.writeNumberProperty("distance", m.distance());
    }
    if (m.variant() != Dihedral.ORIG) {
      g.writeStringProperty("variant", m.variant().referenceName());
    }
    if (m.entry().label().isPresent()) {
      g.writeStringProperty("label", m.entry().label().get());
    }
    g.writeEndObject();
  }

  /** The exit code for a run's outcomes: failures first, then unverified items. */
  static int exitCode(int failed, int unverified) {
    return failed > 0 ? HotlinekitCli.EXIT_INPUT_FAILED : unverified > 0 ? EXIT_UNVERIFIED : 0;
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
