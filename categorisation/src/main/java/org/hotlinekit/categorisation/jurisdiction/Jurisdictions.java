package org.hotlinekit.categorisation.jurisdiction;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hotlinekit.categorisation.internal.StrictJson;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import tools.jackson.databind.JsonNode;

/**
 * A set of jurisdiction profiles, looked up by code (case-insensitive; {@code GB} finds {@code
 * UK}). {@link #bundled()} holds the profiles shipped with hotlinekit (BE, NL, DE, FR, UK, US,
 * CA); {@link #with(JurisdictionProfile)} adds or replaces one, e.g. a profile read with {@link
 * #read(Path)} that your counsel maintains. Immutable.
 *
 * <p>Profile JSON ({@code "format": "hotlinekit-jurisdiction", "formatVersion": 1}):
 *
 * <pre>{@code
 * {"format": "hotlinekit-jurisdiction", "formatVersion": 1,
 *  "code": "DE", "name": "Germany", "version": "2026.1", "lawReference": "StGB §§ 184b, 184c",
 *  "childAgeLimit": {"value": 18, "source": "..."},
 *  "lowerBandLimit": {"value": 14, "source": "..."},          (optional)
 *  "provisions": {
 *    "realistic_virtual":   {"coverage": "illegal", "source": "..."},
 *    "morphed":             {...}, "non_realistic_drawn": {...}, "posing": {...},
 *    "genital_focus":       {...}, "look_alike_adults":   {...}}}
 * }</pre>
 *
 * Coverage values: {@code illegal}, {@code possession_exempt}, {@code not_covered}, {@code
 * unclear}. Every provision is required and needs a source; unknown fields are errors.
 */
public final class Jurisdictions {
  /** The codes of the bundled profiles. */
  public static final List<String> BUNDLED = List.of("BE", "NL", "DE", "FR", "UK", "US", "CA");

  private static final String FORMAT = "hotlinekit-jurisdiction";
  private static final int FORMAT_VERSION = 1;
  private static final Jurisdictions BUNDLED_SET = loadBundled();

  private final Map<String, JurisdictionProfile> profiles;

  private Jurisdictions(Map<String, JurisdictionProfile> profiles) {
    this.profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
  }

  /**
   * The profiles shipped with hotlinekit.
   *
   * @return the bundled set
   */
  public static Jurisdictions bundled() {
    return BUNDLED_SET;
  }

  /**
   * No profiles.
   *
   * @return an empty set
   */
  public static Jurisdictions empty() {
    return new Jurisdictions(Map.of());
  }

  private static Jurisdictions loadBundled() {
    Map<String, JurisdictionProfile> m = new TreeMap<>();
    for (String code : BUNDLED) {
      String name = "profiles/" + code + ".json";
      JurisdictionProfile p = parse(new StrictJson.At(name,
          StrictJson.resource(Jurisdictions.class, name)));
      m.put(p.code(), p);
    }
    return new Jurisdictions(m);
  }

  /**
   * This set with a profile added, or replacing the profile of the same code.
   *
   * @param profile the profile
   * @return a new set
   */
  public Jurisdictions with(JurisdictionProfile profile) {
    Map<String, JurisdictionProfile> m = new TreeMap<>(profiles);
    m.put(profile.code(), Objects.requireNonNull(profile, "profile"));
    return new Jurisdictions(m);
  }

  /**
   * Looks a profile up.
   *
   * @param code e.g. {@code "be"}, {@code "UK"} or {@code "GB"}
   * @return the profile, or empty if this set has none for the code
   */
  public Optional<JurisdictionProfile> find(String code) {
    String key = code.strip().toUpperCase(Locale.ROOT);
    if (key.equals("GB")) {
      key = "UK";
    }
    return Optional.ofNullable(profiles.get(key));
  }

  /**
   * The codes in this set.
   *
   * @return the codes, sorted
   */
  public List<String> codes() {
    return new ArrayList<>(profiles.keySet());
  }

  /**
   * Reads a profile file.
   *
   * @param file the JSON file
   * @return the profile
   * @throws MalformedInputException if it is not a valid profile (the message names the field)
   * @throws UnsupportedInputException if it is another format version
   * @throws org.hotlinekit.core.InputReadException if it cannot be read
   */
  public static JurisdictionProfile read(Path file) {
    return parse(new StrictJson.At(file.toString(), StrictJson.read(file)));
  }

  /**
   * Reads a profile.
   *
   * @param in the JSON text
   * @param name the name used in error messages
   * @return the profile
   * @throws MalformedInputException if it is not a valid profile (the message names the field)
   * @throws UnsupportedInputException if it is another format version
   */
  public static JurisdictionProfile read(Reader in, String name) {
    return parse(new StrictJson.At(name, StrictJson.read(in, name)));
  }

  private static JurisdictionProfile parse(StrictJson.At doc) {
    doc.object("format", "formatVersion", "code", "name", "version", "lawReference",
        "childAgeLimit", "lowerBandLimit", "provisions", "notes");
    doc.formatHeader(FORMAT, FORMAT_VERSION, "jurisdiction profile");
    String code = doc.required("code").nonBlank();
    if (!code.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
      throw doc.required("code").error("must be an upper-case country code such as BE or UK");
    }
    StrictJson.At age = doc.required("childAgeLimit").object("value", "source");
    int limit = age.required("value").integer(1, 25);
    int lower = -1;
    String lowerSource = null;
    Optional<StrictJson.At> band = doc.optional("lowerBandLimit");
    if (band.isPresent()) {
      StrictJson.At b = band.get().object("value", "source");
      lower = b.required("value").integer(1, limit - 1);
      lowerSource = b.required("source").nonBlank();
    }
    StrictJson.At provisions = doc.required("provisions");
    List<String> topics = StrictJson.json(Topic.class);
    provisions.object(topics.toArray(new String[0]));
    Map<Topic, Provision> map = new EnumMap<>(Topic.class);
    for (Topic t : Topic.values()) {
      if (t == Topic.APPARENT_MINORS && provisions.optional(StrictJson.json(t)).isEmpty()) {
        continue; // optional: the profile then leaves it unclear
      }
      StrictJson.At p = provisions.required(StrictJson.json(t)).object("coverage", "source");
      map.put(t, new Provision(p.required("coverage").enumValue(Coverage.class),
          p.required("source").nonBlank()));
    }
    JsonNode notes = doc.node().get("notes");
    if (notes != null && !notes.isString()) {
      throw doc.required("notes").error("must be a string");
    }
    return new JurisdictionProfile(code, doc.required("name").nonBlank(),
        doc.required("version").nonBlank(), doc.required("lawReference").nonBlank(), limit,
        age.required("source").nonBlank(), lower, lowerSource, map);
  }
}
