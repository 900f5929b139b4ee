package org.hotlinekit.iccam.json;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotlinekit.categorisation.assertion.Basis;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.categorisation.facts.FactsJson;
import org.hotlinekit.iccam.model.Action;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.CodeLists;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Fingerprint;
import org.hotlinekit.iccam.model.Report;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document writer as it was written before it became a streaming generator: the document
 * built as a databind tree, then written by the mapper. The oracle of {@link ReportJsonWriterTest}:
 * the streaming writer must give these bytes.
 */
final class TreeWriterOracle {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TreeWriterOracle() {}

  static byte[] write(ReportDocument document) {
    return serialise(tree(document), true);
  }

  static byte[] writeCompact(ReportDocument document) {
    return serialise(tree(document), false);
  }

  private static ObjectNode tree(ReportDocument document) {
    ObjectNode root = head(document.packet());
    ArrayNode reports = root.putArray("reports");
    for (Report r : document.reports()) {
      reports.add(report(r));
    }
    return root;
  }

  /** The members before {@code reports}, in the order the writer gives them. */
  private static ObjectNode head(Optional<PacketInfo> packet) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", ReportJson.FORMAT);
    root.put("version", ReportJson.VERSION);
    root.putArray("crit");
    root.put("codeLists", CodeLists.bundled().version());
    packet.ifPresent(p -> {
      ObjectNode o = root.putObject("packet");
      o.put("packetId", p.packetId().toString());
      o.put("created", p.created().toString());
      o.put("sender", p.sender());
      ArrayNode a = o.putArray("recipientCertSha256");
      p.recipientCertSha256().forEach(a::add);
    });
    return root;
  }

  private static byte[] serialise(ObjectNode root, boolean indented) {
    // Into Jackson's segmented builder, then one copy out (writeValueAsBytes and appending the
    // newline would copy the whole document twice).
    try (ByteArrayBuilder out = new ByteArrayBuilder()) {
      if (indented) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JSON.writer().with(pp).writeValue(out, root);
      } else {
        JSON.writer().writeValue(out, root);
      }
      out.write('\n');
      return out.toByteArray();
    }
  }

  private static ObjectNode report(Report r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("reference", r.reference());
    n.put("reportingHotline", r.reportingHotline());
    n.put("receivedAt", r.receivedAt().toString());
    n.put("timeZone", r.timeZone().getId());
    n.put("sourceUrl", r.sourceUrl());
    r.referrer().ifPresent(v -> n.put("referrer", v));
    r.siteType().ifPresent(v -> n.put("siteType", v));
    r.commerciality().ifPresent(v -> n.put("commerciality", v));
    if (!r.paymentMethods().isEmpty()) {
      ArrayNode a = n.putArray("paymentMethods");
      r.paymentMethods().forEach(a::add);
    }
    r.memo().ifPresent(v -> n.put("memo", v));
    ArrayNode items = n.putArray("items");
    for (ContentItem i : r.items()) {
      items.add(item(i));
    }
    return n;
  }

  private static ObjectNode item(ContentItem i) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", i.id());
    n.put("url", i.url());
    n.put("mediaType", lower(i.mediaType()));
    i.hosting().ifPresent(h -> {
      ObjectNode o = n.putObject("hosting");
      o.put("tracedAt", h.tracedAt().toString());
      h.ip().ifPresent(v -> o.put("ip", v));
      h.country().ifPresent(v -> o.put("country", v));
      h.isp().ifPresent(v -> o.put("isp", v));
      h.asn().ifPresent(v -> o.put("asn", v));
      o.put("cdn", h.cdn());
    });
    i.assignedCountry().ifPresent(v -> n.put("assignedCountry", v));
    i.known().ifPresent(v -> n.put("known", v));
    if (!i.fingerprints().isEmpty()) {
      ArrayNode a = n.putArray("fingerprints");
      for (Fingerprint f : i.fingerprints()) {
        a.addObject().put("type", f.type().id()).put("value", f.value());
      }
    }
    labels(n, "matchLabels", i.matchLabels());
    if (!i.assessments().isEmpty()) {
      ArrayNode a = n.putArray("assessments");
      for (Assessment s : i.assessments()) {
        a.add(assessment(s));
      }
    }
    if (!i.actions().isEmpty()) {
      ArrayNode a = n.putArray("actions");
      for (Action x : i.actions()) {
        ObjectNode o = a.addObject();
        o.put("type", lower(x.type()));
        o.put("at", x.at().toString());
        o.put("actor", lower(x.actor()));
        x.analyst().ifPresent(v -> o.put("analyst", v));
        x.note().ifPresent(v -> o.put("note", v));
      }
    }
    i.memo().ifPresent(v -> n.put("memo", v));
    return n;
  }

  private static ObjectNode assessment(Assessment s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("assessor", s.assessor());
    n.put("at", s.at().toString());
    n.put("jurisdiction", s.jurisdiction());
    n.put("classification", lower(s.classification()));
    n.put("ageCategory", lower(s.ageCategory()));
    n.put("gender", lower(s.gender()));
    n.put("virtual", s.virtual());
    n.put("selfGenerated", s.selfGenerated());
    n.put("childModelling", s.childModelling());
    s.facts().ifPresent(f -> {
      JsonNode facts = JSON.readTree(FactsJson.write(f));
      n.set("facts", facts);
    });
    labels(n, "labels", s.labels());
    return n;
  }

  private static void labels(ObjectNode n, String member, List<LabelAssertion> labels) {
    if (!labels.isEmpty()) {
      ArrayNode a = n.putArray(member);
      for (LabelAssertion l : labels) {
        ObjectNode o = a.addObject();
        o.put("scheme", l.scheme().id());
        o.put("schemeVersion", l.scheme().version());
        o.put("label", l.label());
        l.jurisdiction().ifPresent(v -> o.put("jurisdiction", v));
        o.put("assessor", l.assessor().id());
        o.put("at", l.at().toString());
        ObjectNode b = o.putObject("basis");
        Basis basis = l.basis();
        if (basis instanceof Basis.Manual) {
          b.put("type", "manual");
        } else if (basis instanceof Basis.Derived) {
          b.put("type", "derived").put("mapper", ((Basis.Derived) basis).mapper())
              .put("version", ((Basis.Derived) basis).version());
        } else if (basis instanceof Basis.HashMatch) {
          Basis.HashMatch h = (Basis.HashMatch) basis;
          b.put("type", "hash_match").put("list", h.list()).put("entry", h.entry());
          h.signal().ifPresent(t -> b.put("signal", t.id()));
          h.distance().ifPresent(d -> b.put("distance", d));
        } else {
          b.put("type", "classifier").put("model", ((Basis.Classifier) basis).model())
              .put("score", ((Basis.Classifier) basis).score());
        }
        if (!l.explanation().isEmpty()) {
          o.put("explanation", l.explanation());
        }
      }
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
