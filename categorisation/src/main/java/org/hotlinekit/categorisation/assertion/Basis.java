package org.hotlinekit.categorisation.assertion;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.hotlinekit.core.hash.HashType;

/** What a label assertion rests on. */
public sealed interface Basis permits Basis.Manual, Basis.Derived, Basis.HashMatch,
    Basis.Classifier {
  /**
   * How strongly this basis stands against others for the same scheme: a manual assessment first,
   * then a hash match to an assessed list, then a classifier, then a derivation.
   *
   * @return higher stands first
   */
  int rank();

  /** An analyst assessed the item. */
  record Manual() implements Basis {
    @Override
    public int rank() {
      return 3;
    }

    @Override
    public String toString() {
      return "manual";
    }
  }

  /**
   * Derived from facts by a mapper.
   *
   * @param mapper the scheme id of the mapper
   * @param version the mapper's version
   */
  record Derived(String mapper, String version) implements Basis {
    /**
     * Validates.
     *
     * @param mapper the mapper's scheme id
     * @param version its version
     */
    public Derived {
      Objects.requireNonNull(mapper, "mapper");
      Objects.requireNonNull(version, "version");
    }

    @Override
    public int rank() {
      return 0;
    }

    @Override
    public String toString() {
      return "derived by " + mapper + "@" + version;
    }
  }

  /**
   * The item matched an entry of a hash list whose entry carries the label.
   *
   * @param list the list's name
   * @param entry the entry's id
   * @param signal the kind of hash that matched, if recorded
   * @param distance how far apart the two hashes were (0 for an exact match), if recorded
   */
  record HashMatch(String list, String entry, Optional<HashType> signal, OptionalInt distance)
      implements Basis {
    /**
     * Validates.
     *
     * @param list the list
     * @param entry the entry
     * @param signal the signal type
     * @param distance the distance, 0 or more
     */
    public HashMatch {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(signal, "signal");
      Objects.requireNonNull(distance, "distance");
      if (distance.isPresent() && distance.getAsInt() < 0) {
        throw new IllegalArgumentException("a distance is 0 or more, got " + distance.getAsInt());
      }
    }

    /**
     * A match whose signal type and distance were not recorded.
     *
     * @param list the list
     * @param entry the entry
     */
    public HashMatch(String list, String entry) {
      this(list, entry, Optional.empty(), OptionalInt.empty());
    }

    /**
     * A match of a signal type at a distance.
     *
     * @param list the list
     * @param entry the entry
     * @param signal the kind of hash that matched
     * @param distance how far apart the hashes were, 0 for exact
     */
    public HashMatch(String list, String entry, HashType signal, int distance) {
      this(list, entry, Optional.of(signal), OptionalInt.of(distance));
    }

    @Override
    public int rank() {
      return 2;
    }

    @Override
    public String toString() {
      return "hash match with " + list + " entry " + entry + signal.map(s -> " (" + s.id()
          + (distance.isPresent() ? ", distance " + distance.getAsInt() : "") + ")").orElse("");
    }
  }

  /**
   * An automatic classifier.
   *
   * @param model the model and its version
   * @param score its score, 0..1
   */
  record Classifier(String model, double score) implements Basis {
    /**
     * Validates.
     *
     * @param model the model
     * @param score the score
     */
    public Classifier {
      Objects.requireNonNull(model, "model");
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("a classifier score is 0..1, got " + score);
      }
    }

    @Override
    public int rank() {
      return 1;
    }

    @Override
    public String toString() {
      return "classifier " + model + " (score " + score + ")";
    }
  }
}
