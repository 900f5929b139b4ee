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
  /** The version written when the facts hold something version 1 cannot say (a known age). */
  public static final int FORMAT_VERSION = 2;
  static final String[] BODY = {"origin", "persons", "gender", "level", "adultInvolved",
      "aggravating", "context"};

  /** A whole facts document: format, version, and origin, persons and level required. */
  public static ContentFacts document(StrictJson.At doc) {
    List<String> allowed = new ArrayList<>(List.of(BODY));
    allowed.add("format");
    allowed.add("formatVersion");
    allowed.add("note");
    doc.object(allowed.toArray(new String[0]));
    int version = doc.formatHeader(FORMAT, 1, FORMAT_VERSION, "facts");
    doc.optional("note").ifPresent(StrictJson.At::string);
    doc.required("origin");
    doc.required("persons");
    doc.required("level");
    return body(doc, version);
  }

  /** The facts fields of an object (every one optional), e.g. a vocabulary mapping's facts. */
  public static ContentFacts partial(StrictJson.At at) {
    at.object(BODY);
    return body(at, 1);
  }

  private static ContentFacts body(StrictJson.At doc, int version) {
    ContentFacts.Builder b = ContentFacts.builder();
    doc.optional("origin").ifPresent(o -> b.origin(o.enumValue(ContentOrigin.class)));
    Optional<StrictJson.At> persons = doc.optional("persons");
    if (persons.isPresent()) {
      for (StrictJson.At p : persons.get().elements()) {
        b.person(version == 1 ? person(p) : personV2(p));
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
    Person person = appearance(p);
    Optional<StrictJson.At> adult = p.optional("knownAdult");
    if (adult.isPresent()) {
      person = person.withKnownAdult(adult.get().enumValue(Tri.class));
    }
    return person;
  }

  /** A person's age group and apparent age range. */
  private static Person appearance(StrictJson.At p) {
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
    return person;
  }

  /**
   * A version 2 person: appearance ({@code ageGroup}, {@code ageRange}) and what is known
   * ({@code known}: {@code status} minor, adult or unknown; {@code age} with its {@code source}).
   */
  private static Person personV2(StrictJson.At p) {
    p.object("ageGroup", "ageRange", "known");
    Person person = appearance(p);
    Optional<StrictJson.At> known = p.optional("known");
    if (known.isPresent()) {
      StrictJson.At k = known.get().object("status", "age", "source");
      Optional<String> status = k.optional("status").map(StrictJson.At::string);
      if (status.isPresent()) {
        switch (status.get()) {
          case "minor":
            person = person.withKnownAdult(Tri.NO);
            break;
          case "adult":
            person = person.withKnownAdult(Tri.YES);
            break;
          case "unknown":
            break;
          default:
            throw k.required("status").error("must be minor, adult or unknown");
        }
      }
      Optional<StrictJson.At> age = k.optional("age");
      if (age.isPresent()) {
        int years = age.get().integer(0, 120);
        String source = k.optional("source").map(StrictJson.At::nonBlank).orElseThrow(() ->
            k.error("a known age needs its \"source\" (who or what established it)"));
        person = person.withKnownAge(years, source);
      } else if (k.optional("source").isPresent()) {
        throw k.required("source").error("a source without a known age");
      }
      if (status.isEmpty() && age.isEmpty()) {
        throw k.error("give a status, an age with its source, or both");
      }
    }
    return person;
  }

  /** The contradictions in facts, one line each, naming the fields (see FactsJson). */
  public static List<String> contradictions(ContentFacts facts) {
    List<String> out = new ArrayList<>();
    Reading f = new Reading(facts);
    for (int i = 0; i < f.persons().size(); i++) {
      Reading.Someone p = f.persons().get(i);
      String fields = FactsView.knownContradiction(p).isPresent()
          ? "persons[" + i + "].known" : "persons[" + i + "].ageGroup, persons[" + i
              + "].ageRange";
      FactsView.contradiction(p).ifPresent(c -> out.add(fields + ": " + c));
    }
    FactsView.levelContradiction(facts).ifPresent(c -> out.add("level, adultInvolved: " + c));
    return out;
  }

  /** Writes a facts document; unknown values are written too, so nothing is implied. */
  public static String write(ContentFacts f) {
    ObjectNode n = StrictJson.JSON.createObjectNode();
    // Version 1 unless a person has a known age, which only version 2 can say: a reader of
    // version 1 keeps reading what it can.
    boolean v2 = f.persons().stream().anyMatch(p -> p.knownAge().isPresent());
    n.put("format", FORMAT);
    n.put("formatVersion", v2 ? 2 : 1);
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
      if (v2) {
        ObjectNode k = o.putObject("known");
        k.put("status", p.knownAdult() == Tri.NO ? "minor" : p.knownAdult() == Tri.YES ? "adult"
            : "unknown");
        p.knownAge().ifPresent(a -> k.put("age", a));
        p.knownAgeSource().ifPresent(s -> k.put("source", s));
      } else {
        o.put("knownAdult", StrictJson.json(p.knownAdult()));
      }
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
