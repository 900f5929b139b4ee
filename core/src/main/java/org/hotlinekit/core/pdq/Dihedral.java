package org.hotlinekit.core.pdq;

import java.util.Optional;

/**
 * The eight symmetries of a rectangle: the rotations and mirror images of an image. PDQ derives
 * the hash of each from one image without re-hashing. Names and meaning are those of Meta's
 * reference ({@code pdq-photo-hasher --pdqdih}).
 */
public enum Dihedral {
  /** The image as it is. */
  ORIG("orig"),
  /** Rotated 90 degrees counter-clockwise. */
  ROT90("rot90"),
  /** Rotated 180 degrees. */
  ROT180("rot180"),
  /** Rotated 270 degrees counter-clockwise (90 degrees clockwise). */
  ROT270("rot270"),
  /** Flipped upside down (top and bottom swapped). */
  FLIPX("flipx"),
  /** Mirrored (left and right swapped). */
  FLIPY("flipy"),
  /** Transposed: mirrored about the main diagonal (top-left to bottom-right). */
  FLIPPLUS1("flipplus1"),
  /** Anti-transposed: mirrored about the anti-diagonal (top-right to bottom-left). */
  FLIPMINUS1("flipminus1");

  private final String referenceName;

  Dihedral(String referenceName) {
    this.referenceName = referenceName;
  }

  /**
   * The name the reference implementation uses.
   *
   * @return e.g. {@code "rot90"}
   */
  public String referenceName() {
    return referenceName;
  }

  /**
   * Looks a variant up by its reference name.
   *
   * @param name e.g. {@code "flipplus1"}
   * @return the variant, or empty if the name is unknown
   */
  public static Optional<Dihedral> fromReferenceName(String name) {
    for (Dihedral d : values()) {
      if (d.referenceName.equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
