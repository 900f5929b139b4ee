package org.hotlinekit.hashing.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.index.PdqIndex;
import org.hotlinekit.hashing.index.PdqMatch;
import org.hotlinekit.hashing.internal.BinaryIo;
import org.hotlinekit.hashing.internal.CheckedRegion;

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
  private static final long MAGIC = 0x484c4b5649445831L; // "HLKVIDX1"
  private static final int FOOTER_BYTES = 32;

  private final List<VpdqHash> videos;
  private final PdqIndex frames;
  /** For each frame of the PDQ index: its video's position, then its quality. */
  private final FrameTable videoOf;
  private final FrameTable qualityOf;
  /** An opened index's frame table (null when built). */
  private final CheckedRegion table;

  /** A per-frame value: from an array (built) or read in place (opened). */
  private interface FrameTable {
    int get(int frame);
  }

  private VideoIndex(List<VpdqHash> videos, PdqIndex frames, FrameTable videoOf,
      FrameTable qualityOf, CheckedRegion table) {
    this.videos = videos;
    this.frames = frames;
    this.videoOf = videoOf;
    this.qualityOf = qualityOf;
    this.table = table;
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
    return new VideoIndex(copy, PdqIndex.of(hashes), f -> videoOf[f], f -> qualityOf[f], null);
  }

  /**
   * Writes the index to a channel, e.g. as a section of a larger file: the frames' PDQ index in
   * its own format ({@link PdqIndex#write}), then which video each frame belongs to and its
   * quality (checked blocks), then a 32-byte footer (magic, counts, the PDQ index's length, and
   * the CRC32C of those). {@link #map} opens it again; the videos themselves
   * are the caller's to keep (an index file keeps them as its entries).
   *
   * @param ch where to write
   * @throws org.hotlinekit.core.OutputWriteException if writing fails
   */
  public void write(WritableByteChannel ch) {
    BinaryIo.writeSection(ch, out -> {
      long[] framesBytes = {0};
      frames.write(new WritableByteChannel() {
        @Override
        public int write(ByteBuffer src) throws IOException {
          int n = out.write(src);
          framesBytes[0] += n;
          return n;
        }

        @Override
        public boolean isOpen() {
          return out.isOpen();
        }

        @Override
        public void close() {
          // The caller's channel stays open.
        }
      });
      int n = frames.size();
      int[] values = new int[n];
      CheckedRegion.Writer w =
          new CheckedRegion.Writer(out,
              CheckedRegion.PAGE_BLOCKS);
      for (int f = 0; f < n; f++) {
        values[f] = videoOf.get(f);
      }
      w.writeInts(values);
      for (int f = 0; f < n; f++) {
        values[f] = qualityOf.get(f);
      }
      w.writeInts(values);
      w.finish();
      ByteBuffer footer = ByteBuffer.allocate(FOOTER_BYTES)
          .order(ByteOrder.LITTLE_ENDIAN);
      footer.putLong(MAGIC).putInt(videos.size()).putInt(n).putLong(framesBytes[0]);
      CRC32C crc = new CRC32C();
      crc.update(footer.array(), 0, 24);
      footer.putLong(crc.getValue()).flip();
      while (footer.hasRemaining()) {
        out.write(footer);
      }
    });
  }

  /**
   * Opens an index written by {@link #write} that occupies {@code [position, position + length)}
   * of a file, in place: the frames' PDQ index is mapped ({@link PdqIndex#map}), the frame table
   * read as queries need it (each block checked against its CRC32C on first use), and a video is
   * taken from {@code videos} only when a query's frames found it, so that opening costs neither
   * an index build nor decoding the videos. A frame table that names a video outside {@code
   * videos} or a quality outside 0..100 is refused where a query meets it.
   *
   * @param ch the file, open for reading
   * @param position where the index starts
   * @param length the number of bytes it occupies
   * @param videos the indexed videos, in the order they were indexed (read on demand)
   * @return the index
   * @throws InputReadException if reading fails
   * @throws MalformedInputException if it is not such an index, truncated,
   *     corrupt, or for another number of videos
   */
  public static VideoIndex map(FileChannel ch, long position, long length,
      List<VpdqHash> videos) {
    Objects.requireNonNull(videos, "videos");
    try {
      if (length < FOOTER_BYTES) {
        throw new MalformedInputException("the video index is truncated");
      }
      ByteBuffer footer = ByteBuffer.allocate(FOOTER_BYTES)
          .order(ByteOrder.LITTLE_ENDIAN);
      long at = position + length - FOOTER_BYTES;
      while (footer.hasRemaining()) {
        if (ch.read(footer, at + footer.position()) < 0) {
          throw new MalformedInputException(
              "the video index is truncated");
        }
      }
      footer.flip();
      CRC32C crc = new CRC32C();
      crc.update(footer.array(), 0, 24);
      if (footer.getLong(24) != crc.getValue()) {
        throw new MalformedInputException("the video index's footer is"
            + " corrupt");
      }
      long magic = footer.getLong();
      int videoCount = footer.getInt();
      int n = footer.getInt();
      long framesBytes = footer.getLong();
      if (magic != MAGIC || videoCount != videos.size() || n < 0 || framesBytes <= 0
          || framesBytes > length - FOOTER_BYTES) {
        throw new MalformedInputException("not a video index of "
            + videos.size() + " videos, or a corrupt one");
      }
      PdqIndex frames = PdqIndex.map(ch, position, framesBytes);
      CheckedRegion table =
          CheckedRegion.open(ch, position + framesBytes,
              length - FOOTER_BYTES - framesBytes, "video frame table");
      if (frames.size() != n || table.length() != 8L * n) {
        throw new MalformedInputException("the video frame table does not"
            + " match its frames");
      }
      CheckedRegion.Ints video = table.ints(0, n);
      CheckedRegion.Ints quality = table.ints(4L * n, n);
      return new VideoIndex(videos, frames, f -> {
        int v = video.get(f);
        if (v < 0 || v >= videoCount) {
          throw new MalformedInputException("corrupt video index: frame "
              + f + " names video " + v);
        }
        return v;
      }, f -> {
        int q = quality.get(f);
        if (q < 0 || q > 100) {
          throw new MalformedInputException("corrupt video index: frame "
              + f + " has quality " + q);
        }
        return q;
      }, table);
    } catch (IOException e) {
      throw new InputReadException("could not read the video index: "
          + InputReadException.reason(e), e);
    }
  }

  /**
   * Checks an opened index whole, as queries check the parts they read: every block of its frames'
   * PDQ index and of its frame table against their checksums, and every frame's video and
   * quality (nothing to check for an index built in memory).
   *
   * @throws MalformedInputException if anything is corrupt
   */
  public void checkAll() {
    if (table == null) {
      return;
    }
    frames.checkAll();
    table.checkAll();
    for (int f = 0; f < frames.size(); f++) {
      videoOf.get(f);
      qualityOf.get(f);
    }
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
    List<PdqHash> asked = new ArrayList<>();
    for (VpdqFeature f : query.features()) {
      if (f.quality() < matcher.minQuality() || f.hash().equals(last)) {
        continue;
      }
      last = f.hash();
      asked.add(f.hash());
    }
    // All the query's frames in one batch (the index sorts their probes by bucket).
    for (List<PdqMatch> found : frames.searchAll(asked, matcher.maxDistance())) {
      for (PdqMatch m : found) {
        if (qualityOf.get(m.entry()) >= matcher.minQuality()) {
          candidates.set(videoOf.get(m.entry()));
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
