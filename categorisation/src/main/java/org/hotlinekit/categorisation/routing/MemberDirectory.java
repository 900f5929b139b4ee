package org.hotlinekit.categorisation.routing;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hotlinekit.categorisation.internal.StrictJson;

/**
 * Which countries have an INHOPE member hotline, as versioned data. A directory is either
 * <em>complete</em> (a country it does not list has no member: its content is orphaned) or not (a
 * country it does not list is unknown, and routing says so rather than guess). The bundled
 * directory is not complete: it lists the members the project could source; load INHOPE's current
 * list with {@link #read(Path)} to route every country.
 *
 * <p>JSON: {@code {"format": "hotlinekit-members", "formatVersion": 1, "version": "...",
 * "complete": false, "source": "...", "countries": [{"country": "BE", "hotlines": ["Child
 * Focus"], "lea": "...", "noticeBy": "police", "source": "..."}]}}; {@code hotlines: []} records a
 * country known to have no member. Country codes are ISO 3166-1 alpha-2 ({@code GB}, not
 * {@code UK}), or {@code XK} for Kosovo; others are refused.
 */
public final class MemberDirectory {
  private static final String FORMAT = "hotlinekit-members";
  private static final MemberDirectory BUNDLED = parse(new StrictJson.At("members.json",
      StrictJson.resource(MemberDirectory.class, "members.json")));

  private final String version;
  private final boolean complete;
  private final Map<String, Member> members;

  private MemberDirectory(String version, boolean complete, Map<String, Member> members) {
    this.version = version;
    this.complete = complete;
    this.members = Collections.unmodifiableMap(new TreeMap<>(members));
  }

  /**
   * The directory shipped with hotlinekit.
   *
   * @return the bundled directory
   */
  public static MemberDirectory bundled() {
    return BUNDLED;
  }

  /**
   * Reads a directory file.
   *
   * @param file the JSON file
   * @return the directory
   * @throws org.hotlinekit.core.MalformedInputException if it is not valid (naming the field)
   */
  public static MemberDirectory read(Path file) {
    return parse(new StrictJson.At(file.toString(), StrictJson.read(file)));
  }

  /**
   * Reads a directory.
   *
   * @param in the JSON text
   * @param name the name used in errors
   * @return the directory
   * @throws org.hotlinekit.core.MalformedInputException if it is not valid (naming the field)
   */
  public static MemberDirectory read(Reader in, String name) {
    return parse(new StrictJson.At(name, StrictJson.read(in, name)));
  }

  private static MemberDirectory parse(StrictJson.At doc) {
    doc.object("format", "formatVersion", "version", "complete", "source", "countries");
    doc.formatHeader(FORMAT, 1, "member directory");
    StrictJson.At complete = doc.required("complete");
    if (!complete.node().isBoolean()) {
      throw complete.error("must be true or false");
    }
    doc.required("source").nonBlank();
    Map<String, Member> members = new TreeMap<>();
    for (StrictJson.At c : doc.required("countries").elements()) {
      c.object("country", "hotlines", "lea", "noticeBy", "source");
      String code = c.required("country").nonBlank();
      if (!code.matches("[A-Z]{2}")) {
        throw c.required("country").error("must be a two-letter upper-case code");
      }
      try {
        if (!Countries.canonical(code).equals(code)) {
          throw c.required("country").error("write GB, not " + code);
        }
      } catch (IllegalArgumentException e) {
        throw c.required("country").error(e.getMessage());
      }
      List<String> hotlines = new ArrayList<>();
      for (StrictJson.At h : c.required("hotlines").elements()) {
        hotlines.add(h.nonBlank());
      }
      Optional<String> lea = c.optional("lea").map(StrictJson.At::nonBlank);
      Optional<Member.NoticeSender> notice =
          c.optional("noticeBy").map(n -> n.enumValue(Member.NoticeSender.class));
      if (members.put(code, new Member(code, hotlines, lea, notice,
          c.required("source").nonBlank())) != null) {
        throw c.required("country").error("country listed twice");
      }
    }
    return new MemberDirectory(doc.required("version").nonBlank(), complete.node().asBoolean(),
        members);
  }

  /**
   * The directory's version.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * Whether a country the directory does not list has no member.
   *
   * @return true if complete
   */
  public boolean complete() {
    return complete;
  }

  /**
   * A country's entry.
   *
   * @param country the code (case-insensitive; {@code UK} finds {@code GB})
   * @return the entry, or empty if not listed
   * @throws IllegalArgumentException if it is not an ISO 3166-1 alpha-2 code (or XK)
   */
  public Optional<Member> find(String country) {
    return Optional.ofNullable(members.get(Countries.canonical(country)));
  }

  /**
   * Every entry.
   *
   * @return the entries, by country
   */
  public List<Member> members() {
    return new ArrayList<>(members.values());
  }
}
