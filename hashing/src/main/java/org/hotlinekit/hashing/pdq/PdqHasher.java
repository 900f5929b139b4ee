package org.hotlinekit.hashing.pdq;

import java.nio.file.Path;
import java.util.Objects;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.internal.image.ImageDecoder;
import org.hotlinekit.hashing.internal.pdq.PdqCore;

/**
 * Computes PDQ hashes bit-exact with Meta's C++ reference tool {@code pdq-photo-hasher}.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * PdqHasher hasher = PdqHasher.create();
 * PdqHashWithQuality h = hasher.hashImage(Path.of("photo.jpg"));
 * if (h.isRecommendedForMatching()) {
 *   System.out.println(h.hash() + " quality " + h.quality());
 * }
 * }</pre>
 *
 * <p>What is hashed, as in the reference: the stored 8-bit samples (alpha and EXIF orientation
 * ignored, no colour management); an image larger than 512 pixels on either side is first squashed
 * to exactly 512x512 by nearest neighbour (the aspect ratio is not kept); luma is {@code 0.299 R +
 * 0.587 G + 0.114 B} in float, or the gray value where every pixel is gray; an image with a side
 * below 5 pixels hashes to all zeros with quality 0.
 *
 * <p>One quirk of the reference is kept on purpose: for an image of exactly 64x64 pixels, {@link
 * #hash} skips the blur (as {@code pdq-photo-hasher} does) while {@link #hashDihedral} does not (as
 * {@code pdq-photo-hasher --pdqdih} does), so the two can differ for that size only.
 *
 * <p>Image files: JPEG, PNG (8 bits per sample or fewer), GIF (first frame), BMP and WebP. The
 * pixel count is checked from the header against {@link Builder#maxPixels(long)} before decoding.
 */
public final class PdqHasher {
  /** The default pixel cap: 100 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  private static final PdqHasher DEFAULT = new PdqHasher(DEFAULT_MAX_PIXELS);

  private final long maxPixels;

  private PdqHasher(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  /**
   * A hasher with default settings.
   *
   * @return the hasher
   */
  public static PdqHasher create() {
    return DEFAULT;
  }

  /**
   * Starts configuring a hasher.
   *
   * @return a builder with the default settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The pixel cap for image files.
   *
   * @return the largest width x height decoded
   */
  public long maxPixels() {
    return maxPixels;
  }

  /**
   * Hashes decoded pixels.
   *
   * @param pixels the image
   * @return the hash and quality
   */
  public PdqHashWithQuality hash(Pixels pixels) {
    Luma luma = Luma.of(Objects.requireNonNull(pixels, "pixels"));
    return PdqCore.hash(luma, luma.rows, luma.cols);
  }

  /**
   * Hashes a decoded video frame as Meta's vPDQ reference does: at its full size, without the
   * 512 x 512 squash that {@link #hash(Pixels)} applies to larger still images (as Meta's
   * still-image reference does). The two differ for frames larger than 512 on a side.
   *
   * @param frame the frame
   * @return the hash and quality
   */
  public PdqHashWithQuality hashFrame(Pixels frame) {
    Luma luma = Luma.of(Objects.requireNonNull(frame, "frame"), false);
    return PdqCore.hash(luma, luma.rows, luma.cols);
  }

  /**
   * Hashes decoded pixels and derives the hashes of all eight rotations and mirror images.
   *
   * @param pixels the image
   * @return the eight hashes and the quality
   */
  public DihedralPdqHashes hashDihedral(Pixels pixels) {
    Luma luma = Luma.of(Objects.requireNonNull(pixels, "pixels"));
    return PdqCore.hashDihedral(luma, luma.rows, luma.cols);
  }

  /**
   * Decodes and hashes an image file.
   *
   * @param file a JPEG, PNG, GIF, BMP, WebP or TIFF file
   * @return the hash and quality
   * @throws InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is not a supported format or bit depth
   * @throws LimitExceededException if it has more pixels than {@link #maxPixels()}
   * @throws MalformedInputException if it is corrupt or truncated
   */
  public PdqHashWithQuality hashImage(Path file) {
    return hash(ImageDecoder.decode(Objects.requireNonNull(file, "file"), maxPixels));
  }

  /**
   * Decodes and hashes an encoded image held in memory.
   *
   * @param encoded the bytes of a JPEG, PNG, GIF, BMP, WebP or TIFF file
   * @return the hash and quality
   * @throws UnsupportedInputException if it is not a supported format or bit depth
   * @throws LimitExceededException if it has more pixels than {@link #maxPixels()}
   * @throws MalformedInputException if it is corrupt or truncated
   */
  public PdqHashWithQuality hashImage(byte[] encoded) {
    return hash(ImageDecoder.decode(Objects.requireNonNull(encoded, "encoded"), maxPixels));
  }

  /**
   * Decodes an image file and hashes all eight of its rotations and mirror images.
   *
   * @param file a JPEG, PNG, GIF, BMP, WebP or TIFF file
   * @return the eight hashes and the quality
   * @throws InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is not a supported format or bit depth
   * @throws LimitExceededException if it has more pixels than {@link #maxPixels()}
   * @throws MalformedInputException if it is corrupt or truncated
   */
  public DihedralPdqHashes hashImageDihedral(Path file) {
    return hashDihedral(ImageDecoder.decode(Objects.requireNonNull(file, "file"), maxPixels));
  }

  /**
   * Decodes an encoded image held in memory and hashes all eight of its rotations and mirror
   * images.
   *
   * @param encoded the bytes of a JPEG, PNG, GIF, BMP, WebP or TIFF file
   * @return the eight hashes and the quality
   * @throws UnsupportedInputException if it is not a supported format or bit depth
   * @throws LimitExceededException if it has more pixels than {@link #maxPixels()}
   * @throws MalformedInputException if it is corrupt or truncated
   */
  public DihedralPdqHashes hashImageDihedral(byte[] encoded) {
    return hashDihedral(
        ImageDecoder.decode(Objects.requireNonNull(encoded, "encoded"), maxPixels));
  }

  /** Configures a {@link PdqHasher}. */
  public static final class Builder {
    private long maxPixels = DEFAULT_MAX_PIXELS;

    private Builder() {}

    /**
     * Sets the pixel cap for image files, checked from the header before decoding.
     *
     * @param maxPixels the largest width x height to decode, at least 1 (default 100 million)
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxPixels(long maxPixels) {
      if (maxPixels < 1) {
        throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
      }
      this.maxPixels = maxPixels;
      return this;
    }

    /**
     * Creates the hasher.
     *
     * @return the hasher
     */
    public PdqHasher build() {
      return new PdqHasher(maxPixels);
    }
  }
}
