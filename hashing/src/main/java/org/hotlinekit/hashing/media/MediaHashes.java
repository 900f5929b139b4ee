package org.hotlinekit.hashing.media;

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

  MediaHashes(long size, DigestSet digests, PdqHashWithQuality pdq, DihedralPdqHashes dihedral) {
    this.size = size;
    this.digests = Objects.requireNonNull(digests, "digests");
    this.pdq = pdq;
    this.dihedral = dihedral;
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
   * The eight dihedral PDQ hashes.
   *
   * @return the hashes, present when they were requested
   */
  public Optional<DihedralPdqHashes> dihedral() {
    return Optional.ofNullable(dihedral);
  }

  @Override
  public String toString() {
    return "MediaHashes[size=" + size + ", digests=" + digests.algorithms() + ", pdq="
        + (pdq != null) + ", dihedral=" + (dihedral != null) + "]";
  }
}
