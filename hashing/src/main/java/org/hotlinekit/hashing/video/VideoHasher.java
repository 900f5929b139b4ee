package org.hotlinekit.hashing.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.digest.DigestSet;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.pdq.PixelLayout;
import org.hotlinekit.hashing.pdq.Pixels;

/**
 * Hashes videos with vPDQ as Meta's reference tool does ({@code vpdq-hash-video}): every decoded
 * frame of the first video stream, or one every so many seconds, converted to RGB at the video's
 * size and hashed with PDQ at that size (the 512 x 512 squash of still images is not applied),
 * with its quality and its timestamp (frame number over the average frame rate). On the
 * project's sample videos with FFmpeg 5.1 every frame is bit-identical with the reference tool's
 * output (see {@code testdata/vpdq}); another FFmpeg may decode differently, so compare hashes
 * with a tolerance, as the matcher does.
 *
 * <p>Decoding runs the {@code ffmpeg} program (and {@code ffprobe} first, for the size and frame
 * rate) as a child process that streams raw frames on a pipe: no native code in the JVM, no
 * frames on disk, one frame in memory at a time. The process is always ended and reaped: when the
 * video is done, when it fails, when the timeout passes and when the calling thread is
 * interrupted. A file that is not a video (an image renamed {@code .mp4}, an empty file) or that
 * ends early or is damaged (FFmpeg reports decoding errors) is a {@link MalformedInputException}
 * with FFmpeg's reason (for a file that is no video at all, its subclass {@link
 * NotAVideoException}); a missing {@code ffmpeg} is a {@link VideoToolMissingException}.
 *
 * <p>Instances are immutable and thread-safe; each call starts its own processes.
 */
public final class VideoHasher {
  private final String ffmpeg;
  private final String ffprobe;
  private final double secondsPerHash;
  private final Duration timeout;
  private final long maxFrames;
  private final int side;
  private final PdqHasher pdq = PdqHasher.create();

  private VideoHasher(Builder b) {
    this.ffmpeg = b.ffmpeg;
    this.ffprobe = b.ffprobe;
    this.secondsPerHash = b.secondsPerHash;
    this.timeout = b.timeout;
    this.maxFrames = b.maxFrames;
    this.side = b.side;
  }

  /**
   * A hasher of every frame, with {@code ffmpeg} and {@code ffprobe} from the {@code PATH}.
   *
   * @return the hasher
   */
  public static VideoHasher create() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Hashes a video file.
   *
   * @param video the file
   * @return its frames' hashes, in frame order
   * @throws InputReadException if the file cannot be read
   * @throws NotAVideoException if it is not a video or has no video stream
   * @throws MalformedInputException if it is a truncated or damaged video
   * @throws LimitExceededException if decoding takes longer than the timeout or the video has
   *     more frames than the limit
   * @throws VideoToolMissingException if {@code ffmpeg} or {@code ffprobe} cannot be started
   */
  public VpdqHash hash(Path video) {
    return hash(video, (done, total) -> { });
  }

  /** Told how far the decoding of a video has got. */
  @FunctionalInterface
  public interface Progress {
    /**
     * Called after each hashed frame.
     *
     * @param decoded the frames decoded so far (hashed or skipped)
     * @param total the frames the container lists, or 0 when it does not say
     */
    void frames(long decoded, long total);
  }

  /**
   * Hashes a video file as {@link #hash(Path)}, telling {@code progress} after each hashed frame
   * (for a progress bar on long videos; called on the calling thread).
   *
   * @param video the file
   * @param progress told after each hashed frame
   * @return its frames' hashes, in frame order
   */
  public VpdqHash hash(Path video, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    return decode(video, progress, null);
  }

  /**
   * A video's vPDQ hash and the file's digests.
   *
   * @param digests the file's digests (MD5, SHA-1, SHA-256 as asked)
   * @param vpdq the frames' hashes
   * @param singleRead whether the file was read once for both: FFmpeg decoded the bytes the
   *     digests were computed from, as they were read. False for a file FFmpeg must read out of
   *     order (an MP4 or MOV whose index comes after the media data, or a container that is not
   *     known to decode from a stream): FFmpeg then reads the file itself, a second time.
   */
  public record VideoHashes(DigestSet digests, VpdqHash vpdq, boolean singleRead) {
    /**
     * Validates.
     *
     * @param digests the digests
     * @param vpdq the hash
     * @param singleRead whether one read served both
     */
    public VideoHashes {
      Objects.requireNonNull(digests, "digests");
      Objects.requireNonNull(vpdq, "vpdq");
    }
  }

  /**
   * Hashes a video and digests its file, reading it once where the container allows: the bytes
   * are read by this process, digested, and streamed to FFmpeg as they are read (MP4/MOV with
   * the index first, Matroska/WebM, MPEG transport streams); otherwise the digests are computed
   * first and FFmpeg reads the file itself ({@link VideoHashes#singleRead()} says which). The
   * frames are the same either way.
   *
   * @param video the file
   * @param digester the digests to compute
   * @param progress told after each hashed frame
   * @return the digests and the hash
   * @throws NotAVideoException if it is not a video (the digests are not returned then: hash it
   *     as any other file)
   */
  public VideoHashes hashWithDigests(Path video, Digester digester, Progress progress) {
    Objects.requireNonNull(digester, "digester");
    Objects.requireNonNull(progress, "progress");
    if (Streams.decodableFromStream(video)) {
      Digester.Session session = digester.newSession();
      VpdqHash h = decode(video, progress, session);
      return new VideoHashes(session.finish(), h, true);
    }
    DigestSet digests = digester.digest(video);
    return new VideoHashes(digests, decode(video, progress, null), false);
  }

  /**
   * Probes and decodes; with {@code session}, this process reads the file, digests it and feeds
   * FFmpeg's standard input, else FFmpeg reads the file.
   */
  private VpdqHash decode(Path video, Progress progress, Digester.Session session) {
    Objects.requireNonNull(video, "video");
    long size;
    try {
      size = Files.size(video);
      if (!Files.isReadable(video)) {
        throw new InputReadException(video + ": the file cannot be read");
      }
    } catch (IOException e) {
      throw InputReadException.of(video, e);
    }
    if (size == 0) {
      throw new NotAVideoException(video + ": the file is empty, not a video");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Probe probe = probe(video, deadline);
    int frameMod = secondsPerHash == 0 ? 1 : Math.max(1, (int) (secondsPerHash * probe.fps));
    List<String> cmd = new ArrayList<>(List.of(ffmpeg));
    if (session == null) {
      cmd.add("-nostdin");
    }
    cmd.addAll(List.of("-hide_banner", "-loglevel", "error", "-noautorotate", "-i",
        session == null ? video.toString() : "pipe:0", "-map", "0:v:0", "-an", "-sn", "-dn"));
    List<String> filters = new ArrayList<>();
    if (frameMod > 1) {
      // Every frame is decoded, but only the selected ones are converted to RGB and piped.
      filters.add("select=not(mod(n\\," + frameMod + "))");
    }
    if (side > 0) {
      // The reference's -s N: N x N, the aspect ratio not kept, with swscale's area averaging.
      filters.add("scale=" + side + ":" + side + ":flags=area");
    }
    if (!filters.isEmpty()) {
      cmd.addAll(List.of("-vf", String.join(",", filters)));
    }
    int width = side > 0 ? side : probe.width;
    int height = side > 0 ? side : probe.height;
    cmd.addAll(List.of("-fps_mode", "passthrough", "-pix_fmt", "rgb24", "-f", "rawvideo",
        "pipe:1"));
    List<VpdqFeature> out = new ArrayList<>();
    ChildProcess p = ChildProcess.start(cmd, "ffmpeg", deadline, session != null);
    Feeder feeder = null;
    try {
      feeder = session == null ? null : Feeder.start(video, session, p.stdin());
      byte[] frame = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
      InputStream in = p.stdout();
      int n = 0; // frames received; frame number n * frameMod
      while (true) {
        int got = in.readNBytes(frame, 0, frame.length);
        p.check();
        if (got < frame.length) {
          if (got > 0) {
            p.finish();
            throw new MalformedInputException(video + ": FFmpeg gave a partial frame after "
                + n + " frames" + p.reason(": "));
          }
          break;
        }
        long number = (long) n * frameMod;
        if (number >= maxFrames) {
          throw new LimitExceededException(video + ": more than " + maxFrames + " frames",
              "maxFrames");
        }
        PdqHashWithQuality h = pdq.hashFrame(Pixels.of(frame, width, height, PixelLayout.RGB));
        out.add(new VpdqFeature((int) number, h.hash(), h.quality(), number / probe.fps));
        n++;
        progress.frames(Math.min(number + frameMod, Math.max(probe.frames, number + 1)),
            probe.frames);
      }
      int exit = p.finish();
      if (exit != 0 || p.reportedErrors()) {
        long decoded = (long) n * frameMod; // at least this many frames were decoded
        String what = probe.frames > 0 && decoded < probe.frames
            ? "truncated or damaged (decoded " + (frameMod > 1 ? "about " : "") + decoded + " of "
                + probe.frames + " frames)"
            : "damaged (FFmpeg reported errors" + (exit != 0 ? ", exit code " + exit : "") + ")";
        throw new MalformedInputException(video + ": " + what + p.reason(": "));
      }
      if (n == 0) {
        throw new MalformedInputException(video + ": no frame could be decoded" + p.reason(": "));
      }
      if (feeder != null) {
        feeder.finish(); // the whole file read and digested (FFmpeg may have stopped reading)
      }
      return VpdqHash.of(out);
    } catch (IOException e) {
      throw new InputReadException(video + ": reading FFmpeg's frames failed: " + e.getMessage(),
          e);
    } finally {
      // FFmpeg first: a feeder blocked writing to it is released when it ends.
      p.close();
      if (feeder != null) {
        feeder.close();
      }
    }
  }

  /**
   * Whether a file's first bytes are those of a video container (MP4/MOV other than HEIF/AVIF
   * images, Matroska/WebM, MPEG transport stream, AVI, FLV): a cheap test before {@link
   * #hashWithDigests}, which still says {@link NotAVideoException} when FFmpeg finds no video.
   *
   * @param file the file
   * @return true if it may be a video; false if it is not one of those containers or cannot be
   *     read
   */
  public static boolean mayBeVideo(Path file) {
    return Streams.mayBeVideo(Objects.requireNonNull(file, "file"));
  }

  /**
   * Whether content that starts with these bytes looks like a video container, as {@link
   * #mayBeVideo(Path)} tells for a file (an MPEG transport stream needs 376 bytes to be told).
   *
   * @param head the first bytes of the content
   * @param length how many of them are valid
   * @return true if it may be a video
   */
  public static boolean mayBeVideo(byte[] head, int length) {
    Objects.checkFromIndexSize(0, length, head.length);
    return Streams.isVideo(Streams.container(head, length));
  }

  /** What ffprobe says of the first video stream. */
  private static final class Probe {
    int width;
    int height;
    double fps;
    long frames;
  }

  private Probe probe(Path video, long deadline) {
    List<String> cmd = List.of(ffprobe, "-v", "error", "-select_streams", "v:0",
        "-show_entries", "stream=width,height,avg_frame_rate,r_frame_rate,nb_frames"
            + ":format=format_name", "-of", "default=noprint_wrappers=1", video.toString());
    Map<String, String> kv = new HashMap<>();
    try (ChildProcess p = ChildProcess.start(cmd, "ffprobe", deadline)) {
      byte[] text = p.stdout().readNBytes(1 << 16);
      int exit = p.finish();
      if (exit != 0) {
        throw new NotAVideoException(video + ": not a video" + p.reason(": "));
      }
      for (String line : new String(text, java.nio.charset.StandardCharsets.UTF_8)
          .split("\r?\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          kv.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new InputReadException(video + ": reading ffprobe's answer failed: " + e.getMessage(),
          e);
    }
    String format = kv.getOrDefault("format_name", "");
    if (format.equals("image2") || format.endsWith("_pipe")) {
      throw new NotAVideoException(video + ": an image (" + format + "), not a video");
    }
    Probe p = new Probe();
    try {
      p.width = Integer.parseInt(kv.getOrDefault("width", ""));
      p.height = Integer.parseInt(kv.getOrDefault("height", ""));
    } catch (NumberFormatException e) {
      throw new NotAVideoException(video + ": no video stream (" + (format.isEmpty()
          ? "unknown format" : format) + ")");
    }
    if (p.width <= 0 || p.height <= 0 || (long) p.width * p.height > (1L << 28)) {
      throw new MalformedInputException(video + ": unusable frame size " + p.width + "x"
          + p.height);
    }
    p.fps = rate(kv.get("avg_frame_rate"));
    if (p.fps == 0) {
      p.fps = rate(kv.get("r_frame_rate"));
    }
    if (p.fps == 0) {
      throw new MalformedInputException(video + ": the frame rate is unknown");
    }
    try {
      p.frames = Long.parseLong(kv.getOrDefault("nb_frames", "0"));
    } catch (NumberFormatException e) {
      p.frames = 0; // "N/A": the container does not say
    }
    return p;
  }

  /** A rate such as {@code 30000/1001}; 0 when absent or not positive. */
  private static double rate(String r) {
    if (r == null) {
      return 0;
    }
    try {
      int slash = r.indexOf('/');
      double v = slash < 0 ? Double.parseDouble(r)
          : Double.parseDouble(r.substring(0, slash)) / Double.parseDouble(r.substring(slash + 1));
      return Double.isFinite(v) && v > 0 ? v : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Builds a {@link VideoHasher}. */
  public static final class Builder {
    private String ffmpeg = "ffmpeg";
    private String ffprobe = "ffprobe";
    private double secondsPerHash;
    private Duration timeout = Duration.ofHours(1);
    private long maxFrames = 10_000_000;
    private int side;

    private Builder() {}

    /**
     * The {@code ffmpeg} program (default: {@code ffmpeg} from the {@code PATH}).
     *
     * @param program a path or a name to find on the {@code PATH}
     * @return this builder
     */
    public Builder ffmpeg(String program) {
      this.ffmpeg = nonBlank(program, "ffmpeg");
      return this;
    }

    /**
     * The {@code ffprobe} program (default: {@code ffprobe} from the {@code PATH}).
     *
     * @param program a path or a name to find on the {@code PATH}
     * @return this builder
     */
    public Builder ffprobe(String program) {
      this.ffprobe = nonBlank(program, "ffprobe");
      return this;
    }

    /**
     * Hashes N frames per second of video, as the reference's {@code -r 1/N}: {@link
     * #secondsPerHash(double)} of 1/N, or every frame for 0.
     *
     * @param fps frames per second, 0 or more (0, the default: every frame)
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder framesPerSecond(double fps) {
      if (!(fps >= 0) || Double.isInfinite(fps)) {
        throw new IllegalArgumentException("frames per second must be >= 0: " + fps);
      }
      return secondsPerHash(fps == 0 ? 0 : 1 / fps);
    }

    /**
     * Hash one frame every so many seconds, as the reference's {@code -r}: every {@code
     * int(seconds x frame rate)}-th decoded frame (at least every frame). 0, the default, hashes
     * every frame.
     *
     * @param seconds 0 or more
     * @return this builder
     */
    public Builder secondsPerHash(double seconds) {
      if (!(seconds >= 0) || Double.isInfinite(seconds)) {
        throw new IllegalArgumentException("seconds per hash must be >= 0: " + seconds);
      }
      this.secondsPerHash = seconds;
      return this;
    }

    /**
     * Scale every frame to {@code side} x {@code side} before hashing, as the reference's {@code
     * -s side} (the aspect ratio is not kept; swscale's area averaging, as the reference's
     * outputs in {@code testdata/vpdq} were made). 0, the default, hashes frames at their own
     * size. Smaller frames hash faster; hashes of different sizes are not comparable bit for bit.
     *
     * @param side 0, or 5 to 4096
     * @return this builder
     */
    public Builder frameSize(int side) {
      if (side != 0 && (side < 5 || side > 4096)) {
        throw new IllegalArgumentException("the frame size must be 0 or 5..4096: " + side);
      }
      this.side = side;
      return this;
    }

    /**
     * How long one video may take, probing and decoding together (default one hour); then the
     * processes are ended and a {@link LimitExceededException} is thrown.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The most decoded frames a video may have (default ten million, about 92 hours at 30 fps).
     *
     * @param frames at least 1
     * @return this builder
     */
    public Builder maxFrames(long frames) {
      if (frames < 1) {
        throw new IllegalArgumentException("maxFrames must be at least 1: " + frames);
      }
      this.maxFrames = frames;
      return this;
    }

    private static String nonBlank(String s, String what) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException(what + " must name a program");
      }
      return s;
    }

    /**
     * The hasher.
     *
     * @return the hasher
     */
    public VideoHasher build() {
      return new VideoHasher(this);
    }
  }
}
