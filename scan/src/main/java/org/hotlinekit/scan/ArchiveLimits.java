package org.hotlinekit.scan;

/**
 * How far a scan walks into archives (zip, tar, gzip, bzip2, xz, nested), per archive found in
 * the scanned folders. An archive that reaches a limit stops being walked there: what was read is
 * kept, the archive is reported as not fully checked with the limit it reached, and the rest of
 * the scan goes on. A zip bomb thus costs seconds and bounded memory.
 *
 * @param maxDepth how many archives deep (an archive in an archive is depth 2); deeper ones are
 *     hashed as files but not opened
 * @param maxEntries the most entries read from one archive found in the folders, nested ones
 *     included
 * @param maxExpandedBytes the most bytes expanded from one archive, nested ones included
 * @param maxRatio the most bytes expanded per byte of the archive file, checked once more than
 *     {@link #RATIO_FLOOR} bytes were expanded
 */
public record ArchiveLimits(int maxDepth, int maxEntries, long maxExpandedBytes, int maxRatio) {
  /** Below this many expanded bytes the ratio is not checked: small archives compress well. */
  public static final long RATIO_FLOOR = 64L << 20;

  /**
   * Checks.
   *
   * @param maxDepth the depth, 0 (archives are not opened) or more
   * @param maxEntries the entries, at least 1
   * @param maxExpandedBytes the bytes, at least 1
   * @param maxRatio the ratio, at least 1
   */
  public ArchiveLimits {
    if (maxDepth < 0 || maxEntries < 1 || maxExpandedBytes < 1 || maxRatio < 1) {
      throw new IllegalArgumentException("archive limits must be positive (depth at least 0)");
    }
  }

  /**
   * The defaults: 4 deep, 1,000,000 entries, 256 GiB and 200 times the archive's size per
   * archive. Media hardly compress, so real archives of pictures stay far below 200 times;
   * a zip bomb passes it within the first {@link #RATIO_FLOOR} bytes.
   *
   * @return the defaults
   */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(4, 1_000_000, 256L << 30, 200);
  }

  /**
   * Archives are hashed as files, never opened.
   *
   * @return limits of depth 0
   */
  public static ArchiveLimits none() {
    return new ArchiveLimits(0, 1, 1, 1);
  }
}
