package org.hotlinekit.hashing.video;

import org.hotlinekit.core.HotlinekitException;

/**
 * The {@code ffmpeg} or {@code ffprobe} program that video hashing runs could not be started:
 * not installed, not on the {@code PATH}, or not executable. Install FFmpeg (Debian and Ubuntu:
 * {@code apt install ffmpeg}) or name the programs with {@link VideoHasher.Builder#ffmpeg} and
 * {@link VideoHasher.Builder#ffprobe}. No video can be hashed until then; nothing about the video
 * itself is known.
 */
public class VideoToolMissingException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param message what could not be started, and how to fix it
   * @param cause the failure to start it
   */
  public VideoToolMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}
