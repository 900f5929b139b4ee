package org.hotlinekit.core.hash;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.pdq.PdqHash;

/**
 * A hash of a {@link HashType}: its bytes. Immutable; {@link #toString()} is lowercase hex, or for
 * a {@linkplain HashType#isCarried() carried} type the list's own text, kept as it was read.
 */
public final class HashValue {
  private static final HexFormat HEX = HexFormat.of();

  private final HashType type;
  private final byte[] bytes;

  private HashValue(HashType type, byte[] bytes) {
    this.type = type;
    this.bytes = bytes;
  }

  /**
   * Wraps bytes (copied).
   *
   * @param type the type
   * @param bytes exactly {@code type.byteLength()} bytes (for {@link HashType#VPDQ}, whole
   *     frames as the type describes, frame numbers increasing, qualities 0..100, timestamps
   *     finite and not negative)
   * @return the value
   * @throws MalformedInputException if the length is wrong
   */
  public static HashValue of(HashType type, byte[] bytes) {
    Objects.requireNonNull(type, "type");
    requireBuiltIn(type);
    if (type == HashType.VPDQ) {
      return vpdq(bytes.clone());
    }
    if (bytes.length != type.byteLength()) {
      throw new MalformedInputException(
          type.id() + " hash must be " + type.byteLength() + " bytes, got " + bytes.length);
    }
    return new HashValue(type, bytes.clone());
  }

  /** At most this many frames in one vPDQ value (about 11 hours at 25 frames per second). */
  private static final int MAX_VPDQ_FRAMES = 1 << 20;

  /** A vPDQ value, its frames checked (see {@link HashType#VPDQ}); takes the array. */
  private static HashValue vpdq(byte[] bytes) {
    int n = HashType.VPDQ_FRAME_BYTES;
    if (bytes.length == 0 || bytes.length % n != 0 || bytes.length / n > MAX_VPDQ_FRAMES) {
      throw new MalformedInputException("vpdq hash must be 1 to " + MAX_VPDQ_FRAMES + " frames of "
          + n + " bytes, got " + bytes.length + " bytes");
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
    long last = -1;
    for (int at = 0; at < bytes.length; at += n) {
      int frame = b.getInt(at);
      int quality = bytes[at + 4];
      double timestamp = b.getDouble(at + 37);
      if (frame <= last) {
        throw new MalformedInputException("vpdq frame numbers must increase from 0: " + frame
            + " after " + last);
      }
      if (quality < 0 || quality > 100) {
        throw new MalformedInputException("vpdq frame " + frame + ": quality " + quality
            + " is not 0..100");
      }
      if (!(timestamp >= 0) || Double.isInfinite(timestamp)) {
        throw new MalformedInputException("vpdq frame " + frame + ": timestamp is not a finite"
            + " number >= 0");
      }
      last = frame;
    }
    return new HashValue(HashType.VPDQ, bytes);
  }

  /**
   * A digest as a hash value.
   *
   * @param digest the digest
   * @return the value
   */
  public static HashValue of(Digest digest) {
    HashType type = HashType.of(digest.algorithm());
    return new HashValue(type, digest.toByteArray());
  }

  /**
   * A PDQ hash as a hash value.
   *
   * @param pdq the hash
   * @return the value
   */
  public static HashValue of(PdqHash pdq) {
    return new HashValue(HashType.PDQ, pdq.toByteArray());
  }

  /**
   * Parses the hex form of a hash of a declared type (either case, nothing else).
   *
   * @param type the type
   * @param hex exactly {@code 2 * type.byteLength()} hex digits (for {@link HashType#VPDQ}, its
   *     frames' bytes in hex)
   * @return the value
   * @throws MalformedInputException if the text is not such a hash
   */
  public static HashValue parse(HashType type, String hex) {
    Objects.requireNonNull(type, "type");
    requireBuiltIn(type);
    if (type == HashType.VPDQ) {
      if (hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0
          && c <= 'f')) {
        throw new MalformedInputException("vpdq hash must be hex digits (" + 2
            * HashType.VPDQ_FRAME_BYTES + " per frame)");
      }
      return vpdq(HEX.parseHex(hex));
    }
    if (hex.length() != 2 * type.byteLength()) {
      throw new MalformedInputException(
          type.id() + " hash must be " + 2 * type.byteLength() + " hex digits, got "
              + hex.length() + " characters");
    }
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
        throw new MalformedInputException(
            type.id() + " hash has a character that is not a hex digit at position " + (i + 1));
      }
    }
    return new HashValue(type, HEX.parseHex(hex));
  }

  /**
   * A value of a carried type, kept as the list's text so that it is written back unchanged.
   *
   * @param type a {@linkplain HashType#carried(String) carried} type
   * @param text the value as the list gives it: printable ASCII, 1 to 65,536 characters
   * @return the value
   * @throws MalformedInputException if the text is empty, too long or not printable ASCII
   * @throws IllegalArgumentException if the type is a built-in one
   */
  public static HashValue carried(HashType type, String text) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (!type.isCarried()) {
      throw new IllegalArgumentException(type.id() + " is a built-in type: parse its value");
    }
    if (text.isEmpty() || text.length() > 65_536
        || !text.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new MalformedInputException(type.id() + " value must be 1 to 65536 printable ASCII"
          + " characters without spaces");
    }
    return new HashValue(type, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static void requireBuiltIn(HashType type) {
    if (type.isCarried()) {
      throw new IllegalArgumentException(type.id() + " is a carried type: use carried(type, text)");
    }
  }

  /**
   * Parses a PhotoDNA hash in any of the encodings lists use: 288 hex digits, 192 characters of
   * base64, or 144 comma-separated decimals 0..255.
   *
   * @param text the encoded hash (surrounding white space is ignored)
   * @return the value
   * @throws MalformedInputException if the text is none of these
   */
  public static HashValue parsePhotoDna(String text) {
    String t = text.strip();
    int n = HashType.PHOTODNA.byteLength();
    if (t.length() == 2 * n) {
      return parse(HashType.PHOTODNA, t);
    }
    if (t.indexOf(',') >= 0) {
      String[] parts = t.split(",", -1);
      if (parts.length != n) {
        throw new MalformedInputException(
            "photodna hash must have " + n + " comma-separated values, got " + parts.length);
      }
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        String v = parts[i].strip();
        if (v.isEmpty() || v.length() > 3 || !v.chars().allMatch(c -> c >= '0' && c <= '9')
            || Integer.parseInt(v) > 255) {
          throw new MalformedInputException(
              "photodna hash value " + (i + 1) + " is not a number 0..255");
        }
        b[i] = (byte) Integer.parseInt(v);
      }
      return new HashValue(HashType.PHOTODNA, b);
    }
    if (t.length() == 4 * n / 3) {
      try {
        return of(HashType.PHOTODNA, java.util.Base64.getDecoder().decode(t));
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("photodna hash is not valid base64");
      }
    }
    throw new MalformedInputException(
        "photodna hash must be " + 2 * n + " hex digits, " + 4 * n / 3 + " base64 characters or "
            + n + " comma-separated decimals, got " + t.length() + " characters");
  }

  /**
   * The type.
   *
   * @return the type
   */
  public HashType type() {
    return type;
  }

  /**
   * The bytes.
   *
   * @return a fresh copy
   */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /**
   * The value as a digest, for MD5, SHA-1 and SHA-256.
   *
   * @return the digest, or empty for other types
   */
  public Optional<Digest> asDigest() {
    return type.digestAlgorithm().map(a -> Digest.of(a, bytes));
  }

  /**
   * The value as a PDQ hash.
   *
   * @return the hash, or empty for other types
   */
  public Optional<PdqHash> asPdq() {
    return type == HashType.PDQ ? Optional.of(PdqHash.fromByteArray(bytes)) : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashValue && type.equals(((HashValue) o).type)
        && Arrays.equals(bytes, ((HashValue) o).bytes);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(bytes);
  }

  /**
   * The canonical form.
   *
   * @return lowercase hex; a carried value's own text
   */
  @Override
  public String toString() {
    return type.isCarried() ? new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)
        : HEX.formatHex(bytes);
  }
}
