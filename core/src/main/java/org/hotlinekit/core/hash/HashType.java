package org.hotlinekit.core.hash;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHash;

/**
 * The kinds of hash (signal types) hotlinekit handles: their name, their length, and how two values
 * are compared. The one vocabulary of hash lists, matches, label provenance and report
 * fingerprints.
 *
 * <p>The built-in types ({@link #builtIn()}) are matched; a kind that a list carries but hotlinekit
 * cannot compute or compare (NCMEC's NetClean or TMK fingerprints, a STIX hash key it does not
 * know) is a {@linkplain #carried(String) carried} type: kept on read and written back, never
 * matched, never dropped silently. Built-in types are singletons (compare them with {@code ==});
 * carried types are equal when their names are.
 */
public final class HashType {
  /** How two values of a type are compared. */
  public enum Comparison {
    /** Equal bytes, or no match. */
    EXACT,
    /** The number of differing bits, matched up to a distance. */
    HAMMING,
    /** Not compared: a carried type. */
    NONE,
    /**
     * A video's sequence of PDQ frame hashes ({@link #VPDQ}): two videos match when enough frames
     * of each have a frame within a Hamming distance in the other (see {@code VpdqMatcher} in
     * hotlinekit-hashing).
     */
    FRAMES
  }

  /** MD5, 16 bytes, compared exactly. */
  public static final HashType MD5 = new HashType("md5", 16, Comparison.EXACT,
      DigestAlgorithm.MD5);
  /** SHA-1, 20 bytes, compared exactly. */
  public static final HashType SHA1 = new HashType("sha1", 20, Comparison.EXACT,
      DigestAlgorithm.SHA1);
  /** SHA-256, 32 bytes, compared exactly. */
  public static final HashType SHA256 = new HashType("sha256", 32, Comparison.EXACT,
      DigestAlgorithm.SHA256);
  /** PDQ, 32 bytes (256 bits), with a quality when known; compared by Hamming distance. */
  public static final HashType PDQ = new HashType("pdq", 32, Comparison.HAMMING, null);
  /** Microsoft PhotoDNA, 144 bytes: licensed, carried as opaque bytes and matched exactly. */
  public static final HashType PHOTODNA = new HashType("photodna", 144, Comparison.EXACT, null);

  /**
   * vPDQ, a video's PDQ hash per hashed frame with its quality and time: of variable length,
   * {@link #VPDQ_FRAME_BYTES} per frame (frame number, 4 bytes big-endian; quality, 1; PDQ, 32;
   * timestamp in seconds, an IEEE 754 double, 8), frames in increasing frame numbers; compared
   * frame by frame ({@link Comparison#FRAMES}) with {@link #defaultMaxDistance()} 31 per frame.
   */
  public static final HashType VPDQ = new HashType("vpdq", -1, Comparison.FRAMES, null,
      PdqHash.RECOMMENDED_MATCH_DISTANCE, false);

  /** The bytes of one frame of a {@link #VPDQ} value. */
  public static final int VPDQ_FRAME_BYTES = 45;

  private static final List<HashType> BUILT_IN =
      List.of(MD5, SHA1, SHA256, PDQ, PHOTODNA, VPDQ);

  /** Names of carried types: letters, digits, and {@code _ - . :}, at most 64 characters. */
  private static final Pattern CARRIED_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private final String id;
  private final int byteLength;
  private final Comparison comparison;
  private final DigestAlgorithm digest;
  private final int defaultMaxDistance;
  private final boolean plugin;

  private HashType(String id, int byteLength, Comparison comparison, DigestAlgorithm digest) {
    this(id, byteLength, comparison, digest, comparison == Comparison.HAMMING
        ? PdqHash.RECOMMENDED_MATCH_DISTANCE : 0, false);
  }

  private HashType(String id, int byteLength, Comparison comparison, DigestAlgorithm digest,
      int defaultMaxDistance, boolean plugin) {
    this.id = id;
    this.byteLength = byteLength;
    this.comparison = comparison;
    this.digest = digest;
    this.defaultMaxDistance = defaultMaxDistance;
    this.plugin = plugin;
  }

  /**
   * Whether this is a plug-in's type ({@link #plugin}).
   *
   * @return true for plug-in types
   */
  public boolean isPlugin() {
    return plugin;
  }

  /**
   * The built-in types, in a fixed order: MD5, SHA-1, SHA-256, PDQ, PhotoDNA, vPDQ.
   *
   * @return the types
   */
  public static List<HashType> builtIn() {
    return BUILT_IN;
  }

  /**
   * A type that hotlinekit carries but does not compare, named as the list names it (e.g. {@code
   * netclean}, {@code tmk_pdqf}, {@code SSDEEP}). Its values are kept as the list's text.
   *
   * @param name the list's name for it; not the name of a built-in type
   * @return the type
   * @throws IllegalArgumentException for a built-in name, or a name outside {@code
   *     [A-Za-z0-9][A-Za-z0-9_.:-]{0,63}}
   */
  public static HashType carried(String name) {
    Objects.requireNonNull(name, "name");
    if (!CARRIED_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a carried hash kind is named by letters, digits and"
          + " _ - . : (at most 64), got " + name.length() + " characters");
    }
    if (fromId(name).isPresent()) {
      throw new IllegalArgumentException("'" + name + "' is a built-in hash type, not carried");
    }
    return new HashType(name, -1, Comparison.NONE, null);
  }

  /**
   * A signal type of a plug-in (a hasher and matcher that hotlinekit does not ship, e.g. a
   * licensed PhotoDNA library wrapped by its licensee, or an open perceptual hash): values of a
   * fixed length, compared exactly or by Hamming distance.
   *
   * @param name its name in lists and reports; not a built-in name
   * @param byteLength the length of a value, 1 to 4,096 bytes
   * @param comparison {@link Comparison#EXACT} or {@link Comparison#HAMMING}
   * @param defaultMaxDistance for Hamming types, the distance up to which values match by default
   * @return the type (equal to any other plug-in type of the same name)
   * @throws IllegalArgumentException for a built-in or malformed name, a length out of range, a
   *     NONE comparison, or a distance outside 0 to 8 x length
   */
  public static HashType plugin(String name, int byteLength, Comparison comparison,
      int defaultMaxDistance) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comparison, "comparison");
    if (!CARRIED_NAME.matcher(name).matches() || fromId(name).isPresent()) {
      throw new IllegalArgumentException("a plug-in signal type needs its own name of letters,"
          + " digits and _ - . : (at most 64)");
    }
    if (byteLength < 1 || byteLength > 4096) {
      throw new IllegalArgumentException("a value is 1 to 4096 bytes, got " + byteLength);
    }
    if (comparison == Comparison.NONE) {
      throw new IllegalArgumentException("a plug-in type is compared (use carried() otherwise)");
    }
    int max = comparison == Comparison.HAMMING ? defaultMaxDistance : 0;
    if (max < 0 || max > 8 * byteLength) {
      throw new IllegalArgumentException("distance 0.." + 8 * byteLength + ", got " + max);
    }
    return new HashType(name, byteLength, comparison, null, max, true);
  }

  /**
   * The name used in hotlinekit's formats: lowercase for built-in types, the list's own name for
   * carried ones.
   *
   * @return e.g. {@code "pdq"}
   */
  public String id() {
    return id;
  }

  /**
   * The length of a value.
   *
   * @return bytes; -1 for a carried type and for {@link #VPDQ}, whose values have no fixed
   *     length
   */
  public int byteLength() {
    return byteLength;
  }

  /**
   * How two values are compared.
   *
   * @return exact, Hamming, frames (vPDQ), or none (carried)
   */
  public Comparison comparison() {
    return comparison;
  }

  /**
   * Whether this is a carried type (kept and written back, never matched).
   *
   * @return true for carried types
   */
  public boolean isCarried() {
    return comparison == Comparison.NONE;
  }

  /**
   * The distance up to which two values match by default: 0 for exact types, {@link
   * PdqHash#RECOMMENDED_MATCH_DISTANCE} (31) for PDQ and for each frame of vPDQ, the plug-in's
   * own for a plug-in type.
   *
   * @return the distance
   */
  public int defaultMaxDistance() {
    return defaultMaxDistance;
  }

  /**
   * The digest algorithm this type is, for the cryptographic digests.
   *
   * @return the algorithm, or empty for perceptual, licensed and carried types
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
    Objects.requireNonNull(algorithm, "algorithm");
    for (HashType t : BUILT_IN) {
      if (t.digest == algorithm) {
        return t;
      }
    }
    throw new IllegalStateException("no hash type for " + algorithm);
  }

  /**
   * Looks a built-in type up by its {@link #id()}, ignoring case and hyphens ({@code "SHA-256"}
   * works).
   *
   * @param name the name
   * @return the type, or empty if no built-in type has that name
   */
  public static Optional<HashType> fromId(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace("-", "");
    for (HashType t : BUILT_IN) {
      if (t.id.equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HashType)) {
      return false;
    }
    HashType t = (HashType) o;
    // Built-in types are singletons; carried and plug-in types are equal by name and kind.
    return !isBuiltIn() && !t.isBuiltIn() && plugin == t.plugin && id.equals(t.id)
        && byteLength == t.byteLength && comparison == t.comparison;
  }

  private boolean isBuiltIn() {
    for (HashType b : BUILT_IN) {
      if (b == this) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /**
   * The type's name.
   *
   * @return {@link #id()}
   */
  @Override
  public String toString() {
    return id;
  }
}
