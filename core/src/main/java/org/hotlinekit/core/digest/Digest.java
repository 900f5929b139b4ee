package org.hotlinekit.core.digest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.internal.StrictHex;

/**
 * An immutable cryptographic digest: an algorithm and its bytes.
 *
 * <p>{@link #toString()} is the canonical lowercase hex form; {@link #parse(DigestAlgorithm,
 * CharSequence)} accepts exactly that (either case) and nothing else. {@link #equals(Object)}
 * compares the bytes in constant time, so comparing a secret or unreleased digest does not leak
 * how many leading bytes matched.
 */
public final class Digest {
  private static final HexFormat HEX = HexFormat.of();

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final DigestAlgorithm algorithm;
  private final byte[] bytes;

  private Digest(DigestAlgorithm algorithm, byte[] bytes) {
    this.algorithm = algorithm;
    this.bytes = bytes;
  }

  /**
   * Wraps digest bytes (copied).
   *
   * @param algorithm the algorithm that produced them
   * @param bytes exactly {@code algorithm.byteLength()} bytes
   * @return the digest
   * @throws MalformedInputException if the length is wrong
   */
  public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != algorithm.byteLength()) {
      throw new MalformedInputException(
          algorithm.jcaName()
              + " digest must be "
              + algorithm.byteLength()
              + " bytes, got "
              + bytes.length);
    }
    return new Digest(algorithm, bytes.clone());
  }

  /**
   * Parses a hex digest of a known algorithm.
   *
   * @param algorithm the algorithm
   * @param hex exactly {@code algorithm.hexLength()} hex digits, either case, nothing else
   * @return the digest
   * @throws MalformedInputException if the text is not exactly such a digest
   */
  public static Digest parse(DigestAlgorithm algorithm, CharSequence hex) {
    Objects.requireNonNull(algorithm, "algorithm");
    return new Digest(
        algorithm, StrictHex.parse(hex, algorithm.byteLength(), algorithm.jcaName() + " digest"));
  }

  /**
   * Parses a hex digest, inferring the algorithm from its length (32: MD5, 40: SHA-1, 64:
   * SHA-256). Use {@link #parse(DigestAlgorithm, CharSequence)} where a 64-digit value could also
   * be a PDQ hash.
   *
   * @param hex the hex digest
   * @return the digest
   * @throws MalformedInputException if the length matches no algorithm or a character is not hex
   */
  public static Digest parse(CharSequence hex) {
    Objects.requireNonNull(hex, "hex");
    DigestAlgorithm algorithm =
        DigestAlgorithm.forHexLength(hex.length())
            .orElseThrow(
                () ->
                    new MalformedInputException(
                        "a digest must be 32 (MD5), 40 (SHA-1) or 64 (SHA-256) hex digits, got "
                            + hex.length()
                            + " characters"));
    return parse(algorithm, hex);
  }

  /**
   * The algorithm.
   *
   * @return the algorithm that produced this digest
   */
  public DigestAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * The digest bytes.
   *
   * @return a fresh copy of the bytes
   */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /**
   * Eight bytes of the digest as a big-endian number, without copying the digest: word 0 is bytes
   * 0-7, word 1 bytes 8-15, and so on; a last partial word is padded with zero bytes. For indexes
   * and hash tables that compare digests word by word.
   *
   * @param index 0 .. (byteLength + 7) / 8 - 1
   * @return the word
   * @throws IndexOutOfBoundsException if there is no such word
   */
  public long word(int index) {
    int off = 8 * Objects.checkIndex(index, (bytes.length + 7) / 8);
    if (off + 8 <= bytes.length) {
      return (long) LONGS.get(bytes, off);
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (off + i < bytes.length ? bytes[off + i] & 0xff : 0);
    }
    return v;
  }

  /**
   * Compares with another digest in time independent of where the bytes differ.
   *
   * @param o the other object
   * @return true for a digest of the same algorithm with the same bytes
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Digest)) {
      return false;
    }
    Digest other = (Digest) o;
    return algorithm == other.algorithm && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    // Digest bytes are uniformly distributed: the first four are as good as all of them.
    return ((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8
            | (bytes[3] & 0xff))
        ^ algorithm.ordinal();
  }

  /**
   * The canonical form.
   *
   * @return lowercase hex, {@code algorithm().hexLength()} digits
   */
  @Override
  public String toString() {
    return HEX.formatHex(bytes);
  }
}
