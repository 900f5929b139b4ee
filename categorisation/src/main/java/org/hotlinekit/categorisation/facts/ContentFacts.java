package org.hotlinekit.categorisation.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an assessor observed about one media item. Every fact has an explicit unknown value, and
 * a fresh builder starts with all facts unknown (no persons, level unknown), so nothing is assumed.
 * Immutable.
 *
 * <pre>{@code
 * ContentFacts facts = ContentFacts.builder()
 *     .origin(ContentOrigin.REAL_PHOTOGRAPHIC)
 *     .person(Person.of(AgeGroup.PRE_PUBESCENT))
 *     .level(SexualContentLevel.GENITAL_ANAL_FOCUS)
 *     .build();
 * }</pre>
 */
public final class ContentFacts {
  private final ContentOrigin origin;
  private final List<Person> persons;
  private final GenderPresence gender;
  private final SexualContentLevel level;
  private final Tri adultInvolved;
  private final Set<AggravatingFlag> aggravating;
  private final Map<ContextFlag, Tri> context;

  private ContentFacts(Builder b) {
    this.origin = b.origin;
    this.persons = List.copyOf(b.persons);
    this.gender = b.gender;
    this.level = b.level;
    this.adultInvolved = b.adultInvolved;
    this.aggravating = Collections.unmodifiableSet(EnumSet.copyOf(b.aggravating));
    Map<ContextFlag, Tri> c = new EnumMap<>(ContextFlag.class);
    for (ContextFlag f : ContextFlag.values()) {
      c.put(f, b.context.getOrDefault(f, Tri.UNKNOWN));
    }
    this.context = Collections.unmodifiableMap(c);
  }

  /**
   * Starts a set of facts, all unknown.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these facts, to change some of them.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder().origin(origin).gender(gender).level(level)
        .adultInvolved(adultInvolved);
    b.persons.addAll(persons);
    b.aggravating.addAll(aggravating);
    b.context.putAll(context);
    return b;
  }

  /**
   * The origin.
   *
   * @return the origin
   */
  public ContentOrigin origin() {
    return origin;
  }

  /**
   * The persons depicted, in the order recorded.
   *
   * @return the persons, possibly none (no person recorded yet)
   */
  public List<Person> persons() {
    return persons;
  }

  /**
   * The genders of the minors depicted.
   *
   * @return the gender presence
   */
  public GenderPresence gender() {
    return gender;
  }

  /**
   * The most severe sexual content.
   *
   * @return the level
   */
  public SexualContentLevel level() {
    return level;
  }

  /**
   * Whether an adult takes part.
   *
   * @return the fact
   */
  public Tri adultInvolved() {
    return adultInvolved;
  }

  /**
   * The aggravating features observed.
   *
   * @return the flags, possibly empty
   */
  public Set<AggravatingFlag> aggravating() {
    return aggravating;
  }

  /**
   * A context fact.
   *
   * @param flag the flag
   * @return its value, {@link Tri#UNKNOWN} unless recorded
   */
  public Tri context(ContextFlag flag) {
    return context.get(flag);
  }

  /**
   * All context facts.
   *
   * @return every flag with its value
   */
  public Map<ContextFlag, Tri> context() {
    return context;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContentFacts)) {
      return false;
    }
    ContentFacts f = (ContentFacts) o;
    return origin == f.origin && persons.equals(f.persons) && gender == f.gender
        && level == f.level && adultInvolved == f.adultInvolved
        && aggravating.equals(f.aggravating) && context.equals(f.context);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, persons, gender, level, adultInvolved, aggravating, context);
  }

  @Override
  public String toString() {
    return "ContentFacts{origin=" + origin + ", persons=" + persons + ", gender=" + gender
        + ", level=" + level + ", adultInvolved=" + adultInvolved + ", aggravating="
        + aggravating + ", context=" + context + "}";
  }

  /** Builds {@link ContentFacts}; every fact starts unknown. */
  public static final class Builder {
    private ContentOrigin origin = ContentOrigin.UNKNOWN;
    private final List<Person> persons = new ArrayList<>();
    private GenderPresence gender = GenderPresence.NOT_DETERMINED;
    private SexualContentLevel level = SexualContentLevel.UNKNOWN;
    private Tri adultInvolved = Tri.UNKNOWN;
    private final Set<AggravatingFlag> aggravating = EnumSet.noneOf(AggravatingFlag.class);
    private final Map<ContextFlag, Tri> context = new EnumMap<>(ContextFlag.class);

    private Builder() {}

    /**
     * Sets the origin.
     *
     * @param origin the origin
     * @return this builder
     */
    public Builder origin(ContentOrigin origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    /**
     * Adds a depicted person.
     *
     * @param person the person
     * @return this builder
     */
    public Builder person(Person person) {
      persons.add(Objects.requireNonNull(person, "person"));
      return this;
    }

    /**
     * Replaces the depicted persons.
     *
     * @param all the persons
     * @return this builder
     */
    public Builder persons(List<Person> all) {
      List<Person> copy = List.copyOf(all);
      persons.clear();
      persons.addAll(copy);
      return this;
    }

    /**
     * Sets the gender presence.
     *
     * @param gender the gender presence
     * @return this builder
     */
    public Builder gender(GenderPresence gender) {
      this.gender = Objects.requireNonNull(gender, "gender");
      return this;
    }

    /**
     * Sets the sexual-content level.
     *
     * @param level the level
     * @return this builder
     */
    public Builder level(SexualContentLevel level) {
      this.level = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets whether an adult takes part.
     *
     * @param adult the fact
     * @return this builder
     */
    public Builder adultInvolved(Tri adult) {
      this.adultInvolved = Objects.requireNonNull(adult, "adult");
      return this;
    }

    /**
     * Adds aggravating flags.
     *
     * @param flags the flags
     * @return this builder
     */
    public Builder aggravating(AggravatingFlag... flags) {
      for (AggravatingFlag f : flags) {
        aggravating.add(Objects.requireNonNull(f, "flag"));
      }
      return this;
    }

    /**
     * Sets a context fact.
     *
     * @param flag the flag
     * @param value its value
     * @return this builder
     */
    public Builder context(ContextFlag flag, Tri value) {
      context.put(Objects.requireNonNull(flag, "flag"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the facts.
     *
     * @return the facts
     */
    public ContentFacts build() {
      return new ContentFacts(this);
    }
  }
}
