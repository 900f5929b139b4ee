package org.hotlinekit.core.internal;

import java.util.Objects;
import org.hotlinekit.core.MalformedInputException;

/**
 * Strict hexadecimal parsing: the whole string, an exact length, hex digits only (either case).
 * No prefix, no separators, no surrounding white space.
 */
public final class StrictHex {
  private StrictHex() {}

  /**
   * Parses exactly {@code byteCount * 2} hex digits.
   *
   * @param text the hex text
   * @param byteCount the number of bytes expected
   * @param what the name of the value, used in error messages (e.g. "MD5 digest")
   * @return the bytes, most significant first
   * @throws MalformedInputException if the length or a character is wrong; the message names the
   *     expected length or the offending position, never the value itself
   */
  public static byte[] parse(CharSequence text, int byteCount, String what) {
    Objects.requireNonNull(text, what);
    int digits = byteCount * 2;
    if (text.length() != digits) {
      throw new MalformedInputException(
          what + " must be exactly " + digits + " hex digits, got " + text.length() + " characters");
    }
    byte[] out = new byte[byteCount];
    for (int i = 0; i < byteCount; i++) {
      int hi = digit(text, 2 * i, what);
      int lo = digit(text, 2 * i + 1, what);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(CharSequence text, int index, String what) {
    char c = text.charAt(index);
    int v = Character.digit(c, 16);
    // Character.digit accepts non-ASCII digits (e.g. fullwidth); only ASCII is hex here.
    if (v < 0 || c > 'f') {
      throw new MalformedInputException(
          what + " has a character that is not a hex digit at position " + (index + 1));
    }
    return v;
  }
}
