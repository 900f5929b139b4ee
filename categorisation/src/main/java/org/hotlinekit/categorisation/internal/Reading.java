package org.hotlinekit.categorisation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.AggravatingFlag;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.ContextFlag;
import org.hotlinekit.categorisation.facts.GenderPresence;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.jurisdiction.Provision;
import org.hotlinekit.categorisation.jurisdiction.Topic;

/**
 * The facts as a mapper reads them: the same questions as {@link ContentFacts} and {@link
 * Person}, each answer noted by the field of the facts document that holds it ({@code origin},
 * {@code persons[0].ageGroup}, {@code context.self_generated}, ...). What a derivation names as the
 * facts it used is exactly what it read, so it cannot name a fact it did not consult nor leave one
 * out.
 *
 * <p>Field names are those {@link org.hotlinekit.categorisation.facts.FactsJson#write} gives the
 * facts: a person's known status is {@code known.status} when the document needs format 2 (some
 * person has a known age), {@code knownAdult} otherwise; a field the document leaves out (no
 * apparent age range, no known age) is named with the value {@code (none)}, since its absence
 * takes part in the outcome.
 */
final class Reading {
  private final ContentFacts facts;
  private final Set<String> read;
  private final boolean v2;
  private final List<Someone> persons;
  private final Set<String> provisions;

  Reading(ContentFacts facts) {
    this(facts, new TreeSet<>(Reading::compareFields), new java.util.LinkedHashSet<>());
  }

  private Reading(ContentFacts facts, Set<String> read, Set<String> provisions) {
    this.facts = facts;
    this.read = read;
    this.provisions = provisions;
    this.v2 = facts.persons().stream().anyMatch(p -> p.knownAge().isPresent());
    List<Someone> list = new ArrayList<>();
    for (int i = 0; i < facts.persons().size(); i++) {
      list.add(new Someone(i, facts.persons().get(i)));
    }
    this.persons = Collections.unmodifiableList(list);
  }

  /** Other facts (one reading of contradicting facts), noted in this reading's record. */
  Reading sharing(ContentFacts other) {
    return new Reading(other, read, provisions);
  }

  ContentFacts facts() {
    return facts;
  }

  ContentOrigin origin() {
    read.add("origin");
    return facts.origin();
  }

  /** The persons; reading that there are none is reading {@code persons}. */
  List<Someone> persons() {
    if (persons.isEmpty()) {
      read.add("persons");
    }
    return persons;
  }

  GenderPresence gender() {
    read.add("gender");
    return facts.gender();
  }

  SexualContentLevel level() {
    read.add("level");
    return facts.level();
  }

  Tri adultInvolved() {
    read.add("adultInvolved");
    return facts.adultInvolved();
  }

  Set<AggravatingFlag> aggravating() {
    read.add("aggravating");
    return facts.aggravating();
  }

  Tri context(ContextFlag flag) {
    read.add("context." + StrictJson.json(flag));
    return facts.context(flag);
  }

  /** Whether a field has been read. */
  boolean hasRead(String field) {
    return read.contains(field);
  }

  /** A jurisdiction's provision on a topic, noted as consulted. */
  Provision provision(JurisdictionProfile profile, Topic topic) {
    provisions.add(profile.code() + " profile " + profile.version() + ": "
        + topic.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    return profile.provision(topic);
  }

  /** A jurisdiction's age limit for a child, noted as consulted. */
  int childAgeLimit(JurisdictionProfile profile) {
    provisions.add(profile.code() + " profile " + profile.version() + ": child age limit "
        + profile.childAgeLimit());
    return profile.childAgeLimit();
  }

  /** The jurisdiction provisions consulted, in words, or empty. */
  Optional<String> provisions() {
    return provisions.isEmpty() ? Optional.empty()
        : Optional.of("consulted " + String.join("; ", provisions));
  }

  /**
   * The fields read so far with their values in the given facts (the facts as recorded: where
   * contradicting facts were read both ways, the recorded values, not the readings').
   */
  Map<String, String> used(ContentFacts recorded) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String field : read) {
      out.put(field, value(recorded, field));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The value of a field of the facts, as the facts document writes it. */
  static String value(ContentFacts f, String field) {
    switch (field) {
      case "origin":
        return StrictJson.json(f.origin());
      case "persons":
        return f.persons().isEmpty() ? "[]" : f.persons().size() + " persons";
      case "gender":
        return StrictJson.json(f.gender());
      case "level":
        return StrictJson.json(f.level());
      case "adultInvolved":
        return StrictJson.json(f.adultInvolved());
      case "aggravating":
        List<String> flags = new ArrayList<>();
        f.aggravating().forEach(a -> flags.add(StrictJson.json(a)));
        return "[" + String.join(", ", flags) + "]";
      default:
        break;
    }
    if (field.startsWith("context.")) {
      for (ContextFlag c : ContextFlag.values()) {
        if (field.equals("context." + StrictJson.json(c))) {
          return StrictJson.json(f.context(c));
        }
      }
    }
    if (field.startsWith("persons[")) {
      int close = field.indexOf(']');
      Person p = f.persons().get(Integer.parseInt(field.substring(8, close)));
      switch (field.substring(close + 2)) {
        case "ageGroup":
          return StrictJson.json(p.group());
        case "ageRange":
          return p.minYears().isPresent()
              ? p.minYears().getAsInt() + "-" + p.maxYears().getAsInt() : "(none)";
        case "knownAdult":
          return StrictJson.json(p.knownAdult());
        case "known.status":
          return p.knownAdult() == Tri.NO ? "minor" : p.knownAdult() == Tri.YES ? "adult"
              : "unknown";
        case "known.age":
          return p.knownAge().isPresent() ? Integer.toString(p.knownAge().getAsInt()) : "(none)";
        default:
          break;
      }
    }
    throw new IllegalArgumentException("not a facts field: " + field);
  }

  /** Document order: the top-level fields as written, persons by index, context by flag. */
  private static int compareFields(String a, String b) {
    int c = Integer.compare(rank(a), rank(b));
    if (c != 0) {
      return c;
    }
    if (a.startsWith("persons[") && b.startsWith("persons[")) {
      c = Integer.compare(index(a), index(b));
      if (c != 0) {
        return c;
      }
      return Integer.compare(personRank(a), personRank(b));
    }
    return a.compareTo(b);
  }

  private static final List<String> TOP = List.of("origin", "persons", "gender", "level",
      "adultInvolved", "aggravating", "context");
  private static final List<String> PERSON = List.of("ageGroup", "ageRange", "knownAdult",
      "known.status", "known.age");

  private static int rank(String field) {
    String top = field.startsWith("persons") ? "persons"
        : field.startsWith("context.") ? "context" : field;
    return TOP.indexOf(top);
  }

  private static int index(String field) {
    return Integer.parseInt(field.substring(8, field.indexOf(']')));
  }

  private static int personRank(String field) {
    return PERSON.indexOf(field.substring(field.indexOf(']') + 2));
  }

  /** One person as a mapper reads it, each answer noted by its field. */
  final class Someone {
    private final int index;
    private final Person person;
    // The field names, made once: a mapper asks a person's questions many times.
    private final String ageGroup;
    private final String ageRange;
    private final String status;
    private final String age;

    private Someone(int index, Person person) {
      this.index = index;
      this.person = person;
      String at = "persons[" + index + "].";
      this.ageGroup = at + "ageGroup";
      this.ageRange = at + "ageRange";
      this.status = at + (v2 ? "known.status" : "knownAdult");
      this.age = at + "known.age";
    }

    int index() {
      return index;
    }

    AgeGroup group() {
      read.add(ageGroup);
      return person.group();
    }

    OptionalInt minYears() {
      read.add(ageRange);
      return person.minYears();
    }

    OptionalInt maxYears() {
      read.add(ageRange);
      return person.maxYears();
    }

    Tri knownAdult() {
      read.add(status);
      return person.knownAdult();
    }

    OptionalInt knownAge() {
      read.add(age);
      return person.knownAge();
    }

    /** The source of the known age: provenance, quoted, not a fact a rule decides on. */
    Optional<String> knownAgeSource() {
      return person.knownAgeSource();
    }
  }
}
