package org.hotlinekit.hashing.internal.image.webp;

/**
 * The VP8 boolean entropy decoder (RFC 6386 section 7). Reading past the end of the partition
 * yields zero bits, as libvpx and libwebp do; {@link #overrun()} tells whether that happened.
 */
final class BoolDecoder {
  private final byte[] data;
  private int pos;
  private final int end;
  private int value;
  private int range;
  private int bitCount;
  private int overrun;

  BoolDecoder(byte[] data, int start, int length) {
    this.data = data;
    this.pos = start;
    this.end = start + length;
    this.value = (nextByte() << 8) | nextByte();
    this.range = 255;
    this.bitCount = 0;
  }

  private int nextByte() {
    if (pos < end) {
      return data[pos++] & 0xff;
    }
    overrun++;
    return 0;
  }

  /** Whether the decoder has read well past the end of its data (a truncated stream). */
  boolean overrun() {
    return overrun > 2;
  }

  int readBool(int probability) {
    int split = 1 + (((range - 1) * probability) >> 8);
    int bigSplit = split << 8;
    int bit;
    if (value >= bigSplit) {
      bit = 1;
      range -= split;
      value -= bigSplit;
    } else {
      bit = 0;
      range = split;
    }
    while (range < 128) {
      value <<= 1;
      range <<= 1;
      if (++bitCount == 8) {
        bitCount = 0;
        value |= nextByte();
      }
    }
    return bit;
  }

  int readBit() {
    return readBool(128);
  }

  /** An unsigned n-bit literal, most significant bit first. */
  int readLiteral(int bits) {
    int v = 0;
    for (int i = 0; i < bits; i++) {
      v = (v << 1) | readBit();
    }
    return v;
  }

  /** A magnitude of n bits followed by a sign bit. */
  int readSigned(int bits) {
    int v = readLiteral(bits);
    return readBit() != 0 ? -v : v;
  }

  /** A flag; if set, a signed n-bit value, else 0. */
  int readOptionalSigned(int bits) {
    return readBit() != 0 ? readSigned(bits) : 0;
  }

  /** Walks a tree of the RFC's form: leaves are negated values, inner nodes even indices. */
  int readTree(int[] tree, int[] probs) {
    int i = 0;
    do {
      i = tree[i + readBool(probs[i >> 1])];
    } while (i > 0);
    return -i;
  }
}
