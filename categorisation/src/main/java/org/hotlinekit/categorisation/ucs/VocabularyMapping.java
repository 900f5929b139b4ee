package org.hotlinekit.categorisation.ucs;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.ContextFlag;
import org.hotlinekit.categorisation.facts.GenderPresence;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.facts.Tri;
import org.hotlinekit.categorisation.internal.FactsParser;
import org.hotlinekit.categorisation.internal.StrictJson;
import org.hotlinekit.categorisation.scheme.SchemeMapper;
import org.hotlinekit.categorisation.scheme.Schemes;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;

/**
 * What each label of a vocabulary means in hotlinekit's terms: the facts it records (every fact
 * optional) and/or labels in other schemes. Loaded at run time with the vocabulary it maps, and
 * validated against it (every label exists, every scheme label is valid for its scheme).
 *
 * <p>JSON: {@code {"format": "hotlinekit-vocabulary-mapping", "formatVersion": 1, "vocabulary":
 * "inhope-ucs", "vocabularyVersion": "3", "version": "1", "mappings": [{"label": "CODE", "facts":
 * {"level": "penetrative"}, "schemeLabels": [{"scheme": "tc-ics", "label": "A1"}]}]}}; facts use
 * the fields of the facts document.
 */
public final class VocabularyMapping {
  private static final String FORMAT = "hotlinekit-vocabulary-mapping";

  private final Vocabulary vocabulary;
  private final String version;
  private final Map<String, ContentFacts> facts;
  private final Map<String, List<SchemeLabel>> schemeLabels;

  private VocabularyMapping(Vocabulary vocabulary, String version,
      Map<String, ContentFacts> facts, Map<String, List<SchemeLabel>> schemeLabels) {
    this.vocabulary = vocabulary;
    this.version = version;
    this.facts = Collections.unmodifiableMap(facts);
    this.schemeLabels = Collections.unmodifiableMap(schemeLabels);
  }

  /**
   * Reads a mapping file for a vocabulary.
   *
   * @param file the JSON file
   * @param vocabulary the vocabulary it maps
   * @return the mapping
   * @throws MalformedInputException if it is invalid or does not fit the vocabulary
   * @throws UnsupportedInputException if it is another format version
   */
  public static VocabularyMapping read(Path file, Vocabulary vocabulary) {
    return parse(new StrictJson.At(file.toString(), StrictJson.read(file)), vocabulary);
  }

  /**
   * Reads a mapping for a vocabulary.
   *
   * @param in the JSON text
   * @param name the name used in errors
   * @param vocabulary the vocabulary it maps
   * @return the mapping
   * @throws MalformedInputException if it is invalid or does not fit the vocabulary
   * @throws UnsupportedInputException if it is another format version
   */
  public static VocabularyMapping read(Reader in, String name, Vocabulary vocabulary) {
    return parse(new StrictJson.At(name, StrictJson.read(in, name)), vocabulary);
  }

  private static VocabularyMapping parse(StrictJson.At doc, Vocabulary vocabulary) {
    doc.object("format", "formatVersion", "vocabulary", "vocabularyVersion", "version",
        "mappings");
    doc.formatHeader(FORMAT, 1, "vocabulary mapping");
    if (!vocabulary.id().equals(doc.required("vocabulary").string())) {
      throw doc.required("vocabulary").error("maps '" + doc.required("vocabulary").string()
          + "', not the loaded vocabulary '" + vocabulary.id() + "'");
    }
    if (!vocabulary.version().equals(doc.required("vocabularyVersion").string())) {
      throw doc.required("vocabularyVersion").error("maps version '"
          + doc.required("vocabularyVersion").string() + "', the loaded vocabulary is version '"
          + vocabulary.version() + "'");
    }
    Map<String, ContentFacts> facts = new LinkedHashMap<>();
    Map<String, List<SchemeLabel>> schemes = new LinkedHashMap<>();
    for (StrictJson.At m : doc.required("mappings").elements()) {
      m.object("label", "facts", "schemeLabels");
      String code = m.required("label").nonBlank();
      if (vocabulary.find(code).isEmpty()) {
        throw m.required("label").error("'" + code + "' is not a label of " + vocabulary.id()
            + " " + vocabulary.version());
      }
      if (facts.containsKey(code) || schemes.containsKey(code)) {
        throw m.required("label").error("'" + code + "' is mapped twice");
      }
      Optional<StrictJson.At> f = m.optional("facts");
      Optional<StrictJson.At> s = m.optional("schemeLabels");
      if (f.isEmpty() && s.isEmpty()) {
        throw m.error("a mapping needs facts or schemeLabels");
      }
      f.ifPresent(x -> facts.put(code, FactsParser.partial(x)));
      if (s.isPresent()) {
        List<SchemeLabel> list = new ArrayList<>();
        for (StrictJson.At sl : s.get().elements()) {
          sl.object("scheme", "label");
          String scheme = sl.required("scheme").nonBlank();
          String label = sl.required("label").nonBlank();
          SchemeMapper mapper = Schemes.find(scheme).orElseThrow(
              () -> sl.required("scheme").error("unknown scheme '" + scheme + "'"));
          if (!Schemes.accepts(mapper, label)) {
            throw sl.required("label").error("'" + label + "' is not a label of " + scheme);
          }
          list.add(new SchemeLabel(scheme, label));
        }
        schemes.put(code, List.copyOf(list));
      }
    }
    return new VocabularyMapping(vocabulary, doc.required("version").nonBlank(), facts, schemes);
  }

  /**
   * The vocabulary mapped.
   *
   * @return the vocabulary
   */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The mapping's version.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * The other schemes' labels a vocabulary label maps to.
   *
   * @param code the vocabulary label
   * @return the scheme labels, possibly none
   */
  public List<SchemeLabel> schemeLabels(String code) {
    return schemeLabels.getOrDefault(code, List.of());
  }

  /**
   * The facts a set of vocabulary labels records together: persons and aggravating flags are
   * combined, the level is the most severe, and other facts must agree.
   *
   * @param codes the labels assigned to an item
   * @return the combined facts (unknown where no label says anything)
   * @throws MalformedInputException if a code is not in the vocabulary, or two labels record
   *     contradicting facts
   */
  public ContentFacts facts(Collection<String> codes) {
    ContentFacts.Builder b = ContentFacts.builder();
    ContentOrigin origin = ContentOrigin.UNKNOWN;
    GenderPresence gender = GenderPresence.NOT_DETERMINED;
    SexualContentLevel level = SexualContentLevel.UNKNOWN;
    Tri adult = Tri.UNKNOWN;
    Map<ContextFlag, Tri> context = new EnumMap<>(ContextFlag.class);
    List<Person> persons = new ArrayList<>();
    for (String code : codes) {
      if (vocabulary.find(code).isEmpty()) {
        throw new MalformedInputException("'" + code + "' is not a label of " + vocabulary.id());
      }
      ContentFacts f = facts.get(code);
      if (f == null) {
        continue;
      }
      origin = agree(origin, f.origin(), ContentOrigin.UNKNOWN, "origin", code);
      gender = agree(gender, f.gender(), GenderPresence.NOT_DETERMINED, "gender", code);
      adult = agree(adult, f.adultInvolved(), Tri.UNKNOWN, "adultInvolved", code);
      if (f.level() != SexualContentLevel.UNKNOWN
          && (level == SexualContentLevel.UNKNOWN || f.level().copine() > level.copine())) {
        level = f.level();
      }
      for (ContextFlag flag : ContextFlag.values()) {
        Tri was = context.getOrDefault(flag, Tri.UNKNOWN);
        context.put(flag, agree(was, f.context(flag), Tri.UNKNOWN,
            "context." + flag.name().toLowerCase(java.util.Locale.ROOT), code));
      }
      persons.addAll(f.persons());
      b.aggravating(f.aggravating().toArray(new org.hotlinekit.categorisation.facts
          .AggravatingFlag[0]));
    }
    b.origin(origin).gender(gender).level(level).adultInvolved(adult).persons(persons);
    context.forEach(b::context);
    return b.build();
  }

  private static <T> T agree(T was, T now, T unknown, String field, String code) {
    if (now.equals(unknown) || now.equals(was)) {
      return was;
    }
    if (was.equals(unknown)) {
      return now;
    }
    throw new MalformedInputException("label '" + code + "' records " + field + " " + now
        + ", another label records " + was);
  }
}
