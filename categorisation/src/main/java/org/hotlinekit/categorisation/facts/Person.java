package org.hotlinekit.categorisation.facts;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One depicted person: apparent age group, optional apparent age range in years, and whether the
 * person is known to be an adult whatever the appearance (a look-alike). Immutable.
 */
public final class Person {
  private static final int NONE = -1;

  private final AgeGroup group;
  private final int minYears;
  private final int maxYears;
  private final Tri knownAdult;

  private Person(AgeGroup group, int minYears, int maxYears, Tri knownAdult) {
    this.group = group;
    this.minYears = minYears;
    this.maxYears = maxYears;
    this.knownAdult = knownAdult;
  }

  /**
   * A person of an apparent age group, no age range, adulthood unknown.
   *
   * @param group the apparent age group
   * @return the person
   */
  public static Person of(AgeGroup group) {
    return new Person(Objects.requireNonNull(group, "group"), NONE, NONE, Tri.UNKNOWN);
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
    return new Person(group, min, max, knownAdult);
  }

  /**
   * This person with a known-adult fact.
   *
   * @param adult whether the person is known to be 18 or older
   * @return a new person
   */
  public Person withKnownAdult(Tri adult) {
    return new Person(group, minYears, maxYears, Objects.requireNonNull(adult, "adult"));
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Person && group == ((Person) o).group && minYears == ((Person) o).minYears
        && maxYears == ((Person) o).maxYears && knownAdult == ((Person) o).knownAdult;
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, minYears, maxYears, knownAdult);
  }

  @Override
  public String toString() {
    return group + (minYears == NONE ? "" : " " + minYears + "-" + maxYears)
        + (knownAdult == Tri.UNKNOWN ? "" : " knownAdult=" + knownAdult);
  }
}
