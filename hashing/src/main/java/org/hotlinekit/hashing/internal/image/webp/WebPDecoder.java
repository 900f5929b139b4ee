package org.hotlinekit.hashing.internal.image.webp;

import java.util.Optional;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.hashing.pdq.PixelLayout;
import org.hotlinekit.hashing.pdq.Pixels;

/**
 * Decodes lossy WebP (a {@code VP8 } chunk, simple or extended format) to the RGB that libwebp's
 * {@code WebPDecode} produces with default options: VP8 decoding, then "fancy" upsampling of the
 * chroma planes and libwebp's fixed-point YUV to RGB conversion. Alpha is not decoded (PDQ ignores
 * it). Lossless ({@code VP8L}) and animated files are left to the caller's other decoder: lossless
 * decoding has one correct answer, so any correct decoder gives libwebp's pixels.
 */
public final class WebPDecoder {
  private WebPDecoder() {}

  /**
   * Decodes a lossy WebP file.
   *
   * @param data the whole file
   * @param maxPixels the largest width x height accepted
   * @return the RGB pixels, or empty if the file is lossless or animated (not handled here)
   * @throws MalformedInputException if the container or the VP8 data is corrupt
   * @throws LimitExceededException if the image has more pixels than allowed
   */
  public static Optional<Pixels> decodeLossy(byte[] data, long maxPixels) {
    if (data.length < 12) {
      throw new MalformedInputException("corrupt WebP: the file is too short");
    }
    int riffEnd = (int) Math.min(data.length, 8L + le32(data, 4));
    int pos = 12;
    while (pos + 8 <= riffEnd) {
      String fourcc = new String(data, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
      long size = le32(data, pos + 4);
      int payload = pos + 8;
      if (size > riffEnd - payload) {
        throw new MalformedInputException("corrupt WebP: chunk " + fourcc.strip() + " is truncated");
      }
      switch (fourcc) {
        case "VP8 ":
          return Optional.of(decodeVp8(data, payload, (int) size, maxPixels));
        case "VP8L":
        case "ANIM":
        case "ANMF":
          return Optional.empty();
        default:
          break; // VP8X, ICCP, ALPH, EXIF, XMP: not needed for the pixels
      }
      pos = payload + (int) size + (int) (size & 1);
    }
    throw new MalformedInputException("corrupt WebP: no image data chunk");
  }

  private static int[] findVp8Chunk(byte[] data) {
    int pos = 12;
    while (pos + 8 <= data.length) {
      long size = le32(data, pos + 4);
      if (data[pos] == 'V' && data[pos + 1] == 'P' && data[pos + 2] == '8' && data[pos + 3] == ' ') {
        return new int[] {pos + 8, (int) size};
      }
      pos += 8 + (int) size + (int) (size & 1);
    }
    throw new MalformedInputException("no VP8 chunk");
  }

  private static long le32(byte[] d, int o) {
    return (d[o] & 0xffL) | (d[o + 1] & 0xffL) << 8 | (d[o + 2] & 0xffL) << 16
        | (d[o + 3] & 0xffL) << 24;
  }

  private static Pixels decodeVp8(byte[] data, int start, int length, long maxPixels) {
    int[] dims = Vp8Decoder.dimensions(data, start, length);
    long pixels = (long) dims[0] * dims[1];
    if (pixels > maxPixels) {
      throw new LimitExceededException(
          "WebP image is " + dims[0] + "x" + dims[1] + " = " + pixels
              + " pixels, over the limit of " + maxPixels, "maxPixels");
    }
    Vp8Decoder.Planes planes = new Vp8Decoder(data, start, length).decode();
    return Pixels.of(FancyUpsampler.toRgb(planes), planes.width, planes.height, PixelLayout.RGB);
  }

  /** The decoded RGB samples of a lossy WebP file, for tests. */
  static byte[] decodeLossyRgb(byte[] data) {
    int[] chunk = findVp8Chunk(data);
    return FancyUpsampler.toRgb(new Vp8Decoder(data, chunk[0], chunk[1]).decode());
  }
}
