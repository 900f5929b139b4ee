package org.hotlinekit.categorisation.assertion;

import java.util.Objects;

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
   */
  record HashMatch(String list, String entry) implements Basis {
    /**
     * Validates.
     *
     * @param list the list
     * @param entry the entry
     */
    public HashMatch {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(entry, "entry");
    }

    @Override
    public int rank() {
      return 2;
    }

    @Override
    public String toString() {
      return "hash match with " + list + " entry " + entry;
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
