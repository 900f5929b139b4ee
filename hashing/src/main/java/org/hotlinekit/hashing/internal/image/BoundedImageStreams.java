package org.hotlinekit.hashing.internal.image;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Image input streams that stop a decoder which keeps reading past the end of the data. Some
 * decoders swallow the {@link java.io.EOFException} and go on as if the data were padded with
 * zeros (TwelveMonkeys' lossless WebP bit reader does), which on hostile input means reading
 * "past the end" for minutes; after {@link #MAX_READS_PAST_END} such reads the stream throws
 * {@link ReadPastEndException}, which the decoder does not catch.
 */
final class BoundedImageStreams {
  /** Reads that found the end of the data, before the decoder is stopped. */
  static final int MAX_READS_PAST_END = 4096;

  private BoundedImageStreams() {}

  /** Thrown when a decoder has read past the end of the data too often. */
  static final class ReadPastEndException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReadPastEndException() {
      super("the decoder kept reading past the end of the data", null, false, false);
    }
  }

  static ImageInputStream of(InputStream in) {
    return new MemoryCacheImageInputStream(in) {
      private int pastEnd;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0 && ++pastEnd > MAX_READS_PAST_END) {
          throw new ReadPastEndException();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0 && ++pastEnd > MAX_READS_PAST_END) {
          throw new ReadPastEndException();
        }
        return n;
      }
    };
  }

  static ImageInputStream of(File file) throws IOException {
    return new FileImageInputStream(file) {
      private int pastEnd;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0 && ++pastEnd > MAX_READS_PAST_END) {
          throw new ReadPastEndException();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0 && ++pastEnd > MAX_READS_PAST_END) {
          throw new ReadPastEndException();
        }
        return n;
      }
    };
  }
}
