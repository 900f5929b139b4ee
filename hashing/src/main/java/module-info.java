/**
 * hotlinekit hashing: one-pass MD5/SHA-1/SHA-256 ({@link org.hotlinekit.hashing.digest}), PDQ
 * perceptual hashing bit-exact with Meta's C++ reference ({@link org.hotlinekit.hashing.pdq}), and
 * both for one media file in one read ({@link org.hotlinekit.hashing.media}), and vPDQ for videos
 * ({@link org.hotlinekit.hashing.video}).
 */
module org.hotlinekit.hashing {
  requires transitive org.hotlinekit.core;
  requires java.desktop;
  requires org.slf4j;
  requires tools.jackson.databind;
  // The WebP decoder is an ImageIO plugin found through the service registry, never called directly.
  requires com.twelvemonkeys.imageio.webp;

  exports org.hotlinekit.hashing.digest;
  exports org.hotlinekit.hashing.pdq;
  exports org.hotlinekit.hashing.media;
  exports org.hotlinekit.hashing.index;
  exports org.hotlinekit.hashing.list;
  exports org.hotlinekit.hashing.match;
  exports org.hotlinekit.hashing.batch;
  exports org.hotlinekit.hashing.spi;
  exports org.hotlinekit.hashing.group;
  exports org.hotlinekit.hashing.video;

  uses org.hotlinekit.hashing.spi.SignalHasher;
}
