package org.hotlinekit.hashing.video;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.index.PdqIndex;
import org.hotlinekit.hashing.index.PdqMatch;

/**
 * Finds the videos of a list that match a query video without comparing it with every one: the
 * frames of all listed videos are in one PDQ near-match index ({@link PdqIndex}); a query's
 * frames find the videos that share at least one close frame with it, and only those are scored
 * with the matcher's rules. The outcome is what comparing the query with every listed video would
 * give (the tests check it against that), for any matcher under which a match needs a shared
 * frame, i.e. any with a threshold above 0.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class VideoIndex {
  private final List<VpdqHash> videos;
  private final PdqIndex frames;
  private final int[] videoOf;
  private final int[] qualityOf;

  private VideoIndex(List<VpdqHash> videos, PdqIndex frames, int[] videoOf, int[] qualityOf) {
    this.videos = videos;
    this.frames = frames;
    this.videoOf = videoOf;
    this.qualityOf = qualityOf;
  }

  /**
   * Indexes videos; video {@code i} is {@code videos.get(i)}.
   *
   * @param videos the listed videos' hashes
   * @return the index
   */
  public static VideoIndex of(List<VpdqHash> videos) {
    List<VpdqHash> copy = List.copyOf(videos);
    List<PdqHash> hashes = new ArrayList<>();
    int total = 0;
    for (VpdqHash v : copy) {
      total = Math.addExact(total, v.features().size());
    }
    int[] videoOf = new int[total];
    int[] qualityOf = new int[total];
    int k = 0;
    for (int i = 0; i < copy.size(); i++) {
      for (VpdqFeature f : copy.get(i).features()) {
        hashes.add(f.hash());
        videoOf[k] = i;
        qualityOf[k] = f.quality();
        k++;
      }
    }
    return new VideoIndex(copy, PdqIndex.of(hashes), videoOf, qualityOf);
  }

  /**
   * The number of videos.
   *
   * @return the count
   */
  public int size() {
    return videos.size();
  }

  /**
   * A match of the query with one listed video.
   *
   * @param video the listed video's position
   * @param result the matcher's outcome (shares of frames, and whether it matches)
   */
  public record Match(int video, VpdqMatcher.Result result) {}

  /**
   * The listed videos that match the query under the matcher's rules, best first (the larger
   * share of the query's frames, then of the video's, then list order).
   *
   * @param query the query video's hash
   * @param matcher the rules; a match must need a shared frame (a threshold above 0)
   * @return the matches, empty if none
   * @throws IllegalArgumentException if both of the matcher's thresholds are 0 (every video
   *     would match, shared frames or not: compare with {@link VpdqMatcher#compare} instead)
   */
  public List<Match> search(VpdqHash query, VpdqMatcher matcher) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(matcher, "matcher");
    if (matcher.matchesWithoutSharedFrames()) {
      throw new IllegalArgumentException("with both match thresholds at 0 every video matches,"
          + " shared frames or not; an index cannot narrow that down");
    }
    BitSet candidates = new BitSet(videos.size());
    PdqHash last = null;
    for (VpdqFeature f : query.features()) {
      if (f.quality() < matcher.minQuality() || f.hash().equals(last)) {
        continue;
      }
      last = f.hash();
      for (PdqMatch m : frames.search(f.hash(), matcher.maxDistance())) {
        if (qualityOf[m.entry()] >= matcher.minQuality()) {
          candidates.set(videoOf[m.entry()]);
        }
      }
    }
    List<Match> out = new ArrayList<>();
    for (int v = candidates.nextSetBit(0); v >= 0; v = candidates.nextSetBit(v + 1)) {
      VpdqMatcher.Result r = matcher.compare(query, videos.get(v));
      if (r.matches()) {
        out.add(new Match(v, r));
      }
    }
    out.sort(Comparator.comparingDouble((Match m) -> -m.result().queryMatchPercent())
        .thenComparingDouble(m -> -m.result().targetMatchPercent())
        .thenComparingInt(Match::video));
    return out;
  }
}
