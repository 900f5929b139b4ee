package org.hotlinekit.iccam.model;

import java.util.Objects;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * A hash of a content item's media, in hotlinekit's one hash vocabulary: what hashing computed
 * ({@code Fingerprint.of(value)}) is what a report carries, with no string in between.
 *
 * @param hash the hash
 */
public record Fingerprint(HashValue hash) {
  /**
   * Checks.
   *
   * @param hash the hash, of a built-in type
   * @throws IllegalArgumentException for a carried or plug-in type, which the format cannot name
   */
  public Fingerprint {
    Objects.requireNonNull(hash, "hash");
    if (!exchangeable(hash.type())) {
      // The exchange format names the built-in kinds only; a reader would refuse this one.
      throw new IllegalArgumentException("the exchange format has no fingerprint type "
          + hash.type().id());
    }
  }

  /**
   * Whether the exchange format can carry values of a type: the built-in types (MD5, SHA-1,
   * SHA-256, PDQ, PhotoDNA), not carried list kinds or plug-in signals.
   *
   * @param type the type
   * @return true if a fingerprint of it can be exchanged
   */
  public static boolean exchangeable(HashType type) {
    return EXCHANGEABLE.contains(type);
  }

  /** The exchange format's fingerprint types (version 1): not every built-in type (no vPDQ). */
  private static final java.util.List<HashType> EXCHANGEABLE = java.util.List.of(HashType.MD5,
      HashType.SHA1, HashType.SHA256, HashType.PDQ, HashType.PHOTODNA);

  /**
   * The exchange format's fingerprint and signal types, in a fixed order.
   *
   * @return md5, sha1, sha256, pdq, photodna
   */
  public static java.util.List<HashType> exchangeableTypes() {
    return EXCHANGEABLE;
  }

  /**
   * A fingerprint of a computed hash.
   *
   * @param hash the hash
   * @return the fingerprint
   */
  public static Fingerprint of(HashValue hash) {
    return new Fingerprint(hash);
  }

  /**
   * A fingerprint from the exchange format's type name and lowercase hex value.
   *
   * @param type {@code md5}, {@code sha1}, {@code sha256}, {@code pdq} or {@code photodna}
   * @param value lowercase hex of the type's length
   * @return the fingerprint
   * @throws IllegalArgumentException for an unknown type, or a value that is not the type's
   *     lowercase hex
   */
  public static Fingerprint parse(String type, String value) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    HashType t = HashType.fromId(type).filter(x -> x.id().equals(type))
        .filter(Fingerprint::exchangeable).orElseThrow(
        () -> new IllegalArgumentException("unknown fingerprint type '" + type + "'"));
    if (!value.matches("[0-9a-f]*") || value.length() != 2 * t.byteLength()) {
      throw new IllegalArgumentException(type + " fingerprint must be " + 2 * t.byteLength()
          + " lowercase hex digits");
    }
    try {
      return new Fingerprint(HashValue.parse(t, value));
    } catch (HotlinekitException e) {
      throw new IllegalArgumentException(type + " fingerprint: " + e.getMessage(), e);
    }
  }

  /**
   * The kind of hash.
   *
   * @return the type
   */
  public HashType type() {
    return hash.type();
  }

  /**
   * The value as the exchange format writes it.
   *
   * @return lowercase hex
   */
  public String value() {
    return hash.toString();
  }
}
