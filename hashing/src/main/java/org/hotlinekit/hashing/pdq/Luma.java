package org.hotlinekit.hashing.pdq;

import org.hotlinekit.hashing.internal.pdq.PdqCore;

/**
 * Supplies, row by row, the float luma matrix the reference hashes, the way {@code
 * pdq-photo-hasher} gets there: images larger than 512 on a side are first squashed to exactly
 * 512x512 by nearest neighbour (CImg's {@code resize(512, 512)}), then luma is {@code 0.299 R +
 * 0.587 G + 0.114 B} in float, or the gray value itself for gray images.
 *
 * <p>"Gray" follows the reference's decoder: ImageMagick hands CImg a one-channel image when every
 * pixel of the whole image has R = G = B, so such an RGB image is hashed from its gray values (the
 * float formula does not give exactly {@code v} for 35 of the 256 gray levels).
 */
final class Luma implements PdqCore.LumaRows {
  static final int DOWNSAMPLE_DIMS = 512;

  /** {@code 0.299f * v} etc. for every 8-bit v: the same float products, looked up. */
  private static final float[] RED = new float[256];
  private static final float[] GREEN = new float[256];
  private static final float[] BLUE = new float[256];

  static {
    for (int v = 0; v < 256; v++) {
      RED[v] = 0.299f * v;
      GREEN[v] = 0.587f * v;
      BLUE[v] = 0.114f * v;
    }
  }

  final int rows;
  final int cols;
  private final Pixels pixels;
  private final boolean gray;
  /** The source row of each output row. */
  private final int[] srcRow;
  /** The source offset (in array elements) of each output column within a row. */
  private final int[] colOffset;

  private Luma(Pixels p, int rows, int cols, int[] srcRow, int[] colOffset, boolean gray) {
    this.pixels = p;
    this.rows = rows;
    this.cols = cols;
    this.srcRow = srcRow;
    this.colOffset = colOffset;
    this.gray = gray;
  }

  static Luma of(Pixels p) {
    return of(p, true);
  }

  /**
   * The luma of an image.
   *
   * @param squashLarge whether an image larger than 512 on a side is first squashed to 512 x 512 by
   *     nearest neighbour, as the still-image reference does (its video reference does not)
   */
  static Luma of(Pixels p, boolean squashLarge) {
    int h = p.height;
    int w = p.width;
    boolean squash = squashLarge && (h > DOWNSAMPLE_DIMS || w > DOWNSAMPLE_DIMS);
    int rows = squash ? DOWNSAMPLE_DIMS : h;
    int cols = squash ? DOWNSAMPLE_DIMS : w;
    int[] srcRow = new int[rows];
    for (int y = 0; y < rows; y++) {
      srcRow[y] = squash ? (int) ((long) y * h / DOWNSAMPLE_DIMS) : y;
    }
    int step = p.ints != null ? 1 : p.layout.bytesPerPixel;
    int[] colOffset = new int[cols];
    for (int x = 0; x < cols; x++) {
      colOffset[x] = (squash ? (int) ((long) x * w / DOWNSAMPLE_DIMS) : x) * step;
    }
    boolean gray = (p.layout != null && p.layout.isGray()) || isAllGray(p);
    return new Luma(p, rows, cols, srcRow, colOffset, gray);
  }

  @Override
  public void fill(int row, float[] dst, int offset) {
    if (pixels.ints != null) {
      fillFromInts(row, dst, offset);
      return;
    }
    byte[] b = pixels.bytes;
    int rowBase = pixels.offset + srcRow[row] * pixels.rowStride;
    int ro = pixels.layout.red;
    if (gray) {
      for (int x = 0; x < cols; x++) {
        dst[offset + x] = b[rowBase + colOffset[x] + ro] & 0xff;
      }
      return;
    }
    int go = pixels.layout.green;
    int bo = pixels.layout.blue;
    for (int x = 0; x < cols; x++) {
      int i = rowBase + colOffset[x];
      // (R + G) + B, as the reference's expression evaluates.
      dst[offset + x] = RED[b[i + ro] & 0xff] + GREEN[b[i + go] & 0xff] + BLUE[b[i + bo] & 0xff];
    }
  }

  private void fillFromInts(int row, float[] dst, int offset) {
    int[] a = pixels.ints;
    int rowBase = srcRow[row] * pixels.rowStride;
    for (int x = 0; x < cols; x++) {
      int v = a[rowBase + colOffset[x]];
      dst[offset + x] =
          gray
              ? (float) (v & 0xff)
              : RED[(v >>> 16) & 0xff] + GREEN[(v >>> 8) & 0xff] + BLUE[v & 0xff];
    }
  }

  /** Whether every pixel of the whole image has R = G = B (stops at the first that does not). */
  static boolean isAllGray(Pixels p) {
    if (p.ints != null) {
      int[] a = p.ints;
      int n = p.width * p.height;
      for (int i = 0; i < n; i++) {
        int v = a[i];
        int r = (v >>> 16) & 0xff;
        if (r != ((v >>> 8) & 0xff) || r != (v & 0xff)) {
          return false;
        }
      }
      return true;
    }
    byte[] b = p.bytes;
    int bpp = p.layout.bytesPerPixel;
    int ro = p.layout.red;
    int go = p.layout.green;
    int bo = p.layout.blue;
    for (int y = 0; y < p.height; y++) {
      int i = p.offset + y * p.rowStride;
      int end = i + p.width * bpp;
      for (; i < end; i += bpp) {
        byte r = b[i + ro];
        if (r != b[i + go] || r != b[i + bo]) {
          return false;
        }
      }
    }
    return true;
  }
}
