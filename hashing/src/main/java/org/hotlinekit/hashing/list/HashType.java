package org.hotlinekit.hashing.list;

import java.util.Locale;
import java.util.Optional;

/** The kinds of hash a list entry can carry. */
public enum HashType {
  /** MD5, 16 bytes. */
  MD5("md5", 16),
  /** SHA-1, 20 bytes. */
  SHA1("sha1", 20),
  /** SHA-256, 32 bytes. */
  SHA256("sha256", 32),
  /** PDQ, 32 bytes (256 bits), with a quality when known. */
  PDQ("pdq", 32),
  /** Microsoft PhotoDNA, 144 bytes: licensed, carried as opaque bytes and matched exactly. */
  PHOTODNA("photodna", 144);

  private final String id;
  private final int byteLength;

  HashType(String id, int byteLength) {
    this.id = id;
    this.byteLength = byteLength;
  }

  /**
   * The lowercase name used in hotlinekit's formats.
   *
   * @return e.g. {@code "pdq"}
   */
  public String id() {
    return id;
  }

  /**
   * The length of the hash.
   *
   * @return bytes
   */
  public int byteLength() {
    return byteLength;
  }

  /**
   * Looks a type up by its {@link #id()}, ignoring case and hyphens ({@code "SHA-256"} works).
   *
   * @param name the name
   * @return the type, or empty if unknown
   */
  public static Optional<HashType> fromId(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace("-", "");
    for (HashType t : values()) {
      if (t.id.equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
