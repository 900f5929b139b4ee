package org.hotlinekit.categorisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.AggravatingFlag;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.ContextFlag;
import org.hotlinekit.categorisation.facts.GenderPresence;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The facts JSON, read strictly and written in a stable key order. */
public final class FactsParser {
  private FactsParser() {}

  public static final String FORMAT = "hotlinekit-facts";
  public static final int FORMAT_VERSION = 1;
  static final String[] BODY = {"origin", "persons", "gender", "level", "adultInvolved",
      "aggravating", "context"};

  /** A whole facts document: format, version, and origin, persons and level required. */
  public static ContentFacts document(StrictJson.At doc) {
    List<String> allowed = new ArrayList<>(List.of(BODY));
    allowed.add("format");
    allowed.add("formatVersion");
    allowed.add("note");
    doc.object(allowed.toArray(new String[0]));
    doc.formatHeader(FORMAT, FORMAT_VERSION, "facts");
    doc.optional("note").ifPresent(StrictJson.At::string);
    doc.required("origin");
    doc.required("persons");
    doc.required("level");
    return body(doc);
  }

  /** The facts fields of an object (every one optional), e.g. a vocabulary mapping's facts. */
  public static ContentFacts partial(StrictJson.At at) {
    at.object(BODY);
    return body(at);
  }

  private static ContentFacts body(StrictJson.At doc) {
    ContentFacts.Builder b = ContentFacts.builder();
    doc.optional("origin").ifPresent(o -> b.origin(o.enumValue(ContentOrigin.class)));
    Optional<StrictJson.At> persons = doc.optional("persons");
    if (persons.isPresent()) {
      for (StrictJson.At p : persons.get().elements()) {
        b.person(person(p));
      }
    }
    doc.optional("gender").ifPresent(g -> b.gender(g.enumValue(GenderPresence.class)));
    doc.optional("level").ifPresent(l -> b.level(l.enumValue(SexualContentLevel.class)));
    doc.optional("adultInvolved").ifPresent(a -> b.adultInvolved(a.enumValue(Tri.class)));
    Optional<StrictJson.At> aggravating = doc.optional("aggravating");
    if (aggravating.isPresent()) {
      for (StrictJson.At a : aggravating.get().elements()) {
        b.aggravating(a.enumValue(AggravatingFlag.class));
      }
    }
    Optional<StrictJson.At> context = doc.optional("context");
    if (context.isPresent()) {
      StrictJson.At c = context.get().object(
          StrictJson.json(ContextFlag.class).toArray(new String[0]));
      for (ContextFlag f : ContextFlag.values()) {
        c.optional(StrictJson.json(f)).ifPresent(x -> b.context(f, x.enumValue(Tri.class)));
      }
    }
    return b.build();
  }

  private static Person person(StrictJson.At p) {
    p.object("ageGroup", "ageRange", "knownAdult");
    Person person = Person.of(p.required("ageGroup").enumValue(AgeGroup.class));
    Optional<StrictJson.At> range = p.optional("ageRange");
    if (range.isPresent()) {
      StrictJson.At r = range.get().object("min", "max");
      int min = r.required("min").integer(0, 120);
      int max = r.required("max").integer(0, 120);
      if (min > max) {
        throw r.error("min " + min + " is greater than max " + max);
      }
      person = person.withAgeRange(min, max);
    }
    Optional<StrictJson.At> adult = p.optional("knownAdult");
    if (adult.isPresent()) {
      person = person.withKnownAdult(adult.get().enumValue(Tri.class));
    }
    return person;
  }

  /** Writes a facts document; unknown values are written too, so nothing is implied. */
  public static String write(ContentFacts f) {
    ObjectNode n = StrictJson.JSON.createObjectNode();
    n.put("format", FORMAT);
    n.put("formatVersion", FORMAT_VERSION);
    n.put("origin", StrictJson.json(f.origin()));
    ArrayNode persons = n.putArray("persons");
    for (Person p : f.persons()) {
      ObjectNode o = persons.addObject();
      o.put("ageGroup", StrictJson.json(p.group()));
      if (p.minYears().isPresent()) {
        ObjectNode r = o.putObject("ageRange");
        r.put("min", p.minYears().getAsInt());
        r.put("max", p.maxYears().getAsInt());
      }
      o.put("knownAdult", StrictJson.json(p.knownAdult()));
    }
    n.put("gender", StrictJson.json(f.gender()));
    n.put("level", StrictJson.json(f.level()));
    n.put("adultInvolved", StrictJson.json(f.adultInvolved()));
    ArrayNode agg = n.putArray("aggravating");
    f.aggravating().forEach(a -> agg.add(StrictJson.json(a)));
    ObjectNode c = n.putObject("context");
    for (Map.Entry<ContextFlag, Tri> e : f.context().entrySet()) {
      c.put(StrictJson.json(e.getKey()), StrictJson.json(e.getValue()));
    }
    return StrictJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
  }
}
