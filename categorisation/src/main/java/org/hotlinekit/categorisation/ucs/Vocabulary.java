package org.hotlinekit.categorisation.ucs;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotlinekit.categorisation.internal.StrictJson;
import org.hotlinekit.core.UnsupportedInputException;

/**
 * A classification vocabulary loaded at run time, such as INHOPE's Universal Classification
 * Schema (licensed from INHOPE; hotlinekit ships no labels). Immutable.
 *
 * <p>JSON: {@code {"format": "hotlinekit-vocabulary", "formatVersion": 1, "id": "inhope-ucs",
 * "version": "3", "licence": "...", "sections": ["categorisation", "investigative",
 * "demographic"], "labels": [{"code": "...", "section": "categorisation", "name": "...",
 * "description": "..."}]}}. Codes are unique, 1-64 letters, digits or {@code . _ -}; every label's
 * section is one the vocabulary declares.
 */
public final class Vocabulary {
  private static final String FORMAT = "hotlinekit-vocabulary";
  private static final Vocabulary EMPTY_UCS = parse(new StrictJson.At("ucs-empty.json",
      StrictJson.resource(Vocabulary.class, "ucs-empty.json")));

  private final String id;
  private final String version;
  private final String licence;
  private final Set<Section> sections;
  private final Map<String, VocabularyLabel> labels;

  private Vocabulary(String id, String version, String licence, Set<Section> sections,
      Map<String, VocabularyLabel> labels) {
    this.id = id;
    this.version = version;
    this.licence = licence;
    this.sections = Collections.unmodifiableSet(EnumSet.copyOf(sections));
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /**
   * The empty UCS vocabulary shipped with hotlinekit ({@code inhope-ucs}, no labels).
   *
   * @return the empty vocabulary
   */
  public static Vocabulary emptyUcs() {
    return EMPTY_UCS;
  }

  /**
   * Reads a vocabulary file.
   *
   * @param file the JSON file
   * @return the vocabulary
   * @throws org.hotlinekit.core.MalformedInputException if it is invalid (naming the field)
   * @throws UnsupportedInputException if it is another format version
   */
  public static Vocabulary read(Path file) {
    return parse(new StrictJson.At(file.toString(), StrictJson.read(file)));
  }

  /**
   * Reads a vocabulary.
   *
   * @param in the JSON text
   * @param name the name used in errors
   * @return the vocabulary
   * @throws org.hotlinekit.core.MalformedInputException if it is invalid (naming the field)
   * @throws UnsupportedInputException if it is another format version
   */
  public static Vocabulary read(Reader in, String name) {
    return parse(new StrictJson.At(name, StrictJson.read(in, name)));
  }

  private static Vocabulary parse(StrictJson.At doc) {
    doc.object("format", "formatVersion", "id", "version", "licence", "sections", "labels");
    doc.formatHeader(FORMAT, 1, "vocabulary");
    String id = doc.required("id").nonBlank();
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw doc.required("id").error("must be lower-case letters, digits and hyphens");
    }
    Set<Section> sections = EnumSet.noneOf(Section.class);
    for (StrictJson.At s : doc.required("sections").elements()) {
      if (!sections.add(s.enumValue(Section.class))) {
        throw s.error("section listed twice");
      }
    }
    if (sections.isEmpty()) {
      throw doc.required("sections").error("must list at least one section");
    }
    Map<String, VocabularyLabel> labels = new LinkedHashMap<>();
    for (StrictJson.At l : doc.required("labels").elements()) {
      l.object("code", "section", "name", "description");
      String code = l.required("code").nonBlank();
      if (!code.matches("[A-Za-z0-9._-]{1,64}")) {
        throw l.required("code").error("must be 1-64 letters, digits or . _ -");
      }
      Section section = l.required("section").enumValue(Section.class);
      if (!sections.contains(section)) {
        throw l.required("section").error("the vocabulary does not declare this section");
      }
      String description = l.optional("description").map(StrictJson.At::string).orElse("");
      if (labels.put(code, new VocabularyLabel(code, section, l.required("name").nonBlank(),
          description)) != null) {
        throw l.required("code").error("code '" + code + "' is used twice");
      }
    }
    return new Vocabulary(id, doc.required("version").nonBlank(),
        doc.required("licence").nonBlank(), sections, labels);
  }

  /**
   * The id.
   *
   * @return e.g. {@code inhope-ucs}
   */
  public String id() {
    return id;
  }

  /**
   * The version.
   *
   * @return e.g. {@code 3}
   */
  public String version() {
    return version;
  }

  /**
   * The licence the vocabulary is used under.
   *
   * @return the licence statement
   */
  public String licence() {
    return licence;
  }

  /**
   * The sections.
   *
   * @return the declared sections
   */
  public Set<Section> sections() {
    return sections;
  }

  /**
   * The labels.
   *
   * @return the labels, in file order
   */
  public List<VocabularyLabel> labels() {
    return new ArrayList<>(labels.values());
  }

  /**
   * A label by code.
   *
   * @param code the code
   * @return the label, or empty
   */
  public Optional<VocabularyLabel> find(String code) {
    return Optional.ofNullable(labels.get(code));
  }
}
