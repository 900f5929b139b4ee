package org.hotlinekit.categorisation;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.AggravatingFlag;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.ContextFlag;
import org.hotlinekit.categorisation.facts.FactsJson;
import org.hotlinekit.categorisation.facts.GenderPresence;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.hotlinekit.categorisation.testing.RandomFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every outcome names its rule and the facts it used, truthfully: each named field is in the facts
 * document with the value named (checked against the JSON that {@link FactsJson#write} gives, not
 * against the code that names them), and changing any field that is not named never changes the
 * outcome, so nothing that took part is left out.
 */
class FactsUsedTest {
  private static final Categoriser CATEGORISER = Categoriser.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void everyNamedFieldHoldsTheNamedValueInTheDocument(long seed) {
    Random r = new Random(seed);
    for (int n = 0; n < 150; n++) {
      ContentFacts f = facts(r);
      JsonNode doc = JSON.readTree(FactsJson.write(f));
      for (String j : Jurisdictions.BUNDLED) {
        for (Derivation d : CATEGORISER.categorise(f, j)) {
          assertThat(d.rule()).isNotBlank();
          assertThat(d.facts()).as("%s %s", d.scheme(), f).isNotEmpty();
          d.facts().forEach((field, value) -> assertThat(inDocument(doc, field))
              .as("%s names %s=%s for %s", d.scheme().id(), field, value, f).isEqualTo(value));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void aFieldThatIsNotNamedNeverChangesTheOutcome(long seed) {
    Random r = new Random(seed);
    List<String> leaks = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      ContentFacts f = facts(r);
      for (String j : Jurisdictions.BUNDLED) {
        List<Derivation> before = CATEGORISER.categorise(f, j);
        for (Map.Entry<String, List<ContentFacts>> change : changes(f).entrySet()) {
          for (ContentFacts g : change.getValue()) {
            List<Derivation> after = CATEGORISER.categorise(g, j);
            for (int k = 0; k < before.size(); k++) {
              Derivation b = before.get(k);
              if (!named(b, change.getKey()) && !outcome(b).equals(outcome(after.get(k)))) {
                leaks.add(j + " " + b.scheme().id() + ": " + change.getKey()
                    + " not named but changes " + outcome(b) + " to " + outcome(after.get(k))
                    + " for " + f + " (named: " + b.facts().keySet() + ")");
              }
            }
          }
        }
      }
    }
    assertThat(leaks.subList(0, Math.min(5, leaks.size()))).as("seed %d: %d leaks, first 5",
        seed, leaks.size()).isEmpty();
  }

  @Test
  void theExplanationOfTheIssueCaseNamesKnownStatusAndAge() {
    ContentFacts f = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.ADULT_APPEARING).withKnownAge(16, "reported by the child"))
        .level(SexualContentLevel.PENETRATIVE).adultInvolved(Tri.YES).build();
    Derivation d = CATEGORISER.categorise(f, "BE").get(0);
    assertThat(d.scheme().id()).isEqualTo("iccam-classification");
    assertThat(((Derived) d).label()).isEqualTo("national");
    assertThat(d.facts()).containsEntry("persons[0].known.status", "minor")
        .containsEntry("persons[0].known.age", "16")
        .containsEntry("origin", "real_photographic")
        .containsEntry("level", "penetrative");
    assertThat(d.rule()).contains("INTERPOL").contains("BE profile").contains("child age limit");
  }

  @Test
  void gendersAreNotNamedWhereOnlyTheLevelDecides() {
    ContentFacts f = ContentFacts.builder().origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PRE_PUBESCENT)).gender(GenderPresence.FEMALE)
        .level(SexualContentLevel.PENETRATIVE).adultInvolved(Tri.YES).build();
    for (Derivation d : CATEGORISER.categorise(f, "BE")) {
      if (!d.scheme().id().equals("iccam-gender")) {
        assertThat(d.facts()).as(d.scheme().id()).doesNotContainKey("gender");
      } else {
        assertThat(d.facts()).containsOnlyKeys("gender");
      }
    }
  }

  /** Whether one of the changed fields ({@code a|b}) is named (a known status by either name). */
  private static boolean named(Derivation d, String changed) {
    for (String field : changed.split("\\|")) {
      String status = field.replace(".knownAdult", ".known.status");
      if (d.facts().containsKey(field) || d.facts().containsKey(status)) {
        return true;
      }
    }
    return false;
  }

  private static String outcome(Derivation d) {
    return d instanceof Derived x ? x.label() : "indeterminate " + ((Indeterminate) d).reason();
  }

  /** The value of a field in the written document, as a derivation names it. */
  private static String inDocument(JsonNode doc, String field) {
    JsonNode node = doc;
    String rest = field;
    if (field.startsWith("persons[")) {
      int close = field.indexOf(']');
      node = doc.get("persons").get(Integer.parseInt(field.substring(8, close)));
      rest = field.substring(close + 2);
      if (rest.equals("ageRange")) {
        JsonNode range = node.get("ageRange");
        return range == null ? "(none)" : range.get("min").asInt() + "-" + range.get("max").asInt();
      }
    } else if (field.equals("persons")) {
      return doc.get("persons").size() == 0 ? "[]" : doc.get("persons").size() + " persons";
    } else if (field.equals("aggravating")) {
      List<String> flags = new ArrayList<>();
      doc.get("aggravating").forEach(a -> flags.add(a.asText()));
      return "[" + String.join(", ", flags) + "]";
    }
    for (String part : rest.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return Optional.ofNullable(node).map(JsonNode::asText).orElse("(none)");
  }

  /** Random facts, with known ages as well (format 2) in about a third of them. */
  private static ContentFacts facts(Random r) {
    ContentFacts f = RandomFacts.random(r);
    if (r.nextInt(3) == 0 && !f.persons().isEmpty()) {
      List<Person> persons = new ArrayList<>(f.persons());
      int i = r.nextInt(persons.size());
      persons.set(i, persons.get(i).withKnownAge(r.nextInt(30), "test record"));
      f = withPersons(f, persons);
    }
    return f;
  }

  private static ContentFacts withPersons(ContentFacts f, List<Person> persons) {
    return f.toBuilder().persons(persons).build();
  }

  /** Every other value of every field, by field name. */
  private static Map<String, List<ContentFacts>> changes(ContentFacts f) {
    Map<String, List<ContentFacts>> out = new java.util.LinkedHashMap<>();
    for (ContentOrigin o : ContentOrigin.values()) {
      add(out, "origin", f.origin() != o, f.toBuilder().origin(o).build());
    }
    for (GenderPresence g : GenderPresence.values()) {
      add(out, "gender", f.gender() != g, f.toBuilder().gender(g).build());
    }
    for (SexualContentLevel l : SexualContentLevel.values()) {
      add(out, "level", f.level() != l, f.toBuilder().level(l).build());
    }
    for (Tri t : Tri.values()) {
      add(out, "adultInvolved", f.adultInvolved() != t, f.toBuilder().adultInvolved(t).build());
      for (ContextFlag c : ContextFlag.values()) {
        add(out, "context." + c.name().toLowerCase(java.util.Locale.ROOT), f.context(c) != t,
            f.toBuilder().context(c, t).build());
      }
    }
    for (AggravatingFlag a : AggravatingFlag.values()) {
      java.util.Set<AggravatingFlag> flags = java.util.EnumSet.noneOf(AggravatingFlag.class);
      flags.addAll(f.aggravating());
      if (!flags.remove(a)) {
        flags.add(a);
      }
      ContentFacts.Builder b = ContentFacts.builder().origin(f.origin()).persons(f.persons())
          .gender(f.gender()).level(f.level()).adultInvolved(f.adultInvolved());
      f.context().forEach(b::context);
      flags.forEach(b::aggravating);
      add(out, "aggravating", true, b.build());
    }
    for (int i = 0; i < f.persons().size(); i++) {
      Person p = f.persons().get(i);
      String at = "persons[" + i + "].";
      for (AgeGroup g : AgeGroup.values()) {
        add(out, at + "ageGroup", p.group() != g, person(f, i, q -> rebuild(q, g, q.minYears(),
            q.maxYears(), q.knownAdult(), q.knownAge())));
      }
      add(out, at + "ageRange", p.minYears().isPresent(), person(f, i, q -> rebuild(q, q.group(),
          java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), q.knownAdult(),
          q.knownAge())));
      for (int min : new int[] {3, 11, 15, 17, 25}) {
        add(out, at + "ageRange", true, person(f, i, q -> rebuild(q, q.group(),
            java.util.OptionalInt.of(min), java.util.OptionalInt.of(min + 2), q.knownAdult(),
            q.knownAge())));
      }
      if (p.knownAge().isEmpty()) {
        for (Tri t : Tri.values()) {
          add(out, at + "knownAdult", p.knownAdult() != t, person(f, i, q -> rebuild(q,
              q.group(), q.minYears(), q.maxYears(), t, q.knownAge())));
        }
      }
      // A known age also sets an unknown known status: that change touches both fields.
      String ageFields = p.knownAdult() == Tri.UNKNOWN ? at + "known.age|" + at + "knownAdult"
          : at + "known.age";
      for (int age : new int[] {5, 12, 16, 17, 30}) {
        add(out, ageFields, true, person(f, i, q -> rebuild(q, q.group(), q.minYears(),
            q.maxYears(), q.knownAdult(), java.util.OptionalInt.of(age))));
      }
    }
    return out;
  }

  private static void add(Map<String, List<ContentFacts>> out, String field, boolean differs,
      ContentFacts changed) {
    if (differs) {
      out.computeIfAbsent(field, k -> new ArrayList<>()).add(changed);
    }
  }

  private static ContentFacts person(ContentFacts f, int i, UnaryOperator<Person> change) {
    List<Person> persons = new ArrayList<>(f.persons());
    persons.set(i, change.apply(persons.get(i)));
    return withPersons(f, persons);
  }

  /** A person with the given facts; a known age keeps a known status that agrees with it. */
  private static Person rebuild(Person q, AgeGroup g, java.util.OptionalInt min,
      java.util.OptionalInt max, Tri knownAdult, java.util.OptionalInt knownAge) {
    Person p = Person.of(g);
    if (min.isPresent()) {
      p = p.withAgeRange(min.getAsInt(), max.getAsInt());
    }
    if (knownAge.isPresent()) {
      // The known status stays as it was where it was known (a known age sets it otherwise).
      p = p.withKnownAdult(knownAdult);
      return p.withKnownAge(knownAge.getAsInt(), q.knownAgeSource().orElse("test record"));
    }
    return p.withKnownAdult(knownAdult);
  }
}
