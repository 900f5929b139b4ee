package org.hotlinekit.categorisation.jurisdiction;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One jurisdiction's law on child sexual abuse material, as data: the age under which a person is
 * a child, an optional lower band (Germany: under 14 "child", 14 to 17 "youth"), and a {@link
 * Provision} per {@link Topic}. Every value carries its legal source; what is unsettled is {@link
 * Coverage#UNCLEAR} and makes derivations that depend on it indeterminate. Immutable; read from
 * JSON by {@link Jurisdictions} (the only way to make one, so that every value has a source).
 */
public final class JurisdictionProfile {
  private final String code;
  private final String name;
  private final String version;
  private final String lawReference;
  private final int childAgeLimit;
  private final String childAgeSource;
  private final int lowerBandLimit;
  private final String lowerBandSource;
  private final Map<Topic, Provision> provisions;

  /**
   * A profile.
   *
   * @param code the jurisdiction's code, e.g. {@code BE}, {@code UK}
   * @param name its name
   * @param version the profile's version (changes whenever a value changes)
   * @param lawReference the main legal texts
   * @param childAgeLimit persons under this age are children (1..25)
   * @param childAgeSource the source of the age limit
   * @param lowerBand a lower band limit (Germany: 14), or -1 for none
   * @param lowerBandSource its source, or null for none
   * @param provisions a provision for every topic
   */
  JurisdictionProfile(String code, String name, String version, String lawReference,
      int childAgeLimit, String childAgeSource, int lowerBand, String lowerBandSource,
      Map<Topic, Provision> provisions) {
    this.code = requireText(code, "code");
    this.name = requireText(name, "name");
    this.version = requireText(version, "version");
    this.lawReference = requireText(lawReference, "lawReference");
    if (childAgeLimit < 1 || childAgeLimit > 25) {
      throw new IllegalArgumentException("childAgeLimit must be 1..25, got " + childAgeLimit);
    }
    this.childAgeLimit = childAgeLimit;
    this.childAgeSource = requireText(childAgeSource, "childAgeSource");
    if (lowerBand >= 0) {
      if (lowerBand < 1 || lowerBand >= childAgeLimit) {
        throw new IllegalArgumentException("lowerBandLimit must be 1..childAgeLimit-1");
      }
      this.lowerBandLimit = lowerBand;
      this.lowerBandSource = requireText(lowerBandSource, "lowerBandSource");
    } else {
      this.lowerBandLimit = -1;
      this.lowerBandSource = null;
    }
    Map<Topic, Provision> p = new EnumMap<>(Topic.class);
    p.putAll(provisions);
    // Added in profile schema 2026.12; older profiles do not say, so it is unclear for them.
    p.putIfAbsent(Topic.APPARENT_MINORS, new Provision(Coverage.UNCLEAR,
        "not stated in this profile (apparent_minors was added in 2026.12)"));
    for (Topic t : Topic.values()) {
      if (!p.containsKey(t)) {
        throw new IllegalArgumentException("profile " + code + " has no provision for " + t);
      }
    }
    this.provisions = Collections.unmodifiableMap(p);
  }

  private static String requireText(String s, String field) {
    Objects.requireNonNull(s, field);
    if (s.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    return s;
  }

  /**
   * The code.
   *
   * @return e.g. {@code DE}
   */
  public String code() {
    return code;
  }

  /**
   * The name.
   *
   * @return e.g. {@code Germany}
   */
  public String name() {
    return name;
  }

  /**
   * The profile's version.
   *
   * @return the version string
   */
  public String version() {
    return version;
  }

  /**
   * The main legal texts.
   *
   * @return a citation
   */
  public String lawReference() {
    return lawReference;
  }

  /**
   * The age under which a person is a child.
   *
   * @return years
   */
  public int childAgeLimit() {
    return childAgeLimit;
  }

  /**
   * The source of {@link #childAgeLimit()}.
   *
   * @return a citation
   */
  public String childAgeSource() {
    return childAgeSource;
  }

  /**
   * A lower band limit, under which a different provision applies (Germany: 14).
   *
   * @return years, or empty
   */
  public OptionalInt lowerBandLimit() {
    return lowerBandLimit < 0 ? OptionalInt.empty() : OptionalInt.of(lowerBandLimit);
  }

  /**
   * The source of {@link #lowerBandLimit()}.
   *
   * @return a citation, or empty
   */
  public Optional<String> lowerBandSource() {
    return Optional.ofNullable(lowerBandSource);
  }

  /**
   * The provision on a topic.
   *
   * @param topic the topic
   * @return the provision
   */
  public Provision provision(Topic topic) {
    return provisions.get(topic);
  }

  /**
   * All provisions.
   *
   * @return a provision per topic
   */
  public Map<Topic, Provision> provisions() {
    return provisions;
  }

  @Override
  public String toString() {
    return code + " (" + name + ", profile " + version + ")";
  }
}
