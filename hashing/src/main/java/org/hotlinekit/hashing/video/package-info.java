/**
 * Video hashing: vPDQ, a PDQ hash per decoded frame with its quality and timestamp, as Meta's
 * reference computes it ({@link org.hotlinekit.hashing.video.VideoHasher}, decoding through the
 * {@code ffmpeg} program), its text and signal forms ({@link
 * org.hotlinekit.hashing.video.VpdqHash}), and the comparison of two videos' frame hashes
 * ({@link org.hotlinekit.hashing.video.VpdqMatcher}).
 */
package org.hotlinekit.hashing.video;
