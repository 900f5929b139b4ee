package org.hotlinekit.examples.cli;

import java.util.List;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.match.Match;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of matches, shared by {@code match} and {@code triage}. */
final class MatchOutput {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private MatchOutput() {}

  static ArrayNode matches(List<Match> matches) {
    ArrayNode a = JSON.createArrayNode();
    for (Match m : matches) {
      ObjectNode o = a.addObject();
      o.put("list", m.list());
      o.put("entry", m.entry().id());
      o.put("type", m.type().id());
      o.put("hash", m.entry().hash().toString());
      o.put("distance", m.distance());
      if (m.variant() != Dihedral.ORIG) {
        o.put("variant", m.variant().referenceName());
      }
      m.entry().label().ifPresent(l -> o.put("label", l));
    }
    return a;
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
