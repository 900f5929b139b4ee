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

  /** Counts the reads that found the end, and stops the decoder past the budget. */
  private static final class Budget {
    private int pastEnd;

    int check(int result) {
      if (result < 0 && ++pastEnd > MAX_READS_PAST_END) {
        throw new ReadPastEndException();
      }
      return result;
    }
  }

  static ImageInputStream of(InputStream in) {
    Budget budget = new Budget();
    return new MemoryCacheImageInputStream(in) {
      @Override
      public int read() throws IOException {
        return budget.check(super.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return budget.check(super.read(b, off, len));
      }
    };
  }

  static ImageInputStream of(File file) throws IOException {
    Budget budget = new Budget();
    return new FileImageInputStream(file) {
      @Override
      public int read() throws IOException {
        return budget.check(super.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return budget.check(super.read(b, off, len));
      }
    };
  }
}
