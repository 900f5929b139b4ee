package org.hotlinekit.iccam.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hotlinekit.iccam.internal.LocatedJson;
import org.hotlinekit.iccam.internal.LocatedJson.Node;

/**
 * The code lists of the report format (site types, commerciality, payment methods, action types)
 * as versioned data: each code with its name and its numeric id in ICCAM's API versions 2 and 3.
 * The ids are a snapshot (reconstructed from SCART's seed of 2023-03-17) and belong to the data,
 * not to the code.
 */
public final class CodeLists {
  private static final CodeLists BUNDLED = load();

  private final String version;
  private final Map<String, Map<String, Entry>> lists;

  /**
   * One code.
   *
   * @param code the code used in hotlinekit documents, e.g. {@code image_host}
   * @param name its name
   * @param iccamV2 its id in ICCAM API v2, if it has one
   * @param iccamV3 its id in ICCAM API v3, if it has one
   */
  public record Entry(String code, String name, OptionalInt iccamV2, OptionalInt iccamV3) {}

  private CodeLists(String version, Map<String, Map<String, Entry>> lists) {
    this.version = version;
    this.lists = lists;
  }

  /**
   * The code lists shipped with hotlinekit.
   *
   * @return the lists
   */
  public static CodeLists bundled() {
    return BUNDLED;
  }

  /**
   * Reads the bundled file with the located reader the documents use (no databind mapper: its
   * first use costs a fresh process tens of milliseconds, and opening a packet needs these lists).
   */
  private static CodeLists load() {
    try (InputStream in = CodeLists.class.getResourceAsStream("codelists.json")) {
      Node root = LocatedJson.parse(in.readAllBytes(), "codelists.json", Integer.MAX_VALUE, 8);
      Map<String, Map<String, Entry>> lists = new LinkedHashMap<>();
      for (Map.Entry<String, Node> l : root.object().get("lists").object().entrySet()) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Node e : l.getValue().array()) {
          Map<String, Node> m = e.object();
          String code = (String) m.get("code").value;
          entries.put(code, new Entry(code, (String) m.get("name").value, id(m, "iccamV2"),
              id(m, "iccamV3")));
        }
        lists.put(l.getKey(), Collections.unmodifiableMap(entries));
      }
      return new CodeLists((String) root.object().get("version").value,
          Collections.unmodifiableMap(lists));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("bundled code lists unreadable", e);
    }
  }

  private static OptionalInt id(Map<String, Node> e, String key) {
    Node v = e.get(key);
    return v == null || v.isNull() ? OptionalInt.empty()
        : OptionalInt.of(((java.math.BigDecimal) v.value).intValueExact());
  }

  /**
   * The version of these lists.
   *
   * @return e.g. {@code 2026.11}
   */
  public String version() {
    return version;
  }

  /**
   * The names of the lists.
   *
   * @return {@code siteType}, {@code commerciality}, {@code paymentMethod}, {@code actionType}
   */
  public List<String> lists() {
    return new ArrayList<>(lists.keySet());
  }

  /**
   * The codes of a list.
   *
   * @param list the list's name
   * @return its entries, in order; empty for an unknown list
   */
  public List<Entry> entries(String list) {
    return new ArrayList<>(lists.getOrDefault(list, Map.of()).values());
  }

  /**
   * Looks a code up.
   *
   * @param list the list's name
   * @param code the code
   * @return the entry, or empty
   */
  public Optional<Entry> find(String list, String code) {
    return Optional.ofNullable(lists.getOrDefault(list, Map.of()).get(code));
  }

  /**
   * Checks that a code is in a list.
   *
   * @param list the list's name
   * @param code the code
   * @throws IllegalArgumentException naming the valid codes if it is not
   */
  public void check(String list, String code) {
    if (find(list, code).isEmpty()) {
      List<String> codes = new ArrayList<>(lists.getOrDefault(list, Map.of()).keySet());
      throw new IllegalArgumentException("unknown " + list + " '" + code + "' (code lists "
          + version + ": " + String.join(", ", codes) + ")");
    }
  }
}
