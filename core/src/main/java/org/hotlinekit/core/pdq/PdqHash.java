package org.hotlinekit.core.pdq;

import java.util.Objects;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.internal.StrictHex;

/**
 * An immutable 256-bit PDQ perceptual hash.
 *
 * <p>Layout, as in Meta's reference implementation: bit {@code k} (0..255) is DCT coefficient
 * {@code (row, col) = (k / 16, k % 16)}, and is worth {@code 2^k} when the 64-digit hex form is
 * read as one big-endian unsigned number. So the last hex digit holds bits 3..0 and {@link
 * #toByteArray()}'s last byte holds bits 7..0.
 *
 * <p>Similar images have hashes at a small {@linkplain #hammingDistance(PdqHash) Hamming
 * distance}; upstream recommends treating a distance of at most {@value #RECOMMENDED_MATCH_DISTANCE}
 * as a match.
 */
public final class PdqHash {
  /** The number of bits in a PDQ hash. */
  public static final int BITS = 256;

  /** The upstream-recommended match threshold: distance at most 31 of 256 bits. */
  public static final int RECOMMENDED_MATCH_DISTANCE = 31;

  private static final PdqHash ZERO = new PdqHash(0, 0, 0, 0);

  // w3 holds bits 255..192 (the first 16 hex digits), w0 holds bits 63..0.
  private final long w3;
  private final long w2;
  private final long w1;
  private final long w0;

  private PdqHash(long w3, long w2, long w1, long w0) {
    this.w3 = w3;
    this.w2 = w2;
    this.w1 = w1;
    this.w0 = w0;
  }

  /**
   * The all-zero hash, which the reference returns for images too small to hash.
   *
   * @return the hash with no bit set
   */
  public static PdqHash zero() {
    return ZERO;
  }

  /**
   * Parses the canonical form.
   *
   * @param hex exactly 64 hex digits, either case, nothing else
   * @return the hash
   * @throws MalformedInputException if the text is not exactly such a hash
   */
  public static PdqHash parse(CharSequence hex) {
    return fromByteArray(StrictHex.parse(hex, BITS / 8, "PDQ hash"));
  }

  /**
   * Creates a hash from its 32 bytes, most significant first (the order of the hex form).
   *
   * @param bytes exactly 32 bytes (not retained)
   * @return the hash
   * @throws MalformedInputException if the length is wrong
   */
  public static PdqHash fromByteArray(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != BITS / 8) {
      throw new MalformedInputException("PDQ hash must be 32 bytes, got " + bytes.length);
    }
    return new PdqHash(word(bytes, 0), word(bytes, 8), word(bytes, 16), word(bytes, 24));
  }

  /**
   * Creates a hash from four 64-bit words, most significant first (the order of the hex form).
   *
   * @param words exactly 4 words: {@code words[0]} holds bits 255..192, {@code words[3]} bits
   *     63..0
   * @return the hash
   * @throws IllegalArgumentException if there are not exactly 4 words
   */
  public static PdqHash fromWords(long[] words) {
    Objects.requireNonNull(words, "words");
    if (words.length != 4) {
      throw new IllegalArgumentException("a PDQ hash has 4 words, got " + words.length);
    }
    return new PdqHash(words[0], words[1], words[2], words[3]);
  }

  /**
   * Creates a hash from its bits.
   *
   * @param bits exactly 256 flags; {@code bits[k]} is bit {@code k} (DCT row {@code k / 16},
   *     column {@code k % 16})
   * @return the hash
   * @throws IllegalArgumentException if there are not exactly 256 flags
   */
  public static PdqHash fromBits(boolean[] bits) {
    Objects.requireNonNull(bits, "bits");
    if (bits.length != BITS) {
      throw new IllegalArgumentException("a PDQ hash has 256 bits, got " + bits.length);
    }
    long[] w = new long[4];
    for (int k = 0; k < BITS; k++) {
      if (bits[k]) {
        w[3 - (k >>> 6)] |= 1L << (k & 63);
      }
    }
    return fromWords(w);
  }

  private static long word(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xffL);
    }
    return v;
  }

  /**
   * One bit.
   *
   * @param k the bit index, 0..255 (DCT row {@code k / 16}, column {@code k % 16})
   * @return whether the bit is set
   */
  public boolean bit(int k) {
    Objects.checkIndex(k, BITS);
    return ((wordAt(3 - (k >>> 6)) >>> (k & 63)) & 1) != 0;
  }

  /**
   * The four 64-bit words, most significant first.
   *
   * @return a fresh array: {@code [bits 255..192, 191..128, 127..64, 63..0]}
   */
  public long[] toWords() {
    return new long[] {w3, w2, w1, w0};
  }

  /**
   * The 32 bytes, most significant first.
   *
   * @return a fresh array in the order of the hex form
   */
  public byte[] toByteArray() {
    byte[] out = new byte[32];
    long[] w = toWords();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 8; j++) {
        out[i * 8 + j] = (byte) (w[i] >>> (56 - 8 * j));
      }
    }
    return out;
  }

  private long wordAt(int i) {
    switch (i) {
      case 0:
        return w3;
      case 1:
        return w2;
      case 2:
        return w1;
      default:
        return w0;
    }
  }

  /**
   * The number of bits in which two hashes differ.
   *
   * @param other the other hash
   * @return 0..256
   */
  public int hammingDistance(PdqHash other) {
    return Long.bitCount(w3 ^ other.w3)
        + Long.bitCount(w2 ^ other.w2)
        + Long.bitCount(w1 ^ other.w1)
        + Long.bitCount(w0 ^ other.w0);
  }

  /**
   * The number of bits set.
   *
   * @return 0..256
   */
  public int bitCount() {
    return Long.bitCount(w3) + Long.bitCount(w2) + Long.bitCount(w1) + Long.bitCount(w0);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PdqHash)) {
      return false;
    }
    PdqHash h = (PdqHash) o;
    return w3 == h.w3 && w2 == h.w2 && w1 == h.w1 && w0 == h.w0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(w3 ^ w2 ^ w1 ^ w0);
  }

  /**
   * The canonical form.
   *
   * @return 64 lowercase hex digits, as the reference prints them
   */
  @Override
  public String toString() {
    char[] out = new char[64];
    long[] w = toWords();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 16; j++) {
        out[i * 16 + j] = Character.forDigit((int) (w[i] >>> (60 - 4 * j)) & 0xf, 16);
      }
    }
    return new String(out);
  }
}
