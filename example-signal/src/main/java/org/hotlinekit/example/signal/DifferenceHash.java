package org.hotlinekit.example.signal;

import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.pdq.Pixels;
import org.hotlinekit.hashing.spi.SignalHasher;

/**
 * A 64-bit difference hash: the image shrunk to 9 x 8 luma cells (box averages), one bit per pair
 * of horizontal neighbours, set when the left cell is brighter. Open and simple, it shows the
 * plug-in contract; it is much weaker than PDQ and is not meant for real matching.
 *
 * <p>To be found, a plug-in is named in {@code META-INF/services/
 * org.hotlinekit.hashing.spi.SignalHasher} (class path) and in its {@code module-info.java} with
 * {@code provides ... with ...} (module path); it has a public no-argument constructor.
 */
public final class DifferenceHash implements SignalHasher {
  /** The type: 8 bytes, Hamming distance, matched within 10 bits. */
  public static final HashType TYPE = HashType.plugin("dhash64", 8, HashType.Comparison.HAMMING,
      10);

  /** Creates the plug-in (for the service loader). */
  public DifferenceHash() {}

  @Override
  public HashType type() {
    return TYPE;
  }

  @Override
  public HashValue hash(Pixels pixels) {
    int w = pixels.width();
    int h = pixels.height();
    double[][] cells = new double[8][9];
    for (int cy = 0; cy < 8; cy++) {
      int y0 = cy * h / 8;
      int y1 = Math.max(y0 + 1, (cy + 1) * h / 8);
      for (int cx = 0; cx < 9; cx++) {
        int x0 = cx * w / 9;
        int x1 = Math.max(x0 + 1, (cx + 1) * w / 9);
        double sum = 0;
        int n = 0;
        for (int y = y0; y < Math.min(y1, h); y++) {
          for (int x = x0; x < Math.min(x1, w); x++) {
            int rgb = pixels.rgb(x, y);
            sum += 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
            n++;
          }
        }
        cells[cy][cx] = n == 0 ? 0 : sum / n;
      }
    }
    byte[] bits = new byte[8];
    for (int cy = 0; cy < 8; cy++) {
      int b = 0;
      for (int cx = 0; cx < 8; cx++) {
        if (cells[cy][cx] > cells[cy][cx + 1]) {
          b |= 1 << (7 - cx);
        }
      }
      bits[cy] = (byte) b;
    }
    return HashValue.of(TYPE, bits);
  }
}
