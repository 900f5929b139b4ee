package org.hotlinekit.iccam.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A stream of text read as it passes: it counts the bytes (and stops at a limit) and checks that
 * they are UTF-8, so that a document read once from a stream is checked as one held in memory is.
 * Past the limit it reads nothing more and reports the end of the stream; {@link #overLimit()}
 * then says so.
 */
public final class TextInput extends FilterInputStream {
  private final long limit;
  private long count;
  private boolean over;
  private boolean invalid;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  /** The first bytes of a character split between two reads (at most 3). */
  private final ByteBuffer carry = ByteBuffer.allocate(8);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private boolean ended;

  /**
   * Wraps a stream.
   *
   * @param in the text
   * @param limit the most bytes read
   */
  public TextInput(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (over) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, limit + 1 - count));
    if (n < 0) {
      end();
      return -1;
    }
    count += n;
    if (count > limit) {
      over = true;
      return -1;
    }
    check(b, off, n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 8192)];
    int r = read(buf, 0, buf.length);
    return Math.max(r, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /**
   * Reads what is left, to its end or the limit, so that its checks are complete.
   *
   * @throws IOException if reading fails
   */
  public void drain() throws IOException {
    byte[] buf = new byte[1 << 16];
    while (read(buf, 0, buf.length) >= 0) {
      // Only the checks matter.
    }
  }

  /**
   * Whether more bytes than the limit were offered.
   *
   * @return true past the limit
   */
  public boolean overLimit() {
    return over;
  }

  /**
   * Whether everything read so far is UTF-8 (once the end was read, the whole text).
   *
   * @return false once a byte sequence is not UTF-8
   */
  public boolean utf8() {
    return !invalid;
  }

  private void check(byte[] b, int off, int n) {
    if (invalid) {
      return;
    }
    if (carry.position() == 0) {
      long or = 0;
      for (int i = off; i < off + n; i++) {
        or |= b[i];
      }
      if ((or & 0x80) == 0) {
        return; // ASCII: valid, and nothing split
      }
    }
    ByteBuffer bytes;
    if (carry.position() > 0) {
      bytes = ByteBuffer.allocate(carry.position() + n);
      carry.flip();
      bytes.put(carry).put(b, off, n).flip();
      carry.clear();
    } else {
      bytes = ByteBuffer.wrap(b, off, n);
    }
    decode(bytes, false);
    if (!invalid && bytes.hasRemaining()) {
      if (bytes.remaining() > 3) {
        invalid = true;
      } else {
        carry.put(bytes);
      }
    }
  }

  private void decode(ByteBuffer bytes, boolean last) {
    while (true) {
      chars.clear();
      CoderResult r = decoder.decode(bytes, chars, last);
      if (r.isError()) {
        invalid = true;
        return;
      }
      if (r.isUnderflow()) {
        return;
      }
    }
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (!invalid && carry.position() > 0) {
      invalid = true; // a character cut off by the end
    }
  }
}
