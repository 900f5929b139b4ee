package org.hotlinekit.core.hash;

import java.util.Locale;
import java.util.Optional;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHash;

/**
 * The kinds of hash (signal types) hotlinekit knows: their name, their length, and how two values
 * are compared. The one vocabulary of hash lists, matches, label provenance and report
 * fingerprints.
 */
public enum HashType {
  /** MD5, 16 bytes, compared exactly. */
  MD5("md5", 16, Comparison.EXACT, DigestAlgorithm.MD5),
  /** SHA-1, 20 bytes, compared exactly. */
  SHA1("sha1", 20, Comparison.EXACT, DigestAlgorithm.SHA1),
  /** SHA-256, 32 bytes, compared exactly. */
  SHA256("sha256", 32, Comparison.EXACT, DigestAlgorithm.SHA256),
  /** PDQ, 32 bytes (256 bits), with a quality when known; compared by Hamming distance. */
  PDQ("pdq", 32, Comparison.HAMMING, null),
  /** Microsoft PhotoDNA, 144 bytes: licensed, carried as opaque bytes and matched exactly. */
  PHOTODNA("photodna", 144, Comparison.EXACT, null);

  /** How two values of a type are compared. */
  public enum Comparison {
    /** Equal bytes, or no match. */
    EXACT,
    /** The number of differing bits, matched up to a distance. */
    HAMMING
  }

  private final String id;
  private final int byteLength;
  private final Comparison comparison;
  private final DigestAlgorithm digest;

  HashType(String id, int byteLength, Comparison comparison, DigestAlgorithm digest) {
    this.id = id;
    this.byteLength = byteLength;
    this.comparison = comparison;
    this.digest = digest;
  }

  /**
   * How two values are compared.
   *
   * @return exact or Hamming
   */
  public Comparison comparison() {
    return comparison;
  }

  /**
   * The distance up to which two values match by default: 0 for exact types, {@link
   * PdqHash#RECOMMENDED_MATCH_DISTANCE} (31) for PDQ.
   *
   * @return the distance
   */
  public int defaultMaxDistance() {
    return comparison == Comparison.HAMMING ? PdqHash.RECOMMENDED_MATCH_DISTANCE : 0;
  }

  /**
   * The digest algorithm this type is, for the cryptographic digests.
   *
   * @return the algorithm, or empty for perceptual and licensed types
   */
  public Optional<DigestAlgorithm> digestAlgorithm() {
    return Optional.ofNullable(digest);
  }

  /**
   * The type of a digest algorithm's values.
   *
   * @param algorithm the algorithm
   * @return its type
   */
  public static HashType of(DigestAlgorithm algorithm) {
    java.util.Objects.requireNonNull(algorithm, "algorithm");
    for (HashType t : values()) {
      if (t.digest == algorithm) {
        return t;
      }
    }
    throw new IllegalStateException("no hash type for " + algorithm);
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
