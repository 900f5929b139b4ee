package org.hotlinekit.core.digest;

import java.util.Locale;
import java.util.Optional;

/** The exact-match digest algorithms hotlinekit computes and parses. */
public enum DigestAlgorithm {
  /** MD5 (RFC 1321), 16 bytes. Broken for collisions, still the lingua franca of hash lists. */
  MD5("md5", "MD5", 16),
  /** SHA-1 (FIPS 180-4), 20 bytes. */
  SHA1("sha1", "SHA-1", 20),
  /** SHA-256 (FIPS 180-4), 32 bytes. */
  SHA256("sha256", "SHA-256", 32);

  private final String id;
  private final String jcaName;
  private final int byteLength;

  DigestAlgorithm(String id, String jcaName, int byteLength) {
    this.id = id;
    this.jcaName = jcaName;
    this.byteLength = byteLength;
  }

  /**
   * The short lowercase name used in hotlinekit's formats and on the command line.
   *
   * @return {@code "md5"}, {@code "sha1"} or {@code "sha256"}
   */
  public String id() {
    return id;
  }

  /**
   * The standard name of the algorithm in the Java Cryptography Architecture.
   *
   * @return e.g. {@code "SHA-256"}
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * The digest length in bytes.
   *
   * @return 16, 20 or 32
   */
  public int byteLength() {
    return byteLength;
  }

  /**
   * The digest length in hex digits.
   *
   * @return twice {@link #byteLength()}
   */
  public int hexLength() {
    return byteLength * 2;
  }

  /**
   * Looks an algorithm up by its {@link #id()}, ignoring case and a hyphen ({@code "SHA-256"}
   * works too).
   *
   * @param name the name to look up
   * @return the algorithm, or empty if the name is unknown
   */
  public static Optional<DigestAlgorithm> fromId(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace("-", "");
    for (DigestAlgorithm a : values()) {
      if (a.id.equals(key)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The algorithm whose hex digest has this many digits.
   *
   * @param hexDigits a length in hex digits
   * @return MD5 for 32, SHA-1 for 40, SHA-256 for 64, otherwise empty. Note that a PDQ hash is
   *     also 64 hex digits: where both can occur, the caller must know the type.
   */
  public static Optional<DigestAlgorithm> forHexLength(int hexDigits) {
    for (DigestAlgorithm a : values()) {
      if (a.hexLength() == hexDigits) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
