package org.hotlinekit.hashing.media;

import org.hotlinekit.hashing.video.VpdqHash;

import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.core.digest.DigestSet;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHashWithQuality;

/**
 * What {@link MediaHasher} computed for one file. Immutable.
 */
public final class MediaHashes {
  private final long size;
  private final DigestSet digests;
  private final PdqHashWithQuality pdq;
  private final DihedralPdqHashes dihedral;
  private final PdqNotComputed pdqNotComputed;
  private final java.util.List<org.hotlinekit.core.hash.HashValue> signals;
  private final int width;
  private final int height;
  private final VpdqHash vpdq;

  MediaHashes(long size, DigestSet digests, PdqHashWithQuality pdq, DihedralPdqHashes dihedral) {
    this(size, digests, pdq, dihedral, null, java.util.List.of());
  }

  MediaHashes(long size, DigestSet digests, PdqHashWithQuality pdq, DihedralPdqHashes dihedral,
      PdqNotComputed pdqNotComputed) {
    this(size, digests, pdq, dihedral, pdqNotComputed, java.util.List.of());
  }

  MediaHashes(long size, DigestSet digests, PdqHashWithQuality pdq, DihedralPdqHashes dihedral,
      PdqNotComputed pdqNotComputed, java.util.List<org.hotlinekit.core.hash.HashValue> signals) {
    this(size, digests, pdq, dihedral, pdqNotComputed, signals, 0, 0);
  }

  MediaHashes(long size, DigestSet digests, PdqHashWithQuality pdq, DihedralPdqHashes dihedral,
      PdqNotComputed pdqNotComputed, java.util.List<org.hotlinekit.core.hash.HashValue> signals,
      int width, int height) {
    this(size, digests, pdq, dihedral, pdqNotComputed, signals, width, height, null);
  }

  MediaHashes(long size, DigestSet digests, PdqHashWithQuality pdq, DihedralPdqHashes dihedral,
      PdqNotComputed pdqNotComputed, java.util.List<org.hotlinekit.core.hash.HashValue> signals,
      int width, int height, VpdqHash vpdq) {
    this.vpdq = vpdq;
    this.width = width;
    this.height = height;
    this.size = size;
    this.digests = Objects.requireNonNull(digests, "digests");
    this.pdq = pdq;
    this.dihedral = dihedral;
    this.pdqNotComputed = pdqNotComputed;
    this.signals = java.util.List.copyOf(signals);
  }

  /**
   * The values of plug-in signals ({@link org.hotlinekit.hashing.spi.SignalHasher}), in the order
   * the hasher's plug-ins were given.
   *
   * @return the values, empty without plug-ins or when the image was not decoded
   */
  public java.util.List<org.hotlinekit.core.hash.HashValue> signals() {
    return signals;
  }

  /**
   * Hashes of content that is no single image (a container such as an archive): its digests,
   * and no PDQ, since none applies.
   *
   * @param size its size in bytes
   * @param digests its digests
   * @return the hashes
   */
  public static MediaHashes ofDigests(long size, DigestSet digests) {
    return new MediaHashes(size, digests, null, null);
  }

  /**
   * The decoded image's width, when the file was decoded for PDQ.
   *
   * @return the width in pixels, or empty
   */
  public java.util.OptionalInt width() {
    return width > 0 ? java.util.OptionalInt.of(width) : java.util.OptionalInt.empty();
  }

  /**
   * The decoded image's height, when the file was decoded for PDQ.
   *
   * @return the height in pixels, or empty
   */
  public java.util.OptionalInt height() {
    return height > 0 ? java.util.OptionalInt.of(height) : java.util.OptionalInt.empty();
  }

  /**
   * Why PDQ was requested but not computed ({@link MediaHasher#hashBestEffort(java.nio.file.Path)}
   * only): the file is not an image it can decode, is corrupt or truncated, or is over a limit. A
   * match decision that needs PDQ cannot rest on these hashes alone.
   *
   * @return the reason, or empty if PDQ was computed or not requested
   */
  public Optional<PdqNotComputed> pdqNotComputed() {
    return Optional.ofNullable(pdqNotComputed);
  }

  /**
   * The number of bytes read.
   *
   * @return the file size
   */
  public long size() {
    return size;
  }

  /**
   * The digests requested.
   *
   * @return the digests, empty if none were requested
   */
  public DigestSet digests() {
    return digests;
  }

  /**
   * The PDQ hash.
   *
   * @return the hash and quality, present when PDQ was requested
   */
  public Optional<PdqHashWithQuality> pdq() {
    return Optional.ofNullable(pdq);
  }

  /**
   * A video's vPDQ hash (a PDQ hash per hashed frame).
   *
   * @return the hash, present when the file is a video and its hasher was given a {@link
   *     org.hotlinekit.hashing.video.VideoHasher}
   */
  public Optional<VpdqHash> vpdq() {
    return Optional.ofNullable(vpdq);
  }

  /**
   * A video's digests and vPDQ hash.
   *
   * @param size the file's size in bytes
   * @param digests its digests
   * @param vpdq its vPDQ hash
   * @return the hashes (no PDQ: a video has none, and none is missing)
   */
  public static MediaHashes ofVideo(long size, DigestSet digests, VpdqHash vpdq) {
    return new MediaHashes(size, digests, null, null, null, java.util.List.of(), 0, 0,
        Objects.requireNonNull(vpdq, "vpdq"));
  }

  /**
   * The eight dihedral PDQ hashes.
   *
   * @return the hashes, present when they were requested
   */
  public Optional<DihedralPdqHashes> dihedral() {
    return Optional.ofNullable(dihedral);
  }

  /**
   * Every hash computed, in the one vocabulary of lists, matches and report fingerprints: the
   * digests (MD5, SHA-1, SHA-256 order), then PDQ, then the plug-in signals, then vPDQ.
   *
   * @return the values
   */
  public java.util.List<org.hotlinekit.core.hash.HashValue> values() {
    java.util.List<org.hotlinekit.core.hash.HashValue> out = new java.util.ArrayList<>();
    for (org.hotlinekit.core.digest.DigestAlgorithm a
        : org.hotlinekit.core.digest.DigestAlgorithm.values()) {
      digests.get(a).ifPresent(d -> out.add(org.hotlinekit.core.hash.HashValue.of(d)));
    }
    if (pdq != null) {
      out.add(org.hotlinekit.core.hash.HashValue.of(pdq.hash()));
    }
    out.addAll(signals);
    if (vpdq != null) {
      out.add(vpdq.toValue());
    }
    return java.util.List.copyOf(out);
  }

  @Override
  public String toString() {
    return "MediaHashes[size=" + size + ", digests=" + digests.algorithms() + ", pdq="
        + (pdq != null) + ", dihedral=" + (dihedral != null)
        + (pdqNotComputed != null ? ", pdqNotComputed" : "")
        + (vpdq != null ? ", vpdq=" + vpdq.features().size() + " frames" : "") + "]";
  }
}
