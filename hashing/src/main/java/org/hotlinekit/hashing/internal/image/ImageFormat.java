package org.hotlinekit.hashing.internal.image;

import java.util.Optional;

/** The image formats hotlinekit decodes for PDQ, recognised by their first bytes. */
public enum ImageFormat {
  JPEG("JPEG", "jpeg"),
  PNG("PNG", "png"),
  GIF("GIF", "gif"),
  BMP("BMP", "bmp"),
  WEBP("WebP", "webp"),
  TIFF("TIFF", "tiff");

  /** How many leading bytes {@link #sniff} needs to recognise every format. */
  public static final int SNIFF_BYTES = 12;

  private final String displayName;
  private final String imageIoName;

  ImageFormat(String displayName, String imageIoName) {
    this.displayName = displayName;
    this.imageIoName = imageIoName;
  }

  public String displayName() {
    return displayName;
  }

  String imageIoName() {
    return imageIoName;
  }

  /**
   * Recognises a format from the first bytes of a file.
   *
   * @param head the first bytes (up to {@link #SNIFF_BYTES} are looked at)
   * @param length how many of them are valid
   * @return the format, or empty if none matches
   */
  public static Optional<ImageFormat> sniff(byte[] head, int length) {
    if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, length, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (startsWith(head, length, 'B', 'M')) {
      return Optional.of(BMP);
    }
    if (startsWith(head, length, 'R', 'I', 'F', 'F')
        && length >= 12
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    // Classic TIFF, little- or big-endian (BigTIFF, magic 43, is not read by the JDK).
    if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)) {
      return Optional.of(TIFF);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
