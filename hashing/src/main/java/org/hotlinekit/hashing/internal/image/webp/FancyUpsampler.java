package org.hotlinekit.hashing.internal.image.webp;

/**
 * libwebp's default conversion of 4:2:0 YUV to RGB: "fancy" upsampling, which interpolates each
 * chroma sample of a 2x2 block from its four nearest chroma samples with weights 9, 3, 3, 1 (the
 * first and last rows and columns mirror the edge), then the 14-bit fixed-point BT.601 conversion
 * of {@code VP8YUVToR/G/B}.
 */
final class FancyUpsampler {
  private FancyUpsampler() {}

  static byte[] toRgb(Vp8Decoder.Planes p) {
    int w = p.width;
    int h = p.height;
    byte[] out = new byte[w * h * 3];
    // The first row: chroma row 0 with itself as the row above.
    upsamplePair(p, 0, -1, 0, 0, out, w);
    // Pairs of rows (2k-1, 2k): chroma rows k-1 (above) and k.
    for (int y = 1; y + 1 < h; y += 2) {
      int topUv = (y - 1) >> 1;
      upsamplePair(p, y, y + 1, topUv, topUv + 1, out, w);
    }
    // An even height leaves the last row, with its chroma row as its own neighbour.
    if ((h & 1) == 0) {
      int lastUv = (h - 1) >> 1;
      upsamplePair(p, h - 1, -1, lastUv, lastUv, out, w);
    }
    return out;
  }

  /**
   * Converts output row {@code topY} (nearer chroma row {@code topUv}) and, if {@code bottomY >=
   * 0}, row {@code bottomY} (nearer chroma row {@code curUv}), as libwebp's UpsampleRgbLinePair.
   */
  private static void upsamplePair(
      Vp8Decoder.Planes p, int topY, int bottomY, int topUv, int curUv, byte[] out, int w) {
    int ts = topUv * p.uvStride;
    int cs = curUv * p.uvStride;
    byte[] u = p.u;
    byte[] v = p.v;
    int lastPair = (w - 1) >> 1;
    int tlU = u[ts] & 0xff;
    int tlV = v[ts] & 0xff;
    int lU = u[cs] & 0xff;
    int lV = v[cs] & 0xff;
    put(p, topY, 0, (3 * tlU + lU + 2) >> 2, (3 * tlV + lV + 2) >> 2, out, w);
    if (bottomY >= 0) {
      put(p, bottomY, 0, (3 * lU + tlU + 2) >> 2, (3 * lV + tlV + 2) >> 2, out, w);
    }
    for (int x = 1; x <= lastPair; x++) {
      int tU = u[ts + x] & 0xff;
      int tV = v[ts + x] & 0xff;
      int cU = u[cs + x] & 0xff;
      int cV = v[cs + x] & 0xff;
      int avgU = tlU + tU + lU + cU + 8;
      int avgV = tlV + tV + lV + cV + 8;
      int diag12U = (avgU + 2 * (tU + lU)) >> 3;
      int diag12V = (avgV + 2 * (tV + lV)) >> 3;
      int diag03U = (avgU + 2 * (tlU + cU)) >> 3;
      int diag03V = (avgV + 2 * (tlV + cV)) >> 3;
      put(p, topY, 2 * x - 1, (diag12U + tlU) >> 1, (diag12V + tlV) >> 1, out, w);
      put(p, topY, 2 * x, (diag03U + tU) >> 1, (diag03V + tV) >> 1, out, w);
      if (bottomY >= 0) {
        put(p, bottomY, 2 * x - 1, (diag03U + lU) >> 1, (diag03V + lV) >> 1, out, w);
        put(p, bottomY, 2 * x, (diag12U + cU) >> 1, (diag12V + cV) >> 1, out, w);
      }
      tlU = tU;
      tlV = tV;
      lU = cU;
      lV = cV;
    }
    if ((w & 1) == 0) {
      put(p, topY, w - 1, (3 * tlU + lU + 2) >> 2, (3 * tlV + lV + 2) >> 2, out, w);
      if (bottomY >= 0) {
        put(p, bottomY, w - 1, (3 * lU + tlU + 2) >> 2, (3 * lV + tlV + 2) >> 2, out, w);
      }
    }
  }

  private static void put(Vp8Decoder.Planes p, int y, int x, int u, int v, byte[] out, int w) {
    int yy = p.y[y * p.yStride + x] & 0xff;
    int o = (y * w + x) * 3;
    out[o] = (byte) clip8(multHi(yy, 19077) + multHi(v, 26149) - 14234);
    out[o + 1] = (byte) clip8(multHi(yy, 19077) - multHi(u, 6419) - multHi(v, 13320) + 8708);
    out[o + 2] = (byte) clip8(multHi(yy, 19077) + multHi(u, 33050) - 17685);
  }

  private static int multHi(int v, int coeff) {
    return (v * coeff) >> 8;
  }

  /** libwebp's VP8Clip8: the value has 6 fractional bits. */
  private static int clip8(int v) {
    return (v & ~16383) == 0 ? v >> 6 : v < 0 ? 0 : 255;
  }
}
