package org.hotlinekit.hashing.internal.image.webp;

import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;

/**
 * A decoder for VP8 key frames (lossy WebP) to Y, U and V planes, following RFC 6386 with
 * libwebp's conventions where the RFC leaves a choice (edge samples of intra prediction, the
 * replicated top-right samples of 4x4 blocks, 16-bit coefficient storage). The loop filter runs
 * over the whole frame after decoding, in macroblock raster order; intra prediction uses the
 * unfiltered reconstruction, as the format requires.
 */
final class Vp8Decoder {
  // Macroblock luma modes (RFC 6386 section 8.1 numbering).
  private static final int DC_PRED = 0;
  private static final int V_PRED = 1;
  private static final int H_PRED = 2;
  private static final int TM_PRED = 3;
  private static final int B_PRED = 4;
  // Sub-block modes (section 11.2 numbering).
  private static final int B_DC_PRED = 0;
  private static final int B_TM_PRED = 1;
  private static final int B_VE_PRED = 2;
  private static final int B_HE_PRED = 3;
  private static final int B_LD_PRED = 4;
  private static final int B_RD_PRED = 5;
  private static final int B_VR_PRED = 6;
  private static final int B_VL_PRED = 7;
  private static final int B_HD_PRED = 8;
  private static final int B_HU_PRED = 9;

  /** The sub-block mode implied by each macroblock luma mode, for the mode contexts. */
  private static final int[] IMPLIED_SUB_MODE = {B_DC_PRED, B_VE_PRED, B_HE_PRED, B_TM_PRED};

  /** Bands by coefficient position, with the sentinel position 16 (band 0) of libwebp. */
  private static final int[] BANDS17 = new int[17];

  static {
    System.arraycopy(Vp8Tables.BANDS, 0, BANDS17, 0, 16);
  }

  /** Decoded planes, padded to whole macroblocks. */
  static final class Planes {
    final int width;
    final int height;
    final int yStride;
    final int uvStride;
    final byte[] y;
    final byte[] u;
    final byte[] v;

    Planes(int width, int height, int yStride, int uvStride, byte[] y, byte[] u, byte[] v) {
      this.width = width;
      this.height = height;
      this.yStride = yStride;
      this.uvStride = uvStride;
      this.y = y;
      this.u = u;
      this.v = v;
    }
  }

  private final byte[] data;
  private final int start;
  private final int length;

  private int width;
  private int height;
  private int mbw;
  private int mbh;

  // Segmentation.
  private boolean useSegment;
  private boolean updateMap;
  private boolean absoluteDelta;
  private final int[] segmentQuant = new int[4];
  private final int[] segmentFilter = new int[4];
  private final int[] segmentProbs = {255, 255, 255};
  // Loop filter header.
  private boolean simpleFilter;
  private int filterLevel;
  private int sharpness;
  private boolean useLfDelta;
  private final int[] refLfDelta = new int[4];
  private final int[] modeLfDelta = new int[4];
  // Quantizers per segment: y1 dc/ac, y2 dc/ac, uv dc/ac.
  private final int[][] dq = new int[4][6];
  // Token probabilities [type][band][ctx][node].
  private final int[][][][] coefProbs = new int[4][8][3][11];
  private boolean useSkipProb;
  private int skipProb;

  // Per-macroblock state kept for the loop filter.
  private int[] mbFilterLimit;
  private int[] mbFilterILevel;
  private int[] mbFilterHev;
  private boolean[] mbFilterInner;

  // Planes (padded).
  private byte[] yPlane;
  private byte[] uPlane;
  private byte[] vPlane;
  private int yStride;
  private int uvStride;

  Vp8Decoder(byte[] data, int start, int length) {
    this.data = data;
    this.start = start;
    this.length = length;
  }

  /** Width and height from the frame header, without decoding. */
  static int[] dimensions(byte[] data, int start, int length) {
    if (length < 10) {
      throw new MalformedInputException("corrupt WebP: VP8 frame header is truncated");
    }
    int b0 = data[start] & 0xff;
    if ((b0 & 1) != 0) {
      throw new MalformedInputException("corrupt WebP: the VP8 frame is not a key frame");
    }
    if ((data[start + 3] & 0xff) != 0x9d
        || (data[start + 4] & 0xff) != 0x01
        || (data[start + 5] & 0xff) != 0x2a) {
      throw new MalformedInputException("corrupt WebP: bad VP8 start code");
    }
    int w = ((data[start + 6] & 0xff) | (data[start + 7] & 0xff) << 8) & 0x3fff;
    int h = ((data[start + 8] & 0xff) | (data[start + 9] & 0xff) << 8) & 0x3fff;
    return new int[] {w, h};
  }

  Planes decode() {
    int[] dims = dimensions(data, start, length);
    width = dims[0];
    height = dims[1];
    if (width < 1 || height < 1) {
      throw new MalformedInputException("corrupt WebP: VP8 frame of " + width + "x" + height);
    }
    int tag = (data[start] & 0xff) | (data[start + 1] & 0xff) << 8 | (data[start + 2] & 0xff) << 16;
    int version = (tag >> 1) & 7;
    if (version > 3) {
      throw new UnsupportedInputException("WebP with VP8 profile " + version + " is not supported");
    }
    int firstPartitionSize = tag >>> 5;
    int firstStart = start + 10;
    int end = start + length;
    if (firstPartitionSize > end - firstStart) {
      throw new MalformedInputException("corrupt WebP: the first VP8 partition is truncated");
    }
    mbw = (width + 15) >> 4;
    mbh = (height + 15) >> 4;
    BoolDecoder br = new BoolDecoder(data, firstStart, firstPartitionSize);
    br.readBit(); // colour space
    br.readBit(); // clamping type: libwebp always clamps
    parseSegmentHeader(br);
    parseFilterHeader(br);
    BoolDecoder[] partitions = parsePartitions(br, firstStart + firstPartitionSize, end);
    parseQuantizers(br);
    br.readBit(); // refresh_entropy_probs: meaningless for a single key frame
    parseTokenProbs(br);

    yStride = mbw * 16;
    uvStride = mbw * 8;
    yPlane = new byte[yStride * mbh * 16];
    uPlane = new byte[uvStride * mbh * 8];
    vPlane = new byte[uvStride * mbh * 8];
    int mbCount = mbw * mbh;
    mbFilterLimit = new int[mbCount];
    mbFilterILevel = new int[mbCount];
    mbFilterHev = new int[mbCount];
    mbFilterInner = new boolean[mbCount];
    decodeMacroblocks(br, partitions);
    if (br.overrun()) {
      throw new MalformedInputException("corrupt WebP: the VP8 mode partition is truncated");
    }
    if (filterLevel > 0) {
      loopFilter();
    }
    return new Planes(width, height, yStride, uvStride, yPlane, uPlane, vPlane);
  }

  // ------------------------------------------------------------------ headers

  private void parseSegmentHeader(BoolDecoder br) {
    useSegment = br.readBit() != 0;
    if (useSegment) {
      updateMap = br.readBit() != 0;
      if (br.readBit() != 0) {
        absoluteDelta = br.readBit() != 0;
        for (int s = 0; s < 4; s++) {
          segmentQuant[s] = br.readOptionalSigned(7);
        }
        for (int s = 0; s < 4; s++) {
          segmentFilter[s] = br.readOptionalSigned(6);
        }
      }
      if (updateMap) {
        for (int s = 0; s < 3; s++) {
          segmentProbs[s] = br.readBit() != 0 ? br.readLiteral(8) : 255;
        }
      }
    }
  }

  private void parseFilterHeader(BoolDecoder br) {
    simpleFilter = br.readBit() != 0;
    filterLevel = br.readLiteral(6);
    sharpness = br.readLiteral(3);
    useLfDelta = br.readBit() != 0;
    if (useLfDelta && br.readBit() != 0) {
      for (int i = 0; i < 4; i++) {
        if (br.readBit() != 0) {
          refLfDelta[i] = br.readSigned(6);
        }
      }
      for (int i = 0; i < 4; i++) {
        if (br.readBit() != 0) {
          modeLfDelta[i] = br.readSigned(6);
        }
      }
    }
  }

  private BoolDecoder[] parsePartitions(BoolDecoder br, int partsStart, int end) {
    int count = 1 << br.readLiteral(2);
    int sizesLength = 3 * (count - 1);
    if (sizesLength > end - partsStart) {
      throw new MalformedInputException("corrupt WebP: the VP8 partition table is truncated");
    }
    BoolDecoder[] parts = new BoolDecoder[count];
    int partStart = partsStart + sizesLength;
    for (int p = 0; p < count; p++) {
      int size;
      if (p < count - 1) {
        int s = partsStart + 3 * p;
        size = (data[s] & 0xff) | (data[s + 1] & 0xff) << 8 | (data[s + 2] & 0xff) << 16;
        size = Math.min(size, Math.max(0, end - partStart));
      } else {
        size = end - partStart;
      }
      if (size < 0 || (partStart >= end && p == count - 1 && size <= 0)) {
        throw new MalformedInputException("corrupt WebP: a VP8 token partition is missing");
      }
      parts[p] = new BoolDecoder(data, partStart, size);
      partStart += size;
    }
    return parts;
  }

  private void parseQuantizers(BoolDecoder br) {
    int base = br.readLiteral(7);
    int y1dc = br.readOptionalSigned(4);
    int y2dc = br.readOptionalSigned(4);
    int y2ac = br.readOptionalSigned(4);
    int uvdc = br.readOptionalSigned(4);
    int uvac = br.readOptionalSigned(4);
    for (int s = 0; s < 4; s++) {
      int q;
      if (useSegment) {
        q = segmentQuant[s] + (absoluteDelta ? 0 : base);
      } else if (s > 0) {
        dq[s] = dq[0].clone();
        continue;
      } else {
        q = base;
      }
      int[] m = dq[s];
      m[0] = Vp8Tables.DC_QUANT[clip(q + y1dc, 127)];
      m[1] = Vp8Tables.AC_QUANT[clip(q, 127)];
      m[2] = Vp8Tables.DC_QUANT[clip(q + y2dc, 127)] * 2;
      // x * 155 / 100, computed as libwebp does.
      m[3] = (Vp8Tables.AC_QUANT[clip(q + y2ac, 127)] * 101581) >> 16;
      if (m[3] < 8) {
        m[3] = 8;
      }
      m[4] = Vp8Tables.DC_QUANT[clip(q + uvdc, 117)];
      m[5] = Vp8Tables.AC_QUANT[clip(q + uvac, 127)];
    }
  }

  private static int clip(int v, int max) {
    return v < 0 ? 0 : Math.min(v, max);
  }

  private void parseTokenProbs(BoolDecoder br) {
    for (int t = 0; t < 4; t++) {
      for (int b = 0; b < 8; b++) {
        for (int c = 0; c < 3; c++) {
          for (int p = 0; p < 11; p++) {
            coefProbs[t][b][c][p] =
                br.readBool(Vp8Tables.COEF_UPDATE_PROBS[t][b][c][p]) != 0
                    ? br.readLiteral(8)
                    : Vp8Tables.DEFAULT_COEF_PROBS[t][b][c][p];
          }
        }
      }
    }
    useSkipProb = br.readBit() != 0;
    if (useSkipProb) {
      skipProb = br.readLiteral(8);
    }
  }

  // ------------------------------------------------------------------ macroblocks

  private void decodeMacroblocks(BoolDecoder br, BoolDecoder[] partitions) {
    int[] topModes = new int[mbw * 4];
    java.util.Arrays.fill(topModes, B_DC_PRED);
    int[] leftModes = new int[4];
    // Non-zero contexts: per 4x4 column above (Y: 4, U: 2, V: 2) and the Y2 flag.
    int[] topNz = new int[mbw * 8];
    int[] topNzDc = new int[mbw];
    int[] leftNz = new int[8];
    int[] leftNzDc = new int[1];
    int[] subModes = new int[16];
    short[] coeffs = new short[24 * 16];
    short[] y2 = new short[16];
    int[][] filterInfo = filterStrengths();
    Reconstructor rec = new Reconstructor();
    for (int mby = 0; mby < mbh; mby++) {
      BoolDecoder tokens = partitions[mby & (partitions.length - 1)];
      java.util.Arrays.fill(leftModes, B_DC_PRED);
      java.util.Arrays.fill(leftNz, 0);
      leftNzDc[0] = 0;
      for (int mbx = 0; mbx < mbw; mbx++) {
        int segment = 0;
        if (updateMap) {
          segment =
              br.readBool(segmentProbs[0]) == 0
                  ? br.readBool(segmentProbs[1])
                  : 2 + br.readBool(segmentProbs[2]);
        }
        boolean skip = useSkipProb && br.readBool(skipProb) != 0;
        int yMode;
        boolean i4x4 = br.readBool(145) == 0;
        if (!i4x4) {
          yMode =
              br.readBool(156) != 0
                  ? (br.readBool(128) != 0 ? TM_PRED : H_PRED)
                  : (br.readBool(163) != 0 ? V_PRED : DC_PRED);
          int implied = IMPLIED_SUB_MODE[yMode];
          for (int k = 0; k < 4; k++) {
            topModes[mbx * 4 + k] = implied;
            leftModes[k] = implied;
          }
        } else {
          yMode = B_PRED;
          for (int sy = 0; sy < 4; sy++) {
            int left = leftModes[sy];
            for (int sx = 0; sx < 4; sx++) {
              int above = topModes[mbx * 4 + sx];
              int mode =
                  br.readTree(
                      Vp8Tables.SUB_BLOCK_MODE_TREE, Vp8Tables.KF_SUB_BLOCK_MODE_PROBS[above][left]);
              subModes[sy * 4 + sx] = mode;
              topModes[mbx * 4 + sx] = mode;
              left = mode;
            }
            leftModes[sy] = left;
          }
        }
        int uvMode =
            br.readBool(142) == 0
                ? DC_PRED
                : br.readBool(114) == 0 ? V_PRED : br.readBool(183) != 0 ? TM_PRED : H_PRED;

        java.util.Arrays.fill(coeffs, (short) 0);
        java.util.Arrays.fill(y2, (short) 0);
        boolean hasCoefficients;
        if (!skip) {
          hasCoefficients =
              parseResiduals(tokens, dq[segment], i4x4, mbx, topNz, topNzDc, leftNz, leftNzDc,
                  coeffs, y2);
        } else {
          for (int k = 0; k < 8; k++) {
            topNz[mbx * 8 + k] = 0;
            leftNz[k] = 0;
          }
          if (!i4x4) {
            topNzDc[mbx] = 0;
            leftNzDc[0] = 0;
          }
          hasCoefficients = false;
        }
        int mb = mby * mbw + mbx;
        int[] f = filterInfo[segment * 2 + (i4x4 ? 1 : 0)];
        mbFilterLimit[mb] = f[0];
        mbFilterILevel[mb] = f[1];
        mbFilterHev[mb] = f[2];
        mbFilterInner[mb] = i4x4 || hasCoefficients;
        rec.reconstruct(mbx, mby, yMode, subModes, uvMode, coeffs);
      }
      if (tokens.overrun()) {
        throw new MalformedInputException("corrupt WebP: a VP8 token partition is truncated");
      }
    }
  }

  /**
   * Reads the coefficients of one macroblock (libwebp's ParseResiduals). Y blocks land at
   * {@code coeffs[16 * n]} (n = 0..15, raster order), U at 16..19, V at 20..23.
   *
   * @return whether any coefficient is non-zero
   */
  private boolean parseResiduals(
      BoolDecoder br, int[] q, boolean i4x4, int mbx, int[] topNz, int[] topNzDc, int[] leftNz,
      int[] leftNzDc, short[] coeffs, short[] y2) {
    boolean any = false;
    int first;
    int yType;
    if (!i4x4) {
      int ctx = topNzDc[mbx] + leftNzDc[0];
      int nz = getCoeffs(br, 1, ctx, q[2], q[3], 0, y2, 0);
      int flag = nz > 0 ? 1 : 0;
      topNzDc[mbx] = flag;
      leftNzDc[0] = flag;
      inverseWht(y2, coeffs);
      first = 1;
      yType = 0;
    } else {
      first = 0;
      yType = 3;
    }
    for (int sy = 0; sy < 4; sy++) {
      for (int sx = 0; sx < 4; sx++) {
        int ctx = leftNz[sy] + topNz[mbx * 8 + sx];
        int off = (sy * 4 + sx) * 16;
        int nz = getCoeffs(br, yType, ctx, q[0], q[1], first, coeffs, off);
        int flag = nz > first ? 1 : 0;
        leftNz[sy] = flag;
        topNz[mbx * 8 + sx] = flag;
        // As libwebp's non-zero codes: a coefficient past the DC, or a non-zero DC.
        if (nz > 1 || coeffs[off] != 0) {
          any = true;
        }
      }
    }
    for (int ch = 0; ch < 2; ch++) {
      for (int sy = 0; sy < 2; sy++) {
        for (int sx = 0; sx < 2; sx++) {
          int ctx = leftNz[4 + ch * 2 + sy] + topNz[mbx * 8 + 4 + ch * 2 + sx];
          int off = (16 + ch * 4 + sy * 2 + sx) * 16;
          int nz = getCoeffs(br, 2, ctx, q[4], q[5], 0, coeffs, off);
          int flag = nz > 0 ? 1 : 0;
          leftNz[4 + ch * 2 + sy] = flag;
          topNz[mbx * 8 + 4 + ch * 2 + sx] = flag;
          if (nz > 1 || coeffs[off] != 0) {
            any = true;
          }
        }
      }
    }
    return any;
  }

  /**
   * Reads one block's tokens (libwebp's GetCoeffs): returns the position after the last decoded
   * coefficient, or {@code n} when the block ends at once. Values are dequantized and stored, as
   * libwebp does, in 16-bit integers.
   */
  private int getCoeffs(
      BoolDecoder br, int type, int ctx, int dcq, int acq, int n, short[] out, int off) {
    int[][][] bands = coefProbs[type];
    int[] p = bands[BANDS17[n]][ctx];
    for (; n < 16; ++n) {
      if (br.readBool(p[0]) == 0) {
        return n;
      }
      while (br.readBool(p[1]) == 0) {
        p = bands[BANDS17[++n]][0];
        if (n == 16) {
          return 16;
        }
      }
      int v;
      int[][] next = bands[BANDS17[n + 1]];
      if (br.readBool(p[2]) == 0) {
        v = 1;
        p = next[1];
      } else {
        v = largeValue(br, p);
        p = next[2];
      }
      int signed = br.readBit() != 0 ? -v : v;
      out[off + Vp8Tables.ZIGZAG[n]] = (short) (signed * (n > 0 ? acq : dcq));
    }
    return 16;
  }

  private static int largeValue(BoolDecoder br, int[] p) {
    int v;
    if (br.readBool(p[3]) == 0) {
      if (br.readBool(p[4]) == 0) {
        v = 2;
      } else {
        v = 3 + br.readBool(p[5]);
      }
    } else {
      if (br.readBool(p[6]) == 0) {
        if (br.readBool(p[7]) == 0) {
          v = 5 + br.readBool(159);
        } else {
          v = 7 + 2 * br.readBool(165);
          v += br.readBool(145);
        }
      } else {
        int bit1 = br.readBool(p[8]);
        int bit0 = br.readBool(p[9 + bit1]);
        int cat = 2 * bit1 + bit0;
        v = 0;
        for (int prob : Vp8Tables.CAT3456[cat]) {
          if (prob == 0) {
            break;
          }
          v += v + br.readBool(prob);
        }
        v += 3 + (8 << cat);
      }
    }
    return v;
  }

  /** Inverse Walsh-Hadamard transform of the Y2 block into the DC of each Y block. */
  private static void inverseWht(short[] in, short[] coeffs) {
    int[] tmp = new int[16];
    for (int i = 0; i < 4; i++) {
      int a0 = in[i] + in[12 + i];
      int a1 = in[4 + i] + in[8 + i];
      int a2 = in[4 + i] - in[8 + i];
      int a3 = in[i] - in[12 + i];
      tmp[i] = a0 + a1;
      tmp[8 + i] = a0 - a1;
      tmp[4 + i] = a3 + a2;
      tmp[12 + i] = a3 - a2;
    }
    for (int i = 0; i < 4; i++) {
      int dc = tmp[i * 4] + 3;
      int a0 = dc + tmp[3 + i * 4];
      int a1 = tmp[1 + i * 4] + tmp[2 + i * 4];
      int a2 = tmp[1 + i * 4] - tmp[2 + i * 4];
      int a3 = dc - tmp[3 + i * 4];
      int o = i * 4 * 16;
      coeffs[o] = (short) ((a0 + a1) >> 3);
      coeffs[o + 16] = (short) ((a3 + a2) >> 3);
      coeffs[o + 32] = (short) ((a0 - a1) >> 3);
      coeffs[o + 48] = (short) ((a3 - a2) >> 3);
    }
  }

  /** Filter limit, inner level and hev threshold per [segment * 2 + i4x4] (libwebp). */
  private int[][] filterStrengths() {
    int[][] out = new int[8][3];
    for (int s = 0; s < 4; s++) {
      int base;
      if (useSegment) {
        base = segmentFilter[s] + (absoluteDelta ? 0 : filterLevel);
      } else {
        base = filterLevel;
      }
      for (int i4x4 = 0; i4x4 <= 1; i4x4++) {
        int level = base;
        if (useLfDelta) {
          level += refLfDelta[0];
          if (i4x4 == 1) {
            level += modeLfDelta[0];
          }
        }
        level = level < 0 ? 0 : Math.min(level, 63);
        int[] info = out[s * 2 + i4x4];
        if (level > 0) {
          int ilevel = level;
          if (sharpness > 0) {
            ilevel >>= sharpness > 4 ? 2 : 1;
            if (ilevel > 9 - sharpness) {
              ilevel = 9 - sharpness;
            }
          }
          if (ilevel < 1) {
            ilevel = 1;
          }
          info[0] = 2 * level + ilevel;
          info[1] = ilevel;
          info[2] = level >= 40 ? 2 : level >= 15 ? 1 : 0;
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ reconstruction

  /** Prediction and residuals for one macroblock in small work buffers with borders. */
  private final class Reconstructor {
    // Y: 21 columns (left border, 16, 4 top-right) x 17 rows (top border, 16).
    private static final int YS = 32;
    private static final int YO = YS + 4;
    private static final int CS = 16;
    private static final int CO = CS + 4;
    private final int[] yb = new int[YS * 17];
    private final int[] ub = new int[CS * 9];
    private final int[] vb = new int[CS * 9];

    void reconstruct(int mbx, int mby, int yMode, int[] subModes, int uvMode, short[] coeffs) {
      loadBorders(mbx, mby);
      if (yMode == B_PRED) {
        for (int n = 0; n < 16; n++) {
          int bo = YO + (n >> 2) * 4 * YS + (n & 3) * 4;
          predict4(subModes[n], bo);
          addResidual(yb, bo, YS, coeffs, n * 16);
        }
      } else {
        predict16(yMode, mbx, mby);
        for (int n = 0; n < 16; n++) {
          addResidual(yb, YO + (n >> 2) * 4 * YS + (n & 3) * 4, YS, coeffs, n * 16);
        }
      }
      predictChroma(ub, uvMode, mbx, mby);
      predictChroma(vb, uvMode, mbx, mby);
      for (int n = 0; n < 4; n++) {
        int bo = CO + (n >> 1) * 4 * CS + (n & 1) * 4;
        addResidual(ub, bo, CS, coeffs, (16 + n) * 16);
        addResidual(vb, bo, CS, coeffs, (20 + n) * 16);
      }
      store(mbx, mby);
    }

    private void loadBorders(int mbx, int mby) {
      int x0 = mbx * 16;
      int y0 = mby * 16;
      // Top row, top-left and top-right.
      if (mby == 0) {
        for (int i = -1; i < 20; i++) {
          yb[YO - YS + i] = 127;
        }
        for (int i = -1; i < 8; i++) {
          ub[CO - CS + i] = 127;
          vb[CO - CS + i] = 127;
        }
      } else {
        int row = (y0 - 1) * yStride;
        for (int i = 0; i < 16; i++) {
          yb[YO - YS + i] = yPlane[row + x0 + i] & 0xff;
        }
        for (int i = 16; i < 20; i++) {
          yb[YO - YS + i] =
              mbx < mbw - 1
                  ? yPlane[row + x0 + i] & 0xff
                  : yPlane[row + x0 + 15] & 0xff;
        }
        yb[YO - YS - 1] = mbx == 0 ? 129 : yPlane[row + x0 - 1] & 0xff;
        int crow = (mby * 8 - 1) * uvStride;
        int cx0 = mbx * 8;
        for (int i = 0; i < 8; i++) {
          ub[CO - CS + i] = uPlane[crow + cx0 + i] & 0xff;
          vb[CO - CS + i] = vPlane[crow + cx0 + i] & 0xff;
        }
        ub[CO - CS - 1] = mbx == 0 ? 129 : uPlane[crow + cx0 - 1] & 0xff;
        vb[CO - CS - 1] = mbx == 0 ? 129 : vPlane[crow + cx0 - 1] & 0xff;
      }
      // Left column.
      for (int j = 0; j < 16; j++) {
        yb[YO + j * YS - 1] = mbx == 0 ? 129 : yPlane[(y0 + j) * yStride + x0 - 1] & 0xff;
      }
      for (int j = 0; j < 8; j++) {
        int r = (mby * 8 + j) * uvStride + mbx * 8 - 1;
        ub[CO + j * CS - 1] = mbx == 0 ? 129 : uPlane[r] & 0xff;
        vb[CO + j * CS - 1] = mbx == 0 ? 129 : vPlane[r] & 0xff;
      }
      // The top-right samples are replicated down for the right column of 4x4 blocks.
      for (int k = 1; k < 4; k++) {
        for (int i = 16; i < 20; i++) {
          yb[YO + (4 * k - 1) * YS + i] = yb[YO - YS + i];
        }
      }
    }

    private void store(int mbx, int mby) {
      int x0 = mbx * 16;
      int y0 = mby * 16;
      for (int j = 0; j < 16; j++) {
        int row = (y0 + j) * yStride + x0;
        for (int i = 0; i < 16; i++) {
          yPlane[row + i] = (byte) yb[YO + j * YS + i];
        }
      }
      for (int j = 0; j < 8; j++) {
        int row = (mby * 8 + j) * uvStride + mbx * 8;
        for (int i = 0; i < 8; i++) {
          uPlane[row + i] = (byte) ub[CO + j * CS + i];
          vPlane[row + i] = (byte) vb[CO + j * CS + i];
        }
      }
    }

    private void predict16(int mode, int mbx, int mby) {
      switch (mode) {
        case DC_PRED:
          fill(yb, YO, YS, 16, dc(yb, YO, YS, 16, mbx > 0, mby > 0));
          break;
        case V_PRED:
          for (int j = 0; j < 16; j++) {
            System.arraycopy(yb, YO - YS, yb, YO + j * YS, 16);
          }
          break;
        case H_PRED:
          for (int j = 0; j < 16; j++) {
            int v = yb[YO + j * YS - 1];
            for (int i = 0; i < 16; i++) {
              yb[YO + j * YS + i] = v;
            }
          }
          break;
        default:
          trueMotion(yb, YO, YS, 16);
      }
    }

    private void predictChroma(int[] b, int mode, int mbx, int mby) {
      switch (mode) {
        case DC_PRED:
          fill(b, CO, CS, 8, dc(b, CO, CS, 8, mbx > 0, mby > 0));
          break;
        case V_PRED:
          for (int j = 0; j < 8; j++) {
            System.arraycopy(b, CO - CS, b, CO + j * CS, 8);
          }
          break;
        case H_PRED:
          for (int j = 0; j < 8; j++) {
            int v = b[CO + j * CS - 1];
            for (int i = 0; i < 8; i++) {
              b[CO + j * CS + i] = v;
            }
          }
          break;
        default:
          trueMotion(b, CO, CS, 8);
      }
    }

    /** DC of a 16x16 or 8x8 block, counting only the edges inside the frame (libwebp). */
    private int dc(int[] b, int o, int s, int size, boolean hasLeft, boolean hasTop) {
      int shift = size == 16 ? 4 : 3;
      int sum = 0;
      if (hasTop && hasLeft) {
        for (int i = 0; i < size; i++) {
          sum += b[o - s + i] + b[o + i * s - 1];
        }
        return (sum + size) >> (shift + 1);
      }
      if (hasTop) {
        for (int i = 0; i < size; i++) {
          sum += b[o - s + i];
        }
        return (sum + (size >> 1)) >> shift;
      }
      if (hasLeft) {
        for (int i = 0; i < size; i++) {
          sum += b[o + i * s - 1];
        }
        return (sum + (size >> 1)) >> shift;
      }
      return 0x80;
    }

    private void fill(int[] b, int o, int s, int size, int v) {
      for (int j = 0; j < size; j++) {
        java.util.Arrays.fill(b, o + j * s, o + j * s + size, v);
      }
    }

    private void trueMotion(int[] b, int o, int s, int size) {
      int topLeft = b[o - s - 1];
      for (int j = 0; j < size; j++) {
        int left = b[o + j * s - 1];
        for (int i = 0; i < size; i++) {
          b[o + j * s + i] = clip255(left + b[o - s + i] - topLeft);
        }
      }
    }

    /** The ten 4x4 predictors (RFC 6386 section 12.3), reading the borders around {@code o}. */
    private void predict4(int mode, int o) {
      int[] b = yb;
      int s = YS;
      int top = o - s;
      int x = b[top - 1];
      int a0 = b[top];
      int a1 = b[top + 1];
      int a2 = b[top + 2];
      int a3 = b[top + 3];
      int a4 = b[top + 4];
      int a5 = b[top + 5];
      int a6 = b[top + 6];
      int a7 = b[top + 7];
      int i0 = b[o - 1];
      int i1 = b[o + s - 1];
      int i2 = b[o + 2 * s - 1];
      int i3 = b[o + 3 * s - 1];
      switch (mode) {
        case B_DC_PRED: {
          int dc = 4;
          for (int k = 0; k < 4; k++) {
            dc += b[top + k] + b[o + k * s - 1];
          }
          dc >>= 3;
          for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
              b[o + j * s + i] = dc;
            }
          }
          break;
        }
        case B_TM_PRED:
          for (int j = 0; j < 4; j++) {
            int left = b[o + j * s - 1];
            for (int i = 0; i < 4; i++) {
              b[o + j * s + i] = clip255(left + b[top + i] - x);
            }
          }
          break;
        case B_VE_PRED: {
          int v0 = avg3(x, a0, a1);
          int v1 = avg3(a0, a1, a2);
          int v2 = avg3(a1, a2, a3);
          int v3 = avg3(a2, a3, a4);
          for (int j = 0; j < 4; j++) {
            b[o + j * s] = v0;
            b[o + j * s + 1] = v1;
            b[o + j * s + 2] = v2;
            b[o + j * s + 3] = v3;
          }
          break;
        }
        case B_HE_PRED: {
          int[] rows = {avg3(x, i0, i1), avg3(i0, i1, i2), avg3(i1, i2, i3), avg3(i2, i3, i3)};
          for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
              b[o + j * s + i] = rows[j];
            }
          }
          break;
        }
        case B_LD_PRED:
          put(o, 0, 0, avg3(a0, a1, a2));
          put(o, 1, 0, avg3(a1, a2, a3));
          put(o, 0, 1, avg3(a1, a2, a3));
          int ld2 = avg3(a2, a3, a4);
          put(o, 2, 0, ld2);
          put(o, 1, 1, ld2);
          put(o, 0, 2, ld2);
          int ld3 = avg3(a3, a4, a5);
          put(o, 3, 0, ld3);
          put(o, 2, 1, ld3);
          put(o, 1, 2, ld3);
          put(o, 0, 3, ld3);
          int ld4 = avg3(a4, a5, a6);
          put(o, 3, 1, ld4);
          put(o, 2, 2, ld4);
          put(o, 1, 3, ld4);
          int ld5 = avg3(a5, a6, a7);
          put(o, 3, 2, ld5);
          put(o, 2, 3, ld5);
          put(o, 3, 3, avg3(a6, a7, a7));
          break;
        case B_RD_PRED:
          put(o, 0, 3, avg3(i1, i2, i3));
          int rd1 = avg3(i0, i1, i2);
          put(o, 1, 3, rd1);
          put(o, 0, 2, rd1);
          int rd2 = avg3(x, i0, i1);
          put(o, 2, 3, rd2);
          put(o, 1, 2, rd2);
          put(o, 0, 1, rd2);
          int rd3 = avg3(a0, x, i0);
          put(o, 3, 3, rd3);
          put(o, 2, 2, rd3);
          put(o, 1, 1, rd3);
          put(o, 0, 0, rd3);
          int rd4 = avg3(a1, a0, x);
          put(o, 3, 2, rd4);
          put(o, 2, 1, rd4);
          put(o, 1, 0, rd4);
          int rd5 = avg3(a2, a1, a0);
          put(o, 3, 1, rd5);
          put(o, 2, 0, rd5);
          put(o, 3, 0, avg3(a3, a2, a1));
          break;
        case B_VR_PRED:
          put(o, 0, 0, avg2(x, a0));
          put(o, 1, 2, avg2(x, a0));
          put(o, 1, 0, avg2(a0, a1));
          put(o, 2, 2, avg2(a0, a1));
          put(o, 2, 0, avg2(a1, a2));
          put(o, 3, 2, avg2(a1, a2));
          put(o, 3, 0, avg2(a2, a3));
          put(o, 0, 3, avg3(i2, i1, i0));
          put(o, 0, 2, avg3(i1, i0, x));
          put(o, 0, 1, avg3(i0, x, a0));
          put(o, 1, 3, avg3(i0, x, a0));
          put(o, 1, 1, avg3(x, a0, a1));
          put(o, 2, 3, avg3(x, a0, a1));
          put(o, 2, 1, avg3(a0, a1, a2));
          put(o, 3, 3, avg3(a0, a1, a2));
          put(o, 3, 1, avg3(a1, a2, a3));
          break;
        case B_VL_PRED:
          put(o, 0, 0, avg2(a0, a1));
          put(o, 1, 0, avg2(a1, a2));
          put(o, 0, 2, avg2(a1, a2));
          put(o, 2, 0, avg2(a2, a3));
          put(o, 1, 2, avg2(a2, a3));
          put(o, 3, 0, avg2(a3, a4));
          put(o, 2, 2, avg2(a3, a4));
          put(o, 0, 1, avg3(a0, a1, a2));
          put(o, 1, 1, avg3(a1, a2, a3));
          put(o, 0, 3, avg3(a1, a2, a3));
          put(o, 2, 1, avg3(a2, a3, a4));
          put(o, 1, 3, avg3(a2, a3, a4));
          put(o, 3, 1, avg3(a3, a4, a5));
          put(o, 2, 3, avg3(a3, a4, a5));
          put(o, 3, 2, avg3(a4, a5, a6));
          put(o, 3, 3, avg3(a5, a6, a7));
          break;
        case B_HD_PRED:
          put(o, 0, 0, avg2(i0, x));
          put(o, 2, 1, avg2(i0, x));
          put(o, 0, 1, avg2(i1, i0));
          put(o, 2, 2, avg2(i1, i0));
          put(o, 0, 2, avg2(i2, i1));
          put(o, 2, 3, avg2(i2, i1));
          put(o, 0, 3, avg2(i3, i2));
          put(o, 3, 0, avg3(a0, a1, a2));
          put(o, 2, 0, avg3(x, a0, a1));
          put(o, 1, 0, avg3(i0, x, a0));
          put(o, 3, 1, avg3(i0, x, a0));
          put(o, 1, 1, avg3(i1, i0, x));
          put(o, 3, 2, avg3(i1, i0, x));
          put(o, 1, 2, avg3(i2, i1, i0));
          put(o, 3, 3, avg3(i2, i1, i0));
          put(o, 1, 3, avg3(i3, i2, i1));
          break;
        case B_HU_PRED:
          put(o, 0, 0, avg2(i0, i1));
          put(o, 2, 0, avg2(i1, i2));
          put(o, 0, 1, avg2(i1, i2));
          put(o, 2, 1, avg2(i2, i3));
          put(o, 0, 2, avg2(i2, i3));
          put(o, 1, 0, avg3(i0, i1, i2));
          put(o, 3, 0, avg3(i1, i2, i3));
          put(o, 1, 1, avg3(i1, i2, i3));
          put(o, 3, 1, avg3(i2, i3, i3));
          put(o, 1, 2, avg3(i2, i3, i3));
          put(o, 3, 2, i3);
          put(o, 2, 2, i3);
          put(o, 0, 3, i3);
          put(o, 1, 3, i3);
          put(o, 2, 3, i3);
          put(o, 3, 3, i3);
          break;
        default:
          throw new MalformedInputException("corrupt WebP: sub-block mode " + mode);
      }
    }

    private void put(int o, int col, int row, int v) {
      yb[o + row * YS + col] = v;
    }
  }

  private static int avg3(int a, int b, int c) {
    return (a + 2 * b + c + 2) >> 2;
  }

  private static int avg2(int a, int b) {
    return (a + b + 1) >> 1;
  }

  private static int clip255(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  private static final int C1 = 20091;
  private static final int C2 = 35468;

  private static int mul1(int a) {
    return ((a * C1) >> 16) + a;
  }

  private static int mul2(int a) {
    return (a * C2) >> 16;
  }

  /** Adds the inverse DCT of one block (libwebp's TransformOne) to the prediction. */
  private static void addResidual(int[] dst, int o, int stride, short[] in, int off) {
    boolean any = false;
    for (int k = 0; k < 16; k++) {
      if (in[off + k] != 0) {
        any = true;
        break;
      }
    }
    if (!any) {
      return;
    }
    int[] tmp = new int[16];
    for (int i = 0; i < 4; i++) {
      int a = in[off + i] + in[off + 8 + i];
      int b = in[off + i] - in[off + 8 + i];
      int c = mul2(in[off + 4 + i]) - mul1(in[off + 12 + i]);
      int d = mul1(in[off + 4 + i]) + mul2(in[off + 12 + i]);
      tmp[i * 4] = a + d;
      tmp[i * 4 + 1] = b + c;
      tmp[i * 4 + 2] = b - c;
      tmp[i * 4 + 3] = a - d;
    }
    for (int i = 0; i < 4; i++) {
      int dc = tmp[i] + 4;
      int a = dc + tmp[8 + i];
      int b = dc - tmp[8 + i];
      int c = mul2(tmp[4 + i]) - mul1(tmp[12 + i]);
      int d = mul1(tmp[4 + i]) + mul2(tmp[12 + i]);
      int row = o + i * stride;
      dst[row] = clip255(dst[row] + ((a + d) >> 3));
      dst[row + 1] = clip255(dst[row + 1] + ((b + c) >> 3));
      dst[row + 2] = clip255(dst[row + 2] + ((b - c) >> 3));
      dst[row + 3] = clip255(dst[row + 3] + ((a - d) >> 3));
    }
  }

  // ------------------------------------------------------------------ loop filter

  private void loopFilter() {
    for (int mby = 0; mby < mbh; mby++) {
      for (int mbx = 0; mbx < mbw; mbx++) {
        int mb = mby * mbw + mbx;
        int limit = mbFilterLimit[mb];
        if (limit == 0) {
          continue;
        }
        int ilevel = mbFilterILevel[mb];
        int hev = mbFilterHev[mb];
        boolean inner = mbFilterInner[mb];
        int yo = mby * 16 * yStride + mbx * 16;
        int co = mby * 8 * uvStride + mbx * 8;
        if (simpleFilter) {
          if (mbx > 0) {
            simpleEdge(yPlane, yo, 1, yStride, limit + 4);
          }
          if (inner) {
            for (int k = 1; k < 4; k++) {
              simpleEdge(yPlane, yo + 4 * k, 1, yStride, limit);
            }
          }
          if (mby > 0) {
            simpleEdge(yPlane, yo, yStride, 1, limit + 4);
          }
          if (inner) {
            for (int k = 1; k < 4; k++) {
              simpleEdge(yPlane, yo + 4 * k * yStride, yStride, 1, limit);
            }
          }
        } else {
          if (mbx > 0) {
            edge26(yPlane, yo, 1, yStride, 16, limit + 4, ilevel, hev);
            edge26(uPlane, co, 1, uvStride, 8, limit + 4, ilevel, hev);
            edge26(vPlane, co, 1, uvStride, 8, limit + 4, ilevel, hev);
          }
          if (inner) {
            for (int k = 1; k < 4; k++) {
              edge24(yPlane, yo + 4 * k, 1, yStride, 16, limit, ilevel, hev);
            }
            edge24(uPlane, co + 4, 1, uvStride, 8, limit, ilevel, hev);
            edge24(vPlane, co + 4, 1, uvStride, 8, limit, ilevel, hev);
          }
          if (mby > 0) {
            edge26(yPlane, yo, yStride, 1, 16, limit + 4, ilevel, hev);
            edge26(uPlane, co, uvStride, 1, 8, limit + 4, ilevel, hev);
            edge26(vPlane, co, uvStride, 1, 8, limit + 4, ilevel, hev);
          }
          if (inner) {
            for (int k = 1; k < 4; k++) {
              edge24(yPlane, yo + 4 * k * yStride, yStride, 1, 16, limit, ilevel, hev);
            }
            edge24(uPlane, co + 4 * uvStride, uvStride, 1, 8, limit, ilevel, hev);
            edge24(vPlane, co + 4 * uvStride, uvStride, 1, 8, limit, ilevel, hev);
          }
        }
      }
    }
  }

  /**
   * Filters 16 positions along an edge with the simple filter. {@code step} crosses the edge,
   * {@code along} moves along it.
   */
  private static void simpleEdge(byte[] p, int o, int step, int along, int thresh) {
    int thresh2 = 2 * thresh + 1;
    for (int i = 0; i < 16; i++) {
      int at = o + i * along;
      if (needsFilter(p, at, step, thresh2)) {
        filter2(p, at, step);
      }
    }
  }

  /** A macroblock edge: up to three pixels on each side change. */
  private static void edge26(
      byte[] p, int o, int step, int along, int size, int thresh, int ithresh, int hev) {
    normalEdge(p, o, step, along, size, thresh, ithresh, hev, true);
  }

  /** An inner (sub-block) edge: up to two pixels on each side change. */
  private static void edge24(
      byte[] p, int o, int step, int along, int size, int thresh, int ithresh, int hev) {
    normalEdge(p, o, step, along, size, thresh, ithresh, hev, false);
  }

  /**
   * The normal loop filter along one edge (libwebp's FilterLoop26 / FilterLoop24). {@code step}
   * crosses the edge, {@code along} moves along it.
   */
  private static void normalEdge(
      byte[] p, int o, int step, int along, int size, int thresh, int ithresh, int hev,
      boolean macroblockEdge) {
    int thresh2 = 2 * thresh + 1;
    for (int i = 0; i < size; i++) {
      int at = o + i * along;
      if (needsFilter2(p, at, step, thresh2, ithresh)) {
        if (highEdgeVariance(p, at, step, hev)) {
          filter2(p, at, step);
        } else if (macroblockEdge) {
          filter6(p, at, step);
        } else {
          filter4(p, at, step);
        }
      }
    }
  }

  private static int px(byte[] p, int i) {
    return p[i] & 0xff;
  }

  private static boolean needsFilter(byte[] p, int o, int step, int t) {
    int p1 = px(p, o - 2 * step);
    int p0 = px(p, o - step);
    int q0 = px(p, o);
    int q1 = px(p, o + step);
    return 4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) <= t;
  }

  private static boolean needsFilter2(byte[] p, int o, int step, int t, int it) {
    int p3 = px(p, o - 4 * step);
    int p2 = px(p, o - 3 * step);
    int p1 = px(p, o - 2 * step);
    int p0 = px(p, o - step);
    int q0 = px(p, o);
    int q1 = px(p, o + step);
    int q2 = px(p, o + 2 * step);
    int q3 = px(p, o + 3 * step);
    if (4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) > t) {
      return false;
    }
    return Math.abs(p3 - p2) <= it
        && Math.abs(p2 - p1) <= it
        && Math.abs(p1 - p0) <= it
        && Math.abs(q3 - q2) <= it
        && Math.abs(q2 - q1) <= it
        && Math.abs(q1 - q0) <= it;
  }

  private static boolean highEdgeVariance(byte[] p, int o, int step, int thresh) {
    int p1 = px(p, o - 2 * step);
    int p0 = px(p, o - step);
    int q0 = px(p, o);
    int q1 = px(p, o + step);
    return Math.abs(p1 - p0) > thresh || Math.abs(q1 - q0) > thresh;
  }

  /** Clamps to a signed byte, [-128, 127]. */
  private static int sclip1(int v) {
    return v < -128 ? -128 : Math.min(v, 127);
  }

  /** Clamps to [-16, 15]. */
  private static int sclip2(int v) {
    return v < -16 ? -16 : Math.min(v, 15);
  }

  private static void filter2(byte[] p, int o, int step) {
    int p1 = px(p, o - 2 * step);
    int p0 = px(p, o - step);
    int q0 = px(p, o);
    int q1 = px(p, o + step);
    int a = 3 * (q0 - p0) + sclip1(p1 - q1);
    int a1 = sclip2((a + 4) >> 3);
    int a2 = sclip2((a + 3) >> 3);
    p[o - step] = (byte) clip255(p0 + a2);
    p[o] = (byte) clip255(q0 - a1);
  }

  private static void filter4(byte[] p, int o, int step) {
    int p1 = px(p, o - 2 * step);
    int p0 = px(p, o - step);
    int q0 = px(p, o);
    int q1 = px(p, o + step);
    int a = 3 * (q0 - p0);
    int a1 = sclip2((a + 4) >> 3);
    int a2 = sclip2((a + 3) >> 3);
    int a3 = (a1 + 1) >> 1;
    p[o - 2 * step] = (byte) clip255(p1 + a3);
    p[o - step] = (byte) clip255(p0 + a2);
    p[o] = (byte) clip255(q0 - a1);
    p[o + step] = (byte) clip255(q1 - a3);
  }

  private static void filter6(byte[] p, int o, int step) {
    int p2 = px(p, o - 3 * step);
    int p1 = px(p, o - 2 * step);
    int p0 = px(p, o - step);
    int q0 = px(p, o);
    int q1 = px(p, o + step);
    int q2 = px(p, o + 2 * step);
    int a = sclip1(3 * (q0 - p0) + sclip1(p1 - q1));
    int a1 = (27 * a + 63) >> 7;
    int a2 = (18 * a + 63) >> 7;
    int a3 = (9 * a + 63) >> 7;
    p[o - 3 * step] = (byte) clip255(p2 + a3);
    p[o - 2 * step] = (byte) clip255(p1 + a2);
    p[o - step] = (byte) clip255(p0 + a1);
    p[o] = (byte) clip255(q0 - a1);
    p[o + step] = (byte) clip255(q1 - a2);
    p[o + 2 * step] = (byte) clip255(q2 - a3);
  }
}
