package org.hotlinekit.scan;

import java.util.Locale;
import org.hotlinekit.categorisation.assertion.Basis;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.media.MediaHashes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code results.jsonl}: one JSON object per file or archive entry, in scan order: {@code path},
 * {@code name}, {@code status}, {@code item} (its report item), {@code archive} (true for an
 * archive, whose entries follow), {@code sameAs} (the first item with identical content), {@code
 * group} (its near-duplicate group), {@code matches}, {@code labels}, {@code pdqBelowQuality},
 * {@code reason}, the hashes ({@code size}, {@code md5}, {@code sha1}, {@code sha256}, {@code
 * pdq}, {@code quality}, {@code width}, {@code height}, plug-in {@code signals}) and {@code
 * millis}.
 */
final class ResultsFile {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ResultsFile() {}

  static String render(ScanResult result) {
    StringBuilder b = new StringBuilder();
    for (ScanItem it : result.items()) {
      b.append(JSON.writeValueAsString(line(it))).append('\n');
    }
    return b.toString();
  }

  static ObjectNode line(ScanItem it) {
    ObjectNode n = JSON.createObjectNode();
    n.put("path", it.path());
    n.put("name", it.name());
    n.put("status", it.status().name().toLowerCase(Locale.ROOT));
    it.reportItem().ifPresent(id -> n.put("item", id));
    if (it.archive()) {
      n.put("archive", true);
    }
    it.sameAs().ifPresent(s -> n.put("sameAs", s));
    it.group().ifPresent(g -> n.put("group", g));
    ArrayNode matches = n.putArray("matches");
    for (Match m : it.outcome().matches()) {
      ObjectNode o = matches.addObject();
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
    ArrayNode labels = n.putArray("labels");
    for (LabelAssertion l : it.labels()) {
      Basis.HashMatch h = (Basis.HashMatch) l.basis();
      ObjectNode o = labels.addObject();
      o.put("scheme", l.scheme().id());
      o.put("label", l.label());
      l.jurisdiction().ifPresent(j -> o.put("jurisdiction", j));
      o.put("list", h.list());
      o.put("entry", h.entry());
    }
    if (it.outcome().pdqBelowQuality()) {
      n.put("pdqBelowQuality", true);
    }
    it.outcome().reason().ifPresent(r -> n.put("reason", r));
    it.outcome().hashes().ifPresent(h -> hashes(n, h));
    n.put("millis", Math.round(it.elapsed().toNanos() / 1e4) / 100.0);
    return n;
  }

  private static void hashes(ObjectNode n, MediaHashes h) {
    n.put("size", h.size());
    for (DigestAlgorithm a : DigestAlgorithm.values()) {
      h.digests().get(a).ifPresent(d -> n.put(a.id(), d.toString()));
    }
    h.pdq().ifPresent(p -> {
      n.put("pdq", p.hash().toString());
      n.put("quality", p.quality());
    });
    h.width().ifPresent(w -> n.put("width", w));
    h.height().ifPresent(v -> n.put("height", v));
    if (!h.signals().isEmpty()) {
      ObjectNode s = n.putObject("signals");
      for (HashValue v : h.signals()) {
        s.put(v.type().id(), v.toString());
      }
    }
  }
}
