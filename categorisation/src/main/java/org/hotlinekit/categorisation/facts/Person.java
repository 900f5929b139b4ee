package org.hotlinekit.categorisation.facts;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One depicted person: how the person appears (age group, optional apparent age range in years)
 * and, separately, what is known whatever the appearance: whether the person is known to be an
 * adult (a look-alike) or a minor, and optionally a known age with its source (the child reported
 * it, the police identified the victim). Immutable.
 */
public final class Person {
  private static final int NONE = -1;

  private final AgeGroup group;
  private final int minYears;
  private final int maxYears;
  private final Tri knownAdult;
  private final int knownAge;
  private final String knownAgeSource;

  private Person(AgeGroup group, int minYears, int maxYears, Tri knownAdult, int knownAge,
      String knownAgeSource) {
    this.group = group;
    this.minYears = minYears;
    this.maxYears = maxYears;
    this.knownAdult = knownAdult;
    this.knownAge = knownAge;
    this.knownAgeSource = knownAgeSource;
  }

  /**
   * A person of an apparent age group, no age range, adulthood unknown.
   *
   * @param group the apparent age group
   * @return the person
   */
  public static Person of(AgeGroup group) {
    return new Person(Objects.requireNonNull(group, "group"), NONE, NONE, Tri.UNKNOWN, NONE,
        null);
  }

  /**
   * This person with an apparent age range.
   *
   * @param min the youngest apparent age, 0..120
   * @param max the oldest apparent age, min..120
   * @return a new person
   * @throws IllegalArgumentException if the range is not 0 &le; min &le; max &le; 120
   */
  public Person withAgeRange(int min, int max) {
    if (min < 0 || max > 120 || min > max) {
      throw new IllegalArgumentException(
          "age range must be 0 <= min <= max <= 120, got " + min + ".." + max);
    }
    return new Person(group, min, max, knownAdult, knownAge, knownAgeSource);
  }

  /**
   * This person with a known-adult fact.
   *
   * @param adult whether the person is known to be 18 or older
   * @return a new person
   */
  public Person withKnownAdult(Tri adult) {
    return new Person(group, minYears, maxYears, Objects.requireNonNull(adult, "adult"), knownAge,
        knownAgeSource);
  }

  /**
   * This person with a known age in years and where it is known from. Unless a known-adult fact
   * says otherwise, the person is then known to be an adult (18 or more) or not; when both are
   * recorded and disagree, the facts contradict themselves and the mappers say so.
   *
   * @param years the known age, 0..120
   * @param source where it is known from (provenance), e.g. "identified by the police"
   * @return a new person
   * @throws IllegalArgumentException if the age is out of range or the source blank
   */
  public Person withKnownAge(int years, String source) {
    if (years < 0 || years > 120) {
      throw new IllegalArgumentException("a known age is 0..120, got " + years);
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a known age needs its source");
    }
    Tri adult = knownAdult != Tri.UNKNOWN ? knownAdult : years >= 18 ? Tri.YES : Tri.NO;
    return new Person(group, minYears, maxYears, adult, years, source.strip());
  }

  /**
   * The apparent age group.
   *
   * @return the group
   */
  public AgeGroup group() {
    return group;
  }

  /**
   * The youngest apparent age.
   *
   * @return years, or empty
   */
  public OptionalInt minYears() {
    return minYears == NONE ? OptionalInt.empty() : OptionalInt.of(minYears);
  }

  /**
   * The oldest apparent age.
   *
   * @return years, or empty
   */
  public OptionalInt maxYears() {
    return maxYears == NONE ? OptionalInt.empty() : OptionalInt.of(maxYears);
  }

  /**
   * Whether the person is known to be an adult (e.g. a look-alike adult who appears younger).
   *
   * @return the fact
   */
  public Tri knownAdult() {
    return knownAdult;
  }

  /**
   * The known age in years, if recorded.
   *
   * @return the age, or empty
   */
  public OptionalInt knownAge() {
    return knownAge == NONE ? OptionalInt.empty() : OptionalInt.of(knownAge);
  }

  /**
   * Where the known age is known from.
   *
   * @return the source, empty without a known age
   */
  public java.util.Optional<String> knownAgeSource() {
    return java.util.Optional.ofNullable(knownAgeSource);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Person && group == ((Person) o).group && minYears == ((Person) o).minYears
        && maxYears == ((Person) o).maxYears && knownAdult == ((Person) o).knownAdult
        && knownAge == ((Person) o).knownAge
        && Objects.equals(knownAgeSource, ((Person) o).knownAgeSource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, minYears, maxYears, knownAdult, knownAge, knownAgeSource);
  }

  @Override
  public String toString() {
    return group + (minYears == NONE ? "" : " " + minYears + "-" + maxYears)
        + (knownAdult == Tri.UNKNOWN ? "" : " knownAdult=" + knownAdult)
        + (knownAge == NONE ? "" : " knownAge=" + knownAge + " (" + knownAgeSource + ")");
  }
}
