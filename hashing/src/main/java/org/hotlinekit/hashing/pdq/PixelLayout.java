package org.hotlinekit.hashing.pdq;

/**
 * The order of 8-bit samples within one pixel of a {@link Pixels} byte array, named in memory
 * order: {@code BGR} means the blue sample comes first. Alpha is never hashed (the reference
 * ignores it and hashes the colour stored under transparent pixels).
 */
public enum PixelLayout {
  /** One gray sample per pixel. */
  GRAY(1, 0, 0, 0),
  /** Gray then alpha. */
  GRAY_ALPHA(2, 0, 0, 0),
  /** Red, green, blue. */
  RGB(3, 0, 1, 2),
  /** Blue, green, red (e.g. {@code BufferedImage.TYPE_3BYTE_BGR}). */
  BGR(3, 2, 1, 0),
  /** Red, green, blue, alpha. */
  RGBA(4, 0, 1, 2),
  /** Blue, green, red, alpha. */
  BGRA(4, 2, 1, 0),
  /** Alpha, red, green, blue. */
  ARGB(4, 1, 2, 3),
  /** Alpha, blue, green, red (e.g. {@code BufferedImage.TYPE_4BYTE_ABGR}). */
  ABGR(4, 3, 2, 1);

  final int bytesPerPixel;
  final int red;
  final int green;
  final int blue;

  PixelLayout(int bytesPerPixel, int red, int green, int blue) {
    this.bytesPerPixel = bytesPerPixel;
    this.red = red;
    this.green = green;
    this.blue = blue;
  }

  /**
   * The number of bytes one pixel takes.
   *
   * @return 1 to 4
   */
  public int bytesPerPixel() {
    return bytesPerPixel;
  }

  /**
   * Where red is within a pixel (for gray layouts, the gray sample).
   *
   * @return a byte offset from the start of the pixel
   */
  public int redOffset() {
    return red;
  }

  /**
   * Where green is within a pixel (for gray layouts, the gray sample).
   *
   * @return a byte offset from the start of the pixel
   */
  public int greenOffset() {
    return green;
  }

  /**
   * Where blue is within a pixel (for gray layouts, the gray sample).
   *
   * @return a byte offset from the start of the pixel
   */
  public int blueOffset() {
    return blue;
  }

  /**
   * Whether the pixels are gray (one colour sample).
   *
   * @return true for {@link #GRAY} and {@link #GRAY_ALPHA}
   */
  public boolean isGray() {
    return this == GRAY || this == GRAY_ALPHA;
  }
}
