package org.hotlinekit.hashing.pdq;

/**
 * Turns {@link Pixels} into the float luma matrix the reference hashes, the way {@code
 * pdq-photo-hasher} gets there: images larger than 512 on a side are first squashed to exactly
 * 512x512 by nearest neighbour (CImg's {@code resize(512, 512)}), then luma is {@code 0.299 R +
 * 0.587 G + 0.114 B} in float, or the gray value itself for gray images.
 *
 * <p>"Gray" follows the reference's decoder: ImageMagick hands CImg a one-channel image when every
 * pixel of the whole image has R = G = B, so such an RGB image is hashed from its gray values (the
 * float formula does not give exactly {@code v} for 35 of the 256 gray levels).
 */
final class Luma {
  static final int DOWNSAMPLE_DIMS = 512;

  final float[] values;
  final int rows;
  final int cols;

  private Luma(float[] values, int rows, int cols) {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
  }

  static Luma of(Pixels p) {
    int h = p.height;
    int w = p.width;
    boolean squash = h > DOWNSAMPLE_DIMS || w > DOWNSAMPLE_DIMS;
    int rows = squash ? DOWNSAMPLE_DIMS : h;
    int cols = squash ? DOWNSAMPLE_DIMS : w;
    int[] srcRow = new int[rows];
    for (int y = 0; y < rows; y++) {
      srcRow[y] = squash ? (int) ((long) y * h / DOWNSAMPLE_DIMS) : y;
    }
    int[] srcCol = new int[cols];
    for (int x = 0; x < cols; x++) {
      srcCol[x] = squash ? (int) ((long) x * w / DOWNSAMPLE_DIMS) : x;
    }
    float[] out = new float[rows * cols];
    if (p.ints != null) {
      fillFromInts(p, srcRow, srcCol, out, isAllGray(p));
    } else {
      fillFromBytes(p, srcRow, srcCol, out, p.layout.isGray() || isAllGray(p));
    }
    return new Luma(out, rows, cols);
  }

  private static void fillFromBytes(
      Pixels p, int[] srcRow, int[] srcCol, float[] out, boolean gray) {
    byte[] b = p.bytes;
    int bpp = p.layout.bytesPerPixel;
    int ro = p.layout.red;
    int go = p.layout.green;
    int bo = p.layout.blue;
    int cols = srcCol.length;
    for (int y = 0; y < srcRow.length; y++) {
      int rowBase = p.offset + srcRow[y] * p.rowStride;
      int o = y * cols;
      if (gray) {
        for (int x = 0; x < cols; x++) {
          out[o + x] = b[rowBase + srcCol[x] * bpp + ro] & 0xff;
        }
      } else {
        for (int x = 0; x < cols; x++) {
          int i = rowBase + srcCol[x] * bpp;
          out[o + x] = luma(b[i + ro] & 0xff, b[i + go] & 0xff, b[i + bo] & 0xff);
        }
      }
    }
  }

  private static void fillFromInts(
      Pixels p, int[] srcRow, int[] srcCol, float[] out, boolean gray) {
    int[] a = p.ints;
    int cols = srcCol.length;
    for (int y = 0; y < srcRow.length; y++) {
      int rowBase = srcRow[y] * p.rowStride;
      int o = y * cols;
      for (int x = 0; x < cols; x++) {
        int v = a[rowBase + srcCol[x]];
        out[o + x] =
            gray ? (float) (v & 0xff) : luma((v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
      }
    }
  }

  /** The reference's float expression, evaluated left to right in float. */
  static float luma(int r, int g, int b) {
    return 0.299f * r + 0.587f * g + 0.114f * b;
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
