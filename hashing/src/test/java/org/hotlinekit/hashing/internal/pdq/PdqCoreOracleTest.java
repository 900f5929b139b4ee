package org.hotlinekit.hashing.internal.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimised PDQ core (streamed filter, ring buffer, four-row interleave, sampled last pass,
 * reciprocal multiplications) against a literal transcription of the C++ reference's structure:
 * full-size buffers, the column pass with a stride, a full decimation. Random luma of random
 * sizes, fixed seeds: every window size 1 to 4, sizes not divisible by anything, 64x64.
 */
class PdqCoreOracleTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void optimisedCoreEqualsTheLiteralReference(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 12; round++) {
      int rows = round == 0 ? 64 : 5 + r.nextInt(508);
      int cols = round == 0 ? 64 : 5 + r.nextInt(508);
      float[] luma = new float[rows * cols];
      // Smooth structure plus noise, in the luma range, so the bits are not trivially stable.
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          luma[y * cols + x] =
              (float) (127 + 60 * Math.sin(x * 0.05 + seed) * Math.cos(y * 0.031)
                  + 40 * r.nextFloat());
        }
      }
      PdqCore.LumaRows source =
          (row, dst, offset) -> System.arraycopy(luma, row * cols, dst, offset, cols);
      Oracle.Result expected = Oracle.hash(luma.clone(), rows, cols, false);
      PdqHashWithQuality actual = PdqCore.hash(source, rows, cols);
      assertThat(actual.quality()).as("%dx%d", rows, cols).isEqualTo(expected.quality);
      assertThat(actual.hash()).as("%dx%d", rows, cols).isEqualTo(expected.hashes[0]);
      Oracle.Result expectedDihedral = Oracle.hash(luma.clone(), rows, cols, true);
      DihedralPdqHashes dihedral = PdqCore.hashDihedral(source, rows, cols);
      for (Dihedral d : Dihedral.values()) {
        assertThat(dihedral.get(d)).as("%dx%d %s", rows, cols, d)
            .isEqualTo(expectedDihedral.hashes[d.ordinal()]);
      }
    }
  }

  /** The C++ reference's pdqhashing.cpp and downscaling.cpp, transcribed loop for loop. */
  static final class Oracle {
    static final class Result {
      PdqHash[] hashes;
      int quality;
    }

    static Result hash(float[] buffer1, int rows, int cols, boolean dihedral) {
      float[] b64 = new float[64 * 64];
      if (rows == 64 && cols == 64 && !dihedral) {
        System.arraycopy(buffer1, 0, b64, 0, 64 * 64);
      } else {
        float[] buffer2 = new float[rows * cols];
        int wr = (cols + 127) / 128;
        int wc = (rows + 127) / 128;
        for (int pass = 0; pass < 2; pass++) {
          for (int i = 0; i < rows; i++) {
            box1d(buffer1, i * cols, buffer2, i * cols, cols, 1, wr);
          }
          for (int j = 0; j < cols; j++) {
            box1d(buffer2, j, buffer1, j, rows, cols, wc);
          }
        }
        for (int oi = 0; oi < 64; oi++) {
          int ini = (int) (((oi + 0.5) * rows) / 64);
          for (int oj = 0; oj < 64; oj++) {
            int inj = (int) (((oj + 0.5) * cols) / 64);
            b64[oi * 64 + oj] = buffer1[ini * cols + inj];
          }
        }
      }
      Result result = new Result();
      result.quality = PdqCore.quality(b64);
      float[] dct = dct(b64);
      if (!dihedral) {
        result.hashes = new PdqHash[] {bits(dct)};
      } else {
        result.hashes = new PdqHash[8];
        float[] t = new float[256];
        for (Dihedral d : Dihedral.values()) {
          PdqCore.transform(d, dct, t);
          result.hashes[d.ordinal()] = bits(t);
        }
      }
      return result;
    }

    static void box1d(float[] in, int inOff, float[] out, int outOff, int n, int stride, int w) {
      int half = (w + 2) / 2;
      int p1 = half - 1;
      int p2 = w - half + 1;
      int p3 = n - w;
      int p4 = half - 1;
      int li = 0;
      int ri = 0;
      int oi = 0;
      float sum = 0.0f;
      int size = 0;
      for (int i = 0; i < p1; i++) {
        sum += in[inOff + ri];
        size++;
        ri += stride;
      }
      for (int i = 0; i < p2; i++) {
        sum += in[inOff + ri];
        size++;
        out[outOff + oi] = sum / size;
        ri += stride;
        oi += stride;
      }
      for (int i = 0; i < p3; i++) {
        sum += in[inOff + ri];
        sum -= in[inOff + li];
        out[outOff + oi] = sum / size;
        li += stride;
        ri += stride;
        oi += stride;
      }
      for (int i = 0; i < p4; i++) {
        sum -= in[inOff + li];
        size--;
        out[outOff + oi] = sum / size;
        li += stride;
        oi += stride;
      }
    }

    static float[] dct(float[] a) {
      float[] d = new float[16 * 64];
      float scale = (float) Math.sqrt(2.0 / 64);
      for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 64; j++) {
          d[i * 64 + j] =
              (float) (scale * StrictMath.cos((Math.PI / 2.0 / 64.0) * (i + 1) * (2 * j + 1)));
        }
      }
      float[] t = new float[16 * 64];
      for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 64; j++) {
          float sum = 0.0f;
          for (int k = 0; k < 64; k++) {
            sum += d[i * 64 + k] * a[k * 64 + j];
          }
          t[i * 64 + j] = sum;
        }
      }
      float[] b = new float[256];
      for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 16; j++) {
          float sum = 0.0f;
          for (int k = 0; k < 64; k++) {
            sum += t[i * 64 + k] * d[j * 64 + k];
          }
          b[i * 16 + j] = sum;
        }
      }
      return b;
    }

    /** Bits above Torben's median, computed the way torben.cpp does. */
    static PdqHash bits(float[] m) {
      float median = torben(m);
      boolean[] bits = new boolean[256];
      for (int k = 0; k < 256; k++) {
        bits[k] = m[k] > median;
      }
      return PdqHash.fromBits(bits);
    }

    static float torben(float[] m) {
      int n = m.length;
      float min = m[0];
      float max = m[0];
      for (int i = 1; i < n; i++) {
        min = Math.min(min, m[i]);
        max = Math.max(max, m[i]);
      }
      int less;
      int greater;
      int equal;
      float guess;
      float maxLtGuess;
      float minGtGuess;
      while (true) {
        guess = (min + max) / 2;
        less = 0;
        greater = 0;
        equal = 0;
        maxLtGuess = min;
        minGtGuess = max;
        for (float v : m) {
          if (v < guess) {
            less++;
            if (v > maxLtGuess) {
              maxLtGuess = v;
            }
          } else if (v > guess) {
            greater++;
            if (v < minGtGuess) {
              minGtGuess = v;
            }
          } else {
            equal++;
          }
        }
        if (less <= (n + 1) / 2 && greater <= (n + 1) / 2) {
          break;
        } else if (less > greater) {
          max = maxLtGuess;
        } else {
          min = minGtGuess;
        }
      }
      if (less >= (n + 1) / 2) {
        return maxLtGuess;
      } else if (less + equal >= (n + 1) / 2) {
        return guess;
      }
      return minGtGuess;
    }

    private Oracle() {}
  }

  @org.junit.jupiter.api.Test
  void torbenMedianIsTheLowerMedian() {
    Random r = new Random(99);
    for (int i = 0; i < 200; i++) {
      float[] m = new float[256];
      for (int k = 0; k < 256; k++) {
        m[k] = r.nextInt(4) == 0 ? r.nextInt(5) : (float) r.nextGaussian() * 100;
      }
      float[] sorted = m.clone();
      Arrays.sort(sorted);
      assertThat(Oracle.torben(m)).isEqualTo(sorted[127]);
    }
  }
}
