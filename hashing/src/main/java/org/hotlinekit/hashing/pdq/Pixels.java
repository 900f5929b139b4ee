package org.hotlinekit.hashing.pdq;

import java.util.Objects;

/**
 * A view of decoded 8-bit image samples for {@link PdqHasher}: a byte array in a {@link
 * PixelLayout}, or packed {@code 0xAARRGGBB} ints. No copy is made: the caller must not change the
 * array while a hash is being computed.
 *
 * <pre>{@code
 * Pixels pixels = Pixels.of(rgbBytes, width, height, PixelLayout.RGB);
 * }</pre>
 */
public final class Pixels {
  final int width;
  final int height;
  // Exactly one of bytes / ints is non-null.
  final byte[] bytes;
  final int[] ints;
  final int offset;
  final int rowStride;
  final PixelLayout layout;

  private Pixels(
      int width, int height, byte[] bytes, int[] ints, int offset, int rowStride, PixelLayout layout) {
    this.width = width;
    this.height = height;
    this.bytes = bytes;
    this.ints = ints;
    this.offset = offset;
    this.rowStride = rowStride;
    this.layout = layout;
  }

  /**
   * Tightly packed rows of samples.
   *
   * @param samples {@code width * height * layout.bytesPerPixel()} bytes, row after row
   * @param width the width in pixels, at least 1
   * @param height the height in pixels, at least 1
   * @param layout the order of samples in a pixel
   * @return the view
   * @throws IllegalArgumentException if a dimension is not positive or the array is too short
   */
  public static Pixels of(byte[] samples, int width, int height, PixelLayout layout) {
    Objects.requireNonNull(layout, "layout");
    return of(samples, 0, width * layout.bytesPerPixel, width, height, layout);
  }

  /**
   * Rows of samples with padding between them, starting at an offset.
   *
   * @param samples the array
   * @param offset the index of the first sample of the first row
   * @param rowStride the distance in bytes from one row to the next, at least {@code width *
   *     layout.bytesPerPixel()}
   * @param width the width in pixels, at least 1
   * @param height the height in pixels, at least 1
   * @param layout the order of samples in a pixel
   * @return the view
   * @throws IllegalArgumentException if a dimension is not positive or the array is too short
   */
  public static Pixels of(
      byte[] samples, int offset, int rowStride, int width, int height, PixelLayout layout) {
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(layout, "layout");
    checkDimensions(width, height);
    long rowBytes = (long) width * layout.bytesPerPixel;
    if (offset < 0 || rowStride < rowBytes) {
      throw new IllegalArgumentException(
          "offset must be >= 0 and rowStride >= width * bytesPerPixel (" + rowBytes + ")");
    }
    long needed = offset + (long) (height - 1) * rowStride + rowBytes;
    if (needed > samples.length) {
      throw new IllegalArgumentException(
          "the array has " + samples.length + " bytes, " + needed + " are needed");
    }
    return new Pixels(width, height, samples, null, offset, rowStride, layout);
  }

  /**
   * Packed pixels as {@code BufferedImage.TYPE_INT_RGB} and {@code TYPE_INT_ARGB} store them:
   * {@code 0xAARRGGBB}, alpha ignored, tightly packed rows.
   *
   * @param argb {@code width * height} ints
   * @param width the width in pixels, at least 1
   * @param height the height in pixels, at least 1
   * @return the view
   * @throws IllegalArgumentException if a dimension is not positive or the array is too short
   */
  public static Pixels ofPackedRgb(int[] argb, int width, int height) {
    Objects.requireNonNull(argb, "argb");
    checkDimensions(width, height);
    if ((long) width * height > argb.length) {
      throw new IllegalArgumentException(
          "the array has " + argb.length + " ints, " + (long) width * height + " are needed");
    }
    return new Pixels(width, height, null, argb, 0, width, null);
  }

  private static void checkDimensions(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "width and height must be at least 1, got " + width + "x" + height);
    }
  }

  /**
   * One pixel's colour, for plug-in signals that read the decoded image ({@link
   * org.hotlinekit.hashing.spi.SignalHasher}); alpha is ignored, a gray pixel has equal channels.
   *
   * @param x the column, 0 to width - 1
   * @param y the row, 0 to height - 1
   * @return {@code 0xRRGGBB}
   * @throws IndexOutOfBoundsException outside the image
   */
  public int rgb(int x, int y) {
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    if (ints != null) {
      return ints[y * rowStride + x] & 0xffffff;
    }
    int o = offset + y * rowStride + x * layout.bytesPerPixel();
    if (layout.isGray()) {
      int g = bytes[o] & 0xff;
      return g << 16 | g << 8 | g;
    }
    return (bytes[o + layout.redOffset()] & 0xff) << 16
        | (bytes[o + layout.greenOffset()] & 0xff) << 8 | (bytes[o + layout.blueOffset()] & 0xff);
  }

  /**
   * The width.
   *
   * @return the width in pixels
   */
  public int width() {
    return width;
  }

  /**
   * The height.
   *
   * @return the height in pixels
   */
  public int height() {
    return height;
  }

  @Override
  public String toString() {
    return "Pixels[" + width + "x" + height + ", " + (ints != null ? "packed RGB" : layout) + "]";
  }
}
