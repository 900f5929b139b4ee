package org.hotlinekit.scan;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Recognising and walking archives as streams: nothing is extracted to disk, one entry at a time
 * is read, and every byte expanded is counted against the {@link ArchiveLimits}.
 */
final class Archives {
  /** Bytes looked at to recognise an archive (a tar header's magic is at 257). */
  static final int SNIFF = 512;

  enum Kind {
    ZIP("zip"), TAR("tar"), GZIP("gzip"), BZIP2("bzip2"), XZ("xz");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    boolean compressor() {
      return this == GZIP || this == BZIP2 || this == XZ;
    }
  }

  private Archives() {}

  /** What the first bytes say, if they are an archive or a compressed stream. */
  static Optional<Kind> sniff(byte[] b, int n) {
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5
        && b[3] == 6) || (b[2] == 7 && b[3] == 8))) {
      return Optional.of(Kind.ZIP);
    }
    if (n >= 3 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b && b[2] == 8) {
      return Optional.of(Kind.GZIP);
    }
    if (n >= 4 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && b[3] >= '1' && b[3] <= '9') {
      return Optional.of(Kind.BZIP2);
    }
    if (n >= 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X'
        && b[4] == 'Z' && b[5] == 0) {
      return Optional.of(Kind.XZ);
    }
    if (n >= 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a'
        && b[261] == 'r') {
      return Optional.of(Kind.TAR);
    }
    return Optional.empty();
  }

  /** Where a walk stopped early and why. */
  static final class Stop extends IOException {
    private static final long serialVersionUID = 1L;

    Stop(String reason) {
      super(reason);
    }
  }

  /**
   * The byte budget of one top-level archive: every byte read from an entry or a decompressed
   * stream counts, nested archives included.
   */
  static final class Budget {
    private final ArchiveLimits limits;
    private final long archiveBytes;
    private long expanded;
    private int entries;
    private String stopped;

    Budget(ArchiveLimits limits, long archiveBytes) {
      this.limits = limits;
      this.archiveBytes = Math.max(1, archiveBytes);
    }

    ArchiveLimits limits() {
      return limits;
    }

    /** Why the walk of this archive stopped, if a limit was reached anywhere in it. */
    Optional<String> stopped() {
      return Optional.ofNullable(stopped);
    }

    void entry() throws Stop {
      if (stopped == null && ++entries > limits.maxEntries()) {
        stopped = "more than " + limits.maxEntries() + " entries (limit maxEntries)";
      }
      check();
    }

    void expanded(long n) throws Stop {
      expanded += n;
      if (stopped == null && expanded > limits.maxExpandedBytes()) {
        stopped = "expands to more than " + limits.maxExpandedBytes()
            + " bytes (limit maxExpandedBytes)";
      }
      if (stopped == null && expanded > ArchiveLimits.RATIO_FLOOR
          && expanded / archiveBytes > limits.maxRatio()) {
        stopped = "expands more than " + limits.maxRatio() + " times its size of "
            + archiveBytes + " bytes (limit maxRatio): a zip bomb?";
      }
      check();
    }

    /** Once a limit is reached, every further read or entry stops too. */
    void check() throws Stop {
      if (stopped != null) {
        throw new Stop(stopped);
      }
    }

    /** A stream that counts what is read from it against this budget. */
    InputStream counting(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int c = super.read();
          if (c >= 0) {
            expanded(1);
          }
          return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            expanded(n);
          }
          return n;
        }

        @Override
        public long skip(long n) throws IOException {
          // Skipped bytes are expanded too: read them.
          byte[] buf = new byte[8192];
          long left = n;
          while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
              break;
            }
            left -= r;
          }
          return n - left;
        }
      };
    }
  }

  /** Receives the entries of an archive, one at a time. */
  interface Sink {
    /**
     * One entry's content; the stream ends with the entry and must not be closed.
     *
     * @param name its name in the archive
     * @param in its content
     * @throws IOException if reading the archive fails (the walk stops)
     */
    void entry(String name, InputStream in) throws IOException;

    /**
     * An entry that cannot be read (encrypted, an unsupported method).
     *
     * @param name its name
     * @param reason why
     */
    void unreadable(String name, String reason);
  }

  /**
   * Walks an archive of a recognised kind: a compressed stream is one entry (or, holding a tar,
   * the tar's entries); a zip or tar gives its entries. Folders, links and special entries are
   * passed over.
   *
   * @param kind what the stream is
   * @param in the archive's bytes (not closed)
   * @param innerName the name of a compressed stream's content (the file name without its
   *     extension)
   * @param budget the top-level archive's budget
   * @param sink receives the entries
   * @throws IOException if the archive is truncated or corrupt, or a limit was reached ({@link
   *     Stop})
   */
  static void walk(Kind kind, InputStream in, String innerName, Budget budget, Sink sink)
      throws IOException {
    switch (kind) {
      case ZIP -> zip(in, budget, sink);
      case TAR -> entries(new TarArchiveInputStream(in, StandardCharsets.UTF_8.name()), budget,
          sink, true);
      default -> {
        InputStream plain = budget.counting(decompressor(kind, in));
        java.io.BufferedInputStream buf = new java.io.BufferedInputStream(plain, SNIFF);
        buf.mark(SNIFF);
        byte[] head = buf.readNBytes(SNIFF);
        buf.reset();
        if (sniff(head, head.length).filter(k -> k == Kind.TAR).isPresent()) {
          // Counted as it is decompressed; the tar layer expands nothing more.
          entries(new TarArchiveInputStream(buf, StandardCharsets.UTF_8.name()), budget, sink,
              false);
        } else {
          budget.entry();
          sink.entry(innerName, buf);
        }
      }
    }
  }

  private static InputStream decompressor(Kind kind, InputStream in) throws IOException {
    return switch (kind) {
      // Concatenated members are one stream, as gzip -d reads them.
      case GZIP -> new GzipCompressorInputStream(in, true);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case XZ -> new XZCompressorInputStream(in, true);
      default -> throw new IllegalArgumentException(kind.label);
    };
  }

  private static void zip(InputStream in, Budget budget, Sink sink) throws IOException {
    ZipArchiveInputStream z = new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true,
        true);
    ZipArchiveEntry e;
    String previous = null;
    while ((e = next(z, previous)) != null) {
      previous = e.getName();
      if (e.isDirectory() || e.isUnixSymlink()) {
        continue;
      }
      budget.entry();
      if (e.getGeneralPurposeBit().usesEncryption()) {
        sink.unreadable(e.getName(), "encrypted: cannot be read without its password, so it"
            + " was not checked");
        continue;
      }
      if (!z.canReadEntryData(e)) {
        sink.unreadable(e.getName(), "compressed with a method this reader does not support"
            + " (" + e.getMethod() + "), so it was not checked");
        continue;
      }
      try {
        sink.entry(e.getName(), budget.counting(new NonClosing(z)));
      } catch (UnsupportedZipFeatureException u) {
        sink.unreadable(e.getName(), "cannot be read: " + u.getMessage());
      }
    }
  }

  /** The next zip entry; a feature that stops the stream from reaching it stops the walk. */
  private static ZipArchiveEntry next(ZipArchiveInputStream z, String previous)
      throws IOException {
    try {
      return z.getNextEntry();
    } catch (UnsupportedZipFeatureException u) {
      throw new Stop("cannot read past " + (previous == null ? "the first entry" : "entry "
          + previous) + " (" + u.getMessage() + "): the entries after it were not checked");
    } catch (NoClassDefFoundError missing) {
      // Commons Compress opens Zstandard (and other optional) entries through libraries this
      // build does not include: that entry, and the rest of the archive, cannot be read.
      throw new Stop("an entry after " + (previous == null ? "the start" : "entry " + previous)
          + " is compressed with a method whose decoder is not installed ("
          + missing.getMessage() + "): it and the entries after it were not checked");
    }
  }

  private static <E extends ArchiveEntry> void entries(ArchiveInputStream<E> a, Budget budget,
      Sink sink, boolean count) throws IOException {
    E e;
    while ((e = a.getNextEntry()) != null) {
      if (e.isDirectory()) {
        continue;
      }
      if (e instanceof org.apache.commons.compress.archivers.tar.TarArchiveEntry t
          && !t.isFile()) {
        continue; // links, devices, FIFOs: no content of their own
      }
      budget.entry();
      InputStream content = new NonClosing(a);
      sink.entry(e.getName(), count ? budget.counting(content) : content);
    }
  }

  /** An entry's stream: closing it must not close the archive. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The archive stream goes on to its next entry.
    }
  }
}
