package org.hotlinekit.hashing.video;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotlinekit.core.pdq.PdqHash;

/**
 * Compares two videos by their vPDQ hashes as Meta's references do: the share of the query's
 * frames that have a close frame in the target, and the share of the target's frames that have
 * a close frame in the query. The references differ, so every rule is explicit:
 *
 * <ul>
 *   <li>frame distance: python-threatexchange matches at distance {@code <= 31} (the default
 *       here), the C++ {@code match-hashes-brute} at {@code < 31} ({@link
 *       Builder#strictlyBelow(int)});
 *   <li>quality: frames below 50 are left out on both sides (both references);
 *   <li>de-duplication: frames with the same hash as an earlier frame of the same video are left
 *       out (python-threatexchange, the default here); the C++ tool counts every frame ({@link
 *       Builder#deduplicate(boolean)}).
 * </ul>
 *
 * <p>Percentages are of the frames left after the quality filter and de-duplication; a video
 * with none left has no frame that can match, so a comparison with it is {@link
 * Result#comparable() not comparable} rather than "no match". Two thresholds decide a match:
 * {@link Builder#queryMatchPercent} (default 80, python-threatexchange's) and {@link
 * Builder#targetMatchPercent} (default 0).
 */
public final class VpdqMatcher {
  private final int maxDistance;
  private final int minQuality;
  private final boolean dedupe;
  private final double queryPercent;
  private final double targetPercent;

  private VpdqMatcher(Builder b) {
    this.maxDistance = b.maxDistance;
    this.minQuality = b.minQuality;
    this.dedupe = b.dedupe;
    this.queryPercent = b.queryPercent;
    this.targetPercent = b.targetPercent;
  }

  /** The largest frame distance that matches. */
  int maxDistance() {
    return maxDistance;
  }

  /**
   * The lowest frame quality that counts.
   *
   * @return 0..100
   */
  public int minQuality() {
    return minQuality;
  }

  /**
   * Whether a video that shares no close frame with the query could match: both thresholds 0.
   *
   * @return true if every video matches
   */
  public boolean matchesWithoutSharedFrames() {
    return queryPercent == 0 && targetPercent == 0;
  }

  /**
   * python-threatexchange's rules: distance {@code <= 31}, quality {@code >= 50}, de-duplicated,
   * a match at 80 % of the query's frames.
   *
   * @return the matcher
   */
  public static VpdqMatcher create() {
    return builder().build();
  }

  /**
   * A builder, with python-threatexchange's rules as defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The outcome of one comparison.
   *
   * @param queryFrames the query's frames compared (after the quality filter and de-duplication)
   * @param targetFrames the target's frames compared
   * @param queryMatchPercent the share of the query's frames with a close frame in the target
   * @param targetMatchPercent the share of the target's frames with a close frame in the query
   * @param matches whether both shares reach the matcher's thresholds (false when not
   *     comparable)
   */
  public record Result(int queryFrames, int targetFrames, double queryMatchPercent,
      double targetMatchPercent, boolean matches) {
    /**
     * Whether both videos had frames left to compare; when not, {@link #matches()} is false
     * because nothing could be compared, not because the videos differ.
     *
     * @return true if both sides had frames
     */
    public boolean comparable() {
      return queryFrames > 0 && targetFrames > 0;
    }
  }

  /**
   * Compares a query video with a target video.
   *
   * @param query the query's hash
   * @param target the target's hash
   * @return the shares and the decision
   */
  public Result compare(VpdqHash query, VpdqHash target) {
    List<PdqHash> q = frames(Objects.requireNonNull(query, "query"));
    List<PdqHash> t = frames(Objects.requireNonNull(target, "target"));
    if (q.isEmpty() || t.isEmpty()) {
      return new Result(q.size(), t.size(), 0, 0, false);
    }
    double qp = 100.0 * matched(q, t) / q.size();
    double tp = 100.0 * matched(t, q) / t.size();
    return new Result(q.size(), t.size(), qp, tp, qp >= queryPercent && tp >= targetPercent);
  }

  private List<PdqHash> frames(VpdqHash h) {
    List<PdqHash> out = new ArrayList<>(h.features().size());
    Set<PdqHash> seen = new HashSet<>();
    for (VpdqFeature f : h.features()) {
      if (f.quality() >= minQuality && (!dedupe || seen.add(f.hash()))) {
        out.add(f.hash());
      }
    }
    return out;
  }

  /** How many of {@code a} have a frame in {@code b} within the distance. */
  private int matched(List<PdqHash> a, List<PdqHash> b) {
    int n = 0;
    for (PdqHash x : a) {
      for (PdqHash y : b) {
        if (x.hammingDistance(y) <= maxDistance) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** Builds a {@link VpdqMatcher}. */
  public static final class Builder {
    private int maxDistance = 31;
    private int minQuality = 50;
    private boolean dedupe = true;
    private double queryPercent = 80;
    private double targetPercent = 0;

    private Builder() {}

    /**
     * Frames match at a distance up to and including this (python-threatexchange: 31).
     *
     * @param distance 0 to 256
     * @return this builder
     */
    public Builder atMost(int distance) {
      if (distance < 0 || distance > 256) {
        throw new IllegalArgumentException("distance must be 0..256: " + distance);
      }
      this.maxDistance = distance;
      return this;
    }

    /**
     * Frames match at a distance strictly below this (the C++ reference: below 31).
     *
     * @param distance 1 to 257
     * @return this builder
     */
    public Builder strictlyBelow(int distance) {
      if (distance < 1 || distance > 257) {
        throw new IllegalArgumentException("distance must be 1..257: " + distance);
      }
      this.maxDistance = distance - 1;
      return this;
    }

    /**
     * Frames of lower PDQ quality are left out (both references: 50).
     *
     * @param quality 0 to 100
     * @return this builder
     */
    public Builder minQuality(int quality) {
      if (quality < 0 || quality > 100) {
        throw new IllegalArgumentException("quality must be 0..100: " + quality);
      }
      this.minQuality = quality;
      return this;
    }

    /**
     * Whether a frame whose hash equals an earlier frame's of the same video is left out
     * (python-threatexchange: yes; the C++ reference: no).
     *
     * @param dedupe true to leave repeats out
     * @return this builder
     */
    public Builder deduplicate(boolean dedupe) {
      this.dedupe = dedupe;
      return this;
    }

    /**
     * The share of the query's frames that must match (default 80).
     *
     * @param percent 0 to 100
     * @return this builder
     */
    public Builder queryMatchPercent(double percent) {
      this.queryPercent = percent(percent);
      return this;
    }

    /**
     * The share of the target's frames that must match (default 0).
     *
     * @param percent 0 to 100
     * @return this builder
     */
    public Builder targetMatchPercent(double percent) {
      this.targetPercent = percent(percent);
      return this;
    }

    private static double percent(double p) {
      if (!(p >= 0 && p <= 100)) {
        throw new IllegalArgumentException("a percentage is 0..100: " + p);
      }
      return p;
    }

    /**
     * The matcher.
     *
     * @return the matcher
     */
    public VpdqMatcher build() {
      return new VpdqMatcher(this);
    }
  }
}
