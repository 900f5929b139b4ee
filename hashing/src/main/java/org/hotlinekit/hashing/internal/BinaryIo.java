package org.hotlinekit.hashing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.io.AtomicFiles;

/** Big-endian arrays to and from channels in 1 MiB blocks, with a running CRC32C. */
public final class BinaryIo {
  private BinaryIo() {}

  private static final int IO_CHUNK = 1 << 20;

  /** Writes a whole file's content to its channel. */
  @FunctionalInterface
  public interface ChannelWriter {
    void write(java.nio.channels.FileChannel ch) throws IOException;
  }

  /** Reads a whole file's content from its channel, given its length. */
  @FunctionalInterface
  public interface ChannelReader<T> {
    T read(java.nio.channels.FileChannel ch, long length) throws IOException;
  }

  /** Writes a section of a caller's channel. */
  @FunctionalInterface
  public interface SectionWriter {
    void write(java.nio.channels.WritableByteChannel ch) throws IOException;
  }

  /** Reads a section of a caller's channel of a given length. */
  @FunctionalInterface
  public interface SectionReader<T> {
    T read(java.nio.channels.ReadableByteChannel ch, long length) throws IOException;
  }

  /** Writes a section to a caller's channel; an I/O failure becomes an OutputWriteException. */
  public static void writeSection(java.nio.channels.WritableByteChannel ch, SectionWriter w) {
    try {
      w.write(ch);
    } catch (IOException e) {
      throw new org.hotlinekit.core.OutputWriteException("could not write the index: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** Reads a section from a caller's channel; an I/O failure becomes an InputReadException. */
  public static <T> T readSection(java.nio.channels.ReadableByteChannel ch, long length,
      SectionReader<T> r) {
    try {
      return r.read(ch, length);
    } catch (IOException e) {
      throw new org.hotlinekit.core.InputReadException("could not read the index: "
          + org.hotlinekit.core.InputReadException.reason(e), e);
    }
  }

  /** Writes a file atomically (see {@link AtomicFiles}), forced to disk before the move. */
  public static void writeFile(java.nio.file.Path file, ChannelWriter writer) {
    AtomicFiles.write(file, tmp -> {
      // Readable too: a writer may re-read a section it wrote (to checksum it).
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
          java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ)) {
        writer.write(ch);
      }
    });
  }

  /** Reads a file through its channel; I/O failures become hotlinekit's read exceptions. */
  public static <T> T readFile(java.nio.file.Path file, ChannelReader<T> reader) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.READ)) {
      return reader.read(ch, ch.size());
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(file, e);
    }
  }

  public static void writeAll(WritableByteChannel ch, ByteBuffer b, CRC32C crc) throws IOException {
    if (crc != null) {
      crc.update(b.duplicate());
    }
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  public static void writeLongs(WritableByteChannel ch, long[] a, CRC32C crc) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(IO_CHUNK);
    for (int i = 0; i < a.length; ) {
      b.clear();
      int k = Math.min(a.length - i, IO_CHUNK / 8);
      b.asLongBuffer().put(a, i, k);
      b.limit(8 * k);
      writeAll(ch, b, crc);
      i += k;
    }
  }

  public static void writeInts(WritableByteChannel ch, int[] a, CRC32C crc) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(IO_CHUNK);
    for (int i = 0; i < a.length; ) {
      b.clear();
      int k = Math.min(a.length - i, IO_CHUNK / 4);
      b.asIntBuffer().put(a, i, k);
      b.limit(4 * k);
      writeAll(ch, b, crc);
      i += k;
    }
  }

  public static int readFully(ReadableByteChannel ch, ByteBuffer b) throws IOException {
    int total = 0;
    while (b.hasRemaining()) {
      int r = ch.read(b);
      if (r < 0) {
        throw new MalformedInputException("corrupt index file: it ends too early");
      }
      total += r;
    }
    return total;
  }

  public static long[] readLongs(ReadableByteChannel ch, int count, CRC32C crc) throws IOException {
    long[] out = new long[count];
    ByteBuffer b = ByteBuffer.allocate(IO_CHUNK);
    for (int i = 0; i < count; ) {
      int k = Math.min(count - i, IO_CHUNK / 8);
      b.clear().limit(8 * k);
      readFully(ch, b);
      b.flip();
      if (crc != null) {
        crc.update(b.duplicate());
      }
      b.asLongBuffer().get(out, i, k);
      i += k;
    }
    return out;
  }

  public static int[] readInts(ReadableByteChannel ch, int count, CRC32C crc) throws IOException {
    int[] out = new int[count];
    ByteBuffer b = ByteBuffer.allocate(IO_CHUNK);
    for (int i = 0; i < count; ) {
      int k = Math.min(count - i, IO_CHUNK / 4);
      b.clear().limit(4 * k);
      readFully(ch, b);
      b.flip();
      if (crc != null) {
        crc.update(b.duplicate());
      }
      b.asIntBuffer().get(out, i, k);
      i += k;
    }
    return out;
  }
}
