package org.hotlinekit.hashing.internal.pdq;

import java.util.Arrays;
import java.util.EnumMap;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.pdq.PdqHashWithQuality;

/**
 * PDQ from a float luma matrix, bit-exact with Meta's C++ reference ({@code pdqhashing.cpp},
 * {@code downscaling.cpp}).
 *
 * <p>Every float operation below is done in the reference's order and precision: Java float
 * arithmetic is IEEE-754 binary32 with round-to-nearest and is never fused, as g++ does for
 * x86-64 without {@code -march}. Loops are reordered only where each output still sees the same
 * sequence of operations (the column box filter runs row by row over a vector of column sums; the
 * DCT accumulates over k for each output in the same order), so the results are identical while
 * the memory access is sequential.
 */
public final class PdqCore {
  private static final int MIN_HASHABLE_DIM = 5;
  private static final int JAROSZ_PASSES = 2;

  /** The 16x64 DCT-II basis, row-major: D[i][j] = sqrt(2/64) cos(pi/128 (i+1)(2j+1)). */
  private static final float[] DCT = new float[16 * 64];

  /** The same basis transposed (64x16), for the second matrix product. */
  private static final float[] DCT_T = new float[64 * 16];

  static {
    // As the reference: a float scale factor times a double cosine, rounded to float.
    float scale = (float) Math.sqrt(2.0 / 64.0);
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        float v = (float) (scale * StrictMath.cos((Math.PI / 2.0 / 64.0) * (i + 1) * (2 * j + 1)));
        DCT[i * 64 + j] = v;
        DCT_T[j * 16 + i] = v;
      }
    }
  }

  private PdqCore() {}

  /**
   * Hashes a luma matrix as {@code pdqHash256FromFloatLuma} does.
   *
   * @param luma rows x cols, row-major; overwritten (it is the filter's first buffer)
   * @param rows the number of rows
   * @param cols the number of columns
   * @return the hash and quality; all zeros and quality 0 if a side is below 5
   */
  public static PdqHashWithQuality hash(float[] luma, int rows, int cols) {
    if (rows < MIN_HASHABLE_DIM || cols < MIN_HASHABLE_DIM) {
      return new PdqHashWithQuality(PdqHash.zero(), 0);
    }
    float[] b64;
    if (rows == 64 && cols == 64) {
      // The reference skips the filter for 64x64 input (in the single-hash path only).
      b64 = Arrays.copyOf(luma, 64 * 64);
    } else {
      b64 = blurAndDecimate(luma, rows, cols);
    }
    int quality = quality(b64);
    float[] dct = dct64To16(b64);
    return new PdqHashWithQuality(toHash(dct), quality);
  }

  /**
   * Hashes a luma matrix and derives the eight dihedral hashes, as {@code
   * pdqDihedralHash256esFromFloatLuma} does (which, unlike {@link #hash}, always filters, also at
   * 64x64).
   *
   * @param luma rows x cols, row-major; overwritten
   * @param rows the number of rows
   * @param cols the number of columns
   * @return the eight hashes and the quality; all zeros and quality 0 if a side is below 5
   */
  public static DihedralPdqHashes hashDihedral(float[] luma, int rows, int cols) {
    EnumMap<Dihedral, PdqHash> out = new EnumMap<>(Dihedral.class);
    if (rows < MIN_HASHABLE_DIM || cols < MIN_HASHABLE_DIM) {
      for (Dihedral d : Dihedral.values()) {
        out.put(d, PdqHash.zero());
      }
      return DihedralPdqHashes.of(out, 0);
    }
    float[] b64 = blurAndDecimate(luma, rows, cols);
    int quality = quality(b64);
    float[] a = dct64To16(b64);
    float[] b = new float[256];
    for (Dihedral d : Dihedral.values()) {
      transform(d, a, b);
      out.put(d, toHash(b));
    }
    return DihedralPdqHashes.of(out, quality);
  }

  // ---------------------------------------------------------------- downscaling

  private static float[] blurAndDecimate(float[] buffer1, int rows, int cols) {
    float[] buffer2 = new float[rows * cols];
    int windowAlongRows = jaroszWindow(cols, 64);
    int windowAlongCols = jaroszWindow(rows, 64);
    float[] colSums = new float[cols];
    for (int pass = 0; pass < JAROSZ_PASSES; pass++) {
      boxAlongRows(buffer1, buffer2, rows, cols, windowAlongRows);
      boxAlongCols(buffer2, buffer1, rows, cols, windowAlongCols, colSums);
    }
    float[] out = new float[64 * 64];
    for (int oi = 0; oi < 64; oi++) {
      int ini = (int) (((oi + 0.5) * rows) / 64);
      for (int oj = 0; oj < 64; oj++) {
        int inj = (int) (((oj + 0.5) * cols) / 64);
        out[oi * 64 + oj] = buffer1[ini * cols + inj];
      }
    }
    return out;
  }

  static int jaroszWindow(int oldDimension, int newDimension) {
    return (oldDimension + 2 * newDimension - 1) / (2 * newDimension);
  }

  /** The reference's box1DFloat along each row (stride 1). */
  static void boxAlongRows(float[] in, float[] out, int rows, int cols, int window) {
    int half = (window + 2) / 2;
    int phase1 = half - 1;
    int phase2 = window - half + 1;
    int phase3 = cols - window;
    int phase4 = half - 1;
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      int li = base;
      int ri = base;
      int oi = base;
      float sum = 0.0f;
      int size = 0;
      for (int i = 0; i < phase1; i++) {
        sum += in[ri++];
        size++;
      }
      for (int i = 0; i < phase2; i++) {
        sum += in[ri++];
        size++;
        out[oi++] = sum / size;
      }
      for (int i = 0; i < phase3; i++) {
        sum += in[ri++];
        sum -= in[li++];
        out[oi++] = sum / size;
      }
      for (int i = 0; i < phase4; i++) {
        sum -= in[li++];
        size--;
        out[oi++] = sum / size;
      }
    }
  }

  /**
   * The reference's box1DFloat down each column, computed row by row: {@code sums[j]} sees the
   * same additions, subtractions and divisions in the same order as the reference's per-column
   * loop, but memory is read sequentially.
   */
  static void boxAlongCols(float[] in, float[] out, int rows, int cols, int window, float[] sums) {
    int half = (window + 2) / 2;
    int phase1 = half - 1;
    int phase2 = window - half + 1;
    int phase3 = rows - window;
    int phase4 = half - 1;
    Arrays.fill(sums, 0, cols, 0.0f);
    int ri = 0;
    int li = 0;
    int oi = 0;
    int size = 0;
    for (int i = 0; i < phase1; i++, ri += cols) {
      for (int j = 0; j < cols; j++) {
        sums[j] += in[ri + j];
      }
      size++;
    }
    for (int i = 0; i < phase2; i++, ri += cols, oi += cols) {
      size++;
      float fsize = size;
      for (int j = 0; j < cols; j++) {
        float s = sums[j] + in[ri + j];
        sums[j] = s;
        out[oi + j] = s / fsize;
      }
    }
    float fsize = size;
    for (int i = 0; i < phase3; i++, ri += cols, li += cols, oi += cols) {
      for (int j = 0; j < cols; j++) {
        float s = (sums[j] + in[ri + j]) - in[li + j];
        sums[j] = s;
        out[oi + j] = s / fsize;
      }
    }
    for (int i = 0; i < phase4; i++, li += cols, oi += cols) {
      size--;
      float fs = size;
      for (int j = 0; j < cols; j++) {
        float s = sums[j] - in[li + j];
        sums[j] = s;
        out[oi + j] = s / fs;
      }
    }
  }

  // ---------------------------------------------------------------- quality, DCT, bits

  static int quality(float[] b64) {
    int gradientSum = 0;
    for (int i = 0; i < 63; i++) {
      for (int j = 0; j < 64; j++) {
        float u = b64[i * 64 + j];
        float v = b64[(i + 1) * 64 + j];
        int d = (int) (((u - v) * 100) / 255);
        gradientSum += Math.abs(d);
      }
    }
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 63; j++) {
        float u = b64[i * 64 + j];
        float v = b64[i * 64 + j + 1];
        int d = (int) (((u - v) * 100) / 255);
        gradientSum += Math.abs(d);
      }
    }
    return Math.min(gradientSum / 90, 100);
  }

  /** B = D A D^t for the 16x64 basis D; each output accumulates over k = 0..63 in order. */
  static float[] dct64To16(float[] a) {
    float[] t = new float[16 * 64];
    for (int i = 0; i < 16; i++) {
      int ti = i * 64;
      for (int k = 0; k < 64; k++) {
        float d = DCT[i * 64 + k];
        int ak = k * 64;
        for (int j = 0; j < 64; j++) {
          t[ti + j] += d * a[ak + j];
        }
      }
    }
    float[] b = new float[256];
    for (int i = 0; i < 16; i++) {
      int ti = i * 64;
      int bi = i * 16;
      for (int k = 0; k < 64; k++) {
        float x = t[ti + k];
        int dk = k * 16;
        for (int j = 0; j < 16; j++) {
          b[bi + j] += x * DCT_T[dk + j];
        }
      }
    }
    return b;
  }

  /**
   * The reference thresholds at Torben's median, which for 256 values is the 128th smallest (the
   * lower median); a bit is set where the coefficient is strictly greater.
   */
  static PdqHash toHash(float[] dct16) {
    float[] sorted = dct16.clone();
    Arrays.sort(sorted);
    float median = sorted[127];
    long[] words = new long[4];
    for (int k = 0; k < 256; k++) {
      if (dct16[k] > median) {
        words[3 - (k >>> 6)] |= 1L << (k & 63);
      }
    }
    return PdqHash.fromWords(words);
  }

  /** The reference's dct16OriginalTo* functions: sign flips and transposes of the 16x16 DCT. */
  static void transform(Dihedral d, float[] a, float[] b) {
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float v = a[i * 16 + j];
        switch (d) {
          case ORIG:
            b[i * 16 + j] = v;
            break;
          case ROT90:
            b[j * 16 + i] = (j & 1) != 0 ? v : -v;
            break;
          case ROT180:
            b[i * 16 + j] = ((i + j) & 1) != 0 ? -v : v;
            break;
          case ROT270:
            b[j * 16 + i] = (i & 1) != 0 ? v : -v;
            break;
          case FLIPX:
            b[i * 16 + j] = (i & 1) != 0 ? v : -v;
            break;
          case FLIPY:
            b[i * 16 + j] = (j & 1) != 0 ? v : -v;
            break;
          case FLIPPLUS1:
            b[j * 16 + i] = v;
            break;
          case FLIPMINUS1:
            b[j * 16 + i] = ((i + j) & 1) != 0 ? -v : v;
            break;
          default:
            throw new AssertionError(d);
        }
      }
    }
  }
}
