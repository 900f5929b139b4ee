package org.hotlinekit.hashing.video;

import java.util.Locale;
import java.util.Objects;
import org.hotlinekit.core.pdq.PdqHash;

/**
 * One hashed frame of a video.
 *
 * @param frame the frame's number, counted from 0 over the decoded frames (in a hash read from a
 *     signal, which carries no frame numbers, the position in the signal)
 * @param hash the frame's PDQ hash
 * @param quality the PDQ quality, 0 to 100
 * @param timestamp seconds from the start: the frame number over the average frame rate
 */
public record VpdqFeature(int frame, PdqHash hash, int quality, double timestamp) {
  /**
   * Validates.
   *
   * @param frame the frame number
   * @param hash the hash
   * @param quality the quality
   * @param timestamp the timestamp
   */
  public VpdqFeature {
    Objects.requireNonNull(hash, "hash");
    if (frame < 0) {
      throw new IllegalArgumentException("frame must not be negative: " + frame);
    }
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("quality must be 0..100: " + quality);
    }
    if (!(timestamp >= 0) || Double.isInfinite(timestamp)) {
      throw new IllegalArgumentException("timestamp must be a finite number >= 0: " + timestamp);
    }
  }

  /**
   * The line of the reference tool's output for this frame.
   *
   * @return {@code <frame>,<quality>,<64 hex digits>,<timestamp with 3 decimals>}
   */
  public String toReferenceLine() {
    return frame + "," + quality + "," + hash + "," + String.format(Locale.ROOT, "%.3f", timestamp);
  }
}
