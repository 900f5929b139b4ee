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

  /** Supplies the luma matrix one row at a time, so that it never has to exist whole. */
  public interface LumaRows {
    /**
     * Writes one row of luma.
     *
     * @param row the row index
     * @param dst where to write {@code cols} values
     * @param offset the index of the first value in {@code dst}
     */
    void fill(int row, float[] dst, int offset);
  }

  /**
   * Hashes a luma matrix as {@code pdqHash256FromFloatLuma} does.
   *
   * @param luma the rows of the matrix
   * @param rows the number of rows
   * @param cols the number of columns
   * @return the hash and quality; all zeros and quality 0 if a side is below 5
   */
  public static PdqHashWithQuality hash(LumaRows luma, int rows, int cols) {
    if (rows < MIN_HASHABLE_DIM || cols < MIN_HASHABLE_DIM) {
      return new PdqHashWithQuality(PdqHash.zero(), 0);
    }
    float[] b64;
    if (rows == 64 && cols == 64) {
      // The reference skips the filter for 64x64 input (in the single-hash path only).
      b64 = new float[64 * 64];
      for (int r = 0; r < 64; r++) {
        luma.fill(r, b64, r * 64);
      }
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
   * @param luma the rows of the matrix
   * @param rows the number of rows
   * @param cols the number of columns
   * @return the eight hashes and the quality; all zeros and quality 0 if a side is below 5
   */
  public static DihedralPdqHashes hashDihedral(LumaRows luma, int rows, int cols) {
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

  /**
   * Two passes of the Jarosz tent filter (box along rows, then along columns) and decimation to
   * 64x64, streamed: luma rows are filtered along the row as they arrive, the first column pass
   * keeps only a small ring of rows, each of its output rows is filtered along the row at once,
   * and only the 64 columns the decimation reads go on to the last column pass (columns are
   * independent). Everything stays in cache, and every value is computed with exactly the
   * reference's sequence of float operations.
   */
  private static float[] blurAndDecimate(LumaRows luma, int rows, int cols) {
    return new Downscaler(luma, rows, cols).run();
  }

  /** The streamed filter of {@link #blurAndDecimate}; one instance per image. */
  private static final class Downscaler {
    private final LumaRows luma;
    private final int rows;
    private final int cols;
    private final int windowAlongRows;
    private final int windowAlongCols;
    private final int[] sampleCols = new int[64];
    /** Row-pass-1 output rows, a ring of {@code ringRows} rows. */
    private final float[] ring;
    private final int ringRows;
    private int produced;
    private final float[] lumaBatch;
    /** Column-pass-1 output rows waiting for row pass 2, in batches of four. */
    private final float[] c1Batch;
    private final float[] r2Batch;
    private int batched;
    private int batchFirstRow;
    /** The 64 sampled columns of every row-pass-2 output row. */
    private final float[] picked;

    Downscaler(LumaRows luma, int rows, int cols) {
      this.luma = luma;
      this.rows = rows;
      this.cols = cols;
      this.windowAlongRows = jaroszWindow(cols, 64);
      this.windowAlongCols = jaroszWindow(rows, 64);
      for (int k = 0; k < 64; k++) {
        sampleCols[k] = (int) (((k + 0.5) * cols) / 64);
      }
      // Rows li = ri - window .. ri + 3 are live at once.
      this.ringRows = windowAlongCols + 8;
      this.ring = new float[ringRows * cols];
      this.lumaBatch = new float[4 * cols];
      this.c1Batch = new float[4 * cols];
      this.r2Batch = new float[4 * cols];
      this.picked = new float[rows * 64];
    }

    float[] run() {
      columnPassOne();
      flushBatch();
      float[] filtered = new float[rows * 64];
      boxAlongCols(picked, filtered, rows, 64, windowAlongCols, new float[64]);
      float[] out = new float[64 * 64];
      for (int oi = 0; oi < 64; oi++) {
        int ini = (int) (((oi + 0.5) * rows) / 64);
        System.arraycopy(filtered, ini * 64, out, oi * 64, 64);
      }
      return out;
    }

    private int slot(int row) {
      return (row % ringRows) * cols;
    }

    /** Makes row-pass-1 output row {@code row} available in the ring. */
    private void ensure(int row) {
      while (produced <= row) {
        if (produced + 4 <= rows) {
          for (int k = 0; k < 4; k++) {
            luma.fill(produced + k, lumaBatch, k * cols);
          }
          boxFourRows(lumaBatch, 0, cols, 2 * cols, 3 * cols,
              ring, slot(produced), slot(produced + 1), slot(produced + 2), slot(produced + 3),
              cols, windowAlongRows);
          produced += 4;
        } else {
          luma.fill(produced, lumaBatch, 0);
          boxOneRow(lumaBatch, 0, ring, slot(produced), cols, windowAlongRows);
          produced++;
        }
      }
    }

    /** The reference's box1DFloat down every column, over the ring, emitting rows in order. */
    private void columnPassOne() {
      int window = windowAlongCols;
      int half = (window + 2) / 2;
      int phase1 = half - 1;
      int phase2 = window - half + 1;
      int phase3 = rows - window;
      int phase4 = half - 1;
      float[] sums = new float[cols];
      int ri = 0;
      int li = 0;
      int size = 0;
      for (int i = 0; i < phase1; i++, ri++) {
        ensure(ri);
        int in = slot(ri);
        for (int j = 0; j < cols; j++) {
          sums[j] += ring[in + j];
        }
        size++;
      }
      for (int i = 0; i < phase2; i++, ri++) {
        ensure(ri);
        size++;
        int in = slot(ri);
        int out = nextOutputRow();
        for (int j = 0; j < cols; j++) {
          float s = sums[j] + ring[in + j];
          sums[j] = s;
          c1Batch[out + j] = s / size;
        }
        outputRowDone();
      }
      boolean exactReciprocal = isPowerOfTwo(size);
      float reciprocal = 1.0f / size;
      float fsize = size;
      for (int i = 0; i < phase3; i++, ri++, li++) {
        ensure(ri);
        int in = slot(ri);
        int old = slot(li);
        int out = nextOutputRow();
        if (exactReciprocal) {
          for (int j = 0; j < cols; j++) {
            float s = (sums[j] + ring[in + j]) - ring[old + j];
            sums[j] = s;
            c1Batch[out + j] = s * reciprocal;
          }
        } else {
          for (int j = 0; j < cols; j++) {
            float s = (sums[j] + ring[in + j]) - ring[old + j];
            sums[j] = s;
            c1Batch[out + j] = s / fsize;
          }
        }
        outputRowDone();
      }
      for (int i = 0; i < phase4; i++, li++) {
        size--;
        int old = slot(li);
        int out = nextOutputRow();
        for (int j = 0; j < cols; j++) {
          float s = sums[j] - ring[old + j];
          sums[j] = s;
          c1Batch[out + j] = s / size;
        }
        outputRowDone();
      }
    }

    private int nextOutputRow() {
      return batched * cols;
    }

    /** Row pass 2 runs on four column-pass-1 rows at a time, then keeps the sampled columns. */
    private void outputRowDone() {
      batched++;
      if (batched == 4) {
        boxFourRows(c1Batch, 0, cols, 2 * cols, 3 * cols,
            r2Batch, 0, cols, 2 * cols, 3 * cols, cols, windowAlongRows);
        pick(4);
      }
    }

    private void flushBatch() {
      for (int k = 0; k < batched; k++) {
        boxOneRow(c1Batch, k * cols, r2Batch, k * cols, cols, windowAlongRows);
      }
      pick(batched);
    }

    private void pick(int count) {
      for (int k = 0; k < count; k++) {
        int src = k * cols;
        int dst = (batchFirstRow + k) * 64;
        for (int c = 0; c < 64; c++) {
          picked[dst + c] = r2Batch[src + sampleCols[c]];
        }
      }
      batchFirstRow += count;
      batched = 0;
    }
  }

  static int jaroszWindow(int oldDimension, int newDimension) {
    return (oldDimension + 2 * newDimension - 1) / (2 * newDimension);
  }

  /**
   * The reference's box1DFloat along each row (stride 1). The running sum is a chain of dependent
   * float additions, so four rows are processed in lockstep: their chains are independent and the
   * CPU overlaps them, while each row still sees exactly the reference's sequence of operations.
   */
  static void boxAlongRows(float[] in, float[] out, int rows, int cols, int window) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int b = r * cols;
      boxFourRows(in, b, b + cols, b + 2 * cols, b + 3 * cols,
          out, b, b + cols, b + 2 * cols, b + 3 * cols, cols, window);
    }
    for (; r < rows; r++) {
      boxOneRow(in, r * cols, out, r * cols, cols, window);
    }
  }

  private static void boxOneRow(
      float[] in, int inBase, float[] out, int outBase, int cols, int window) {
    int half = (window + 2) / 2;
    int phase1 = half - 1;
    int phase2 = window - half + 1;
    int phase3 = cols - window;
    int phase4 = half - 1;
    int li = inBase;
    int ri = inBase;
    int oi = outBase;
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
    boolean exactReciprocal = isPowerOfTwo(size);
    float reciprocal = 1.0f / size;
    for (int i = 0; i < phase3; i++) {
      sum += in[ri++];
      sum -= in[li++];
      out[oi++] = exactReciprocal ? sum * reciprocal : sum / size;
    }
    for (int i = 0; i < phase4; i++) {
      sum -= in[li++];
      size--;
      out[oi++] = sum / size;
    }
  }

  private static void boxFourRows(
      float[] in, int b0, int b1, int b2, int b3,
      float[] out, int o0, int o1, int o2, int o3, int cols, int window) {
    int half = (window + 2) / 2;
    int phase1 = half - 1;
    int phase2 = window - half + 1;
    int phase3 = cols - window;
    int phase4 = half - 1;
    int ri = 0;
    int li = 0;
    int oi = 0;
    float s0 = 0.0f;
    float s1 = 0.0f;
    float s2 = 0.0f;
    float s3 = 0.0f;
    int size = 0;
    for (int i = 0; i < phase1; i++, ri++) {
      s0 += in[b0 + ri];
      s1 += in[b1 + ri];
      s2 += in[b2 + ri];
      s3 += in[b3 + ri];
      size++;
    }
    for (int i = 0; i < phase2; i++, ri++, oi++) {
      size++;
      s0 += in[b0 + ri];
      s1 += in[b1 + ri];
      s2 += in[b2 + ri];
      s3 += in[b3 + ri];
      out[o0 + oi] = s0 / size;
      out[o1 + oi] = s1 / size;
      out[o2 + oi] = s2 / size;
      out[o3 + oi] = s3 / size;
    }
    if (isPowerOfTwo(size)) {
      float reciprocal = 1.0f / size;
      for (int i = 0; i < phase3; i++, ri++, li++, oi++) {
        s0 = (s0 + in[b0 + ri]) - in[b0 + li];
        s1 = (s1 + in[b1 + ri]) - in[b1 + li];
        s2 = (s2 + in[b2 + ri]) - in[b2 + li];
        s3 = (s3 + in[b3 + ri]) - in[b3 + li];
        out[o0 + oi] = s0 * reciprocal;
        out[o1 + oi] = s1 * reciprocal;
        out[o2 + oi] = s2 * reciprocal;
        out[o3 + oi] = s3 * reciprocal;
      }
    } else {
      float fsize = size;
      for (int i = 0; i < phase3; i++, ri++, li++, oi++) {
        s0 = (s0 + in[b0 + ri]) - in[b0 + li];
        s1 = (s1 + in[b1 + ri]) - in[b1 + li];
        s2 = (s2 + in[b2 + ri]) - in[b2 + li];
        s3 = (s3 + in[b3 + ri]) - in[b3 + li];
        out[o0 + oi] = s0 / fsize;
        out[o1 + oi] = s1 / fsize;
        out[o2 + oi] = s2 / fsize;
        out[o3 + oi] = s3 / fsize;
      }
    }
    for (int i = 0; i < phase4; i++, li++, oi++) {
      size--;
      s0 -= in[b0 + li];
      s1 -= in[b1 + li];
      s2 -= in[b2 + li];
      s3 -= in[b3 + li];
      out[o0 + oi] = s0 / size;
      out[o1 + oi] = s1 / size;
      out[o2 + oi] = s2 / size;
      out[o3 + oi] = s3 / size;
    }
  }

  /**
   * For a window of 2^k, {@code 1.0f / size} is exactly 2^-k, so {@code s * reciprocal} and {@code
   * s / size} are the same real number, and IEEE rounds both to the same float. The common
   * power-of-two windows therefore multiply instead of divide without changing a bit.
   */
  private static boolean isPowerOfTwo(int n) {
    return n > 0 && (n & (n - 1)) == 0;
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
    if (isPowerOfTwo(size)) {
      float reciprocal = 1.0f / size;
      for (int i = 0; i < phase3; i++, ri += cols, li += cols, oi += cols) {
        for (int j = 0; j < cols; j++) {
          float s = (sums[j] + in[ri + j]) - in[li + j];
          sums[j] = s;
          out[oi + j] = s * reciprocal;
        }
      }
    } else {
      for (int i = 0; i < phase3; i++, ri += cols, li += cols, oi += cols) {
        for (int j = 0; j < cols; j++) {
          float s = (sums[j] + in[ri + j]) - in[li + j];
          sums[j] = s;
          out[oi + j] = s / fsize;
        }
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
