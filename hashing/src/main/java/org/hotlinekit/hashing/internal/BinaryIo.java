package org.hotlinekit.hashing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;
import org.hotlinekit.core.io.AtomicFiles;

/**
 * Index files to and from channels: atomic whole-file writes, sections, reads with hotlinekit's
 * errors.
 */
public final class BinaryIo {
  private BinaryIo() {}

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

  /** Writes a section to a caller's channel; an I/O failure becomes an OutputWriteException. */
  public static void writeSection(java.nio.channels.WritableByteChannel ch, SectionWriter w) {
    try {
      w.write(ch);
    } catch (IOException e) {
      throw new org.hotlinekit.core.OutputWriteException("could not write the index: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
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










}
