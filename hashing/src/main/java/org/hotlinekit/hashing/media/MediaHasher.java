package org.hotlinekit.hashing.media;

import org.hotlinekit.hashing.video.NotAVideoException;
import org.hotlinekit.hashing.video.VideoHasher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.digest.DigestSet;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.internal.ReadErrors;
import org.hotlinekit.hashing.internal.image.ImageDecoder;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.pdq.Pixels;

/**
 * Hashes one media file: the requested digests and, for images, PDQ, reading the file once.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * MediaHasher hasher = MediaHasher.builder()
 *     .digests(DigestAlgorithm.MD5, DigestAlgorithm.SHA256)
 *     .pdq(true)
 *     .build();
 * MediaHashes h = hasher.hash(Path.of("upload.jpg"));
 * }</pre>
 *
 * <p>With PDQ requested, the file must be a supported image (JPEG, PNG, GIF, BMP, WebP): it is read
 * into memory once (up to {@link Builder#maxImageFileBytes(long)}), digested and decoded from that
 * copy. Without PDQ, any file of any size is streamed through the digests.
 */
public final class MediaHasher {
  /** The default largest image file read into memory for PDQ: 512 MiB. */
  public static final long DEFAULT_MAX_IMAGE_FILE_BYTES = 512L * 1024 * 1024;

  private final Digester digester;
  private final boolean pdq;
  private final boolean dihedral;
  private final PdqHasher pdqHasher;
  private final long maxImageFileBytes;
  private final List<org.hotlinekit.hashing.spi.SignalHasher> signals;
  private final VideoHasher video;
  private final VideoProgress videoProgress;

  /** Told how far the vPDQ hashing of one video has got (for a progress bar on long files). */
  @FunctionalInterface
  public interface VideoProgress {
    /**
     * Called after each hashed frame, on the hashing thread.
     *
     * @param video the file
     * @param decoded the frames decoded so far
     * @param total the frames the container lists, or 0 when it does not say
     */
    void frames(Path video, long decoded, long total);
  }

  private MediaHasher(Builder b) {
    this.video = b.video;
    this.videoProgress = b.videoProgress;
    this.digester = b.digests.isEmpty() ? null : Digester.of(b.digests);
    this.pdq = b.pdq || b.dihedral;
    this.dihedral = b.dihedral;
    this.pdqHasher = b.pdqHasher;
    this.maxImageFileBytes = b.maxImageFileBytes;
    this.signals = List.copyOf(b.signals);
  }

  /**
   * Starts configuring a media hasher.
   *
   * @return a builder (no digests, no PDQ: choose at least one)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The same digests without PDQ, for files that turn out not to be images.
   *
   * @return a digest-only hasher, or empty if this one computes no digests
   */
  public Optional<MediaHasher> digestsOnly() {
    if (digester == null) {
      return Optional.empty();
    }
    if (!pdq) {
      return Optional.of(this);
    }
    return Optional.of(builder().digests(digester.algorithms()).build());
  }

  /**
   * Hashes one file.
   *
   * @param file the file
   * @return what was requested
   * @throws InputReadException if the file is missing or cannot be read
   * @throws UnsupportedInputException if PDQ was requested and the file is not a supported image
   * @throws MalformedInputException if PDQ was requested and the image is corrupt or truncated
   * @throws LimitExceededException if PDQ was requested and the image is larger than allowed
   */
  public MediaHashes hash(Path file) {
    Objects.requireNonNull(file, "file");
    refuseSpecialFiles(file);
    try {
      if (!pdq) {
        long size = Files.size(file);
        return new MediaHashes(size, digester.digest(file), null, null);
      }
      byte[] data = readImageFile(file);
      return hashImageBytes(data);
    } catch (IOException e) {
      throw ReadErrors.of(e);
    }
  }

  /**
   * Hashes one file as far as it can be hashed, in one read: the digests always (they need no
   * decoding), and PDQ if requested and the file is an image it can decode. When PDQ was requested
   * but cannot be computed (not a supported image, corrupt, truncated, over a limit), the digests
   * are still returned and {@link MediaHashes#pdqNotComputed()} says why. This is what triage
   * needs: an exact match must never be lost because decoding failed.
   *
   * @param file the file
   * @return the digests, and PDQ or the reason it is missing
   * @throws InputReadException if the file is missing or cannot be read at all
   */
  public MediaHashes hashBestEffort(Path file) {
    Objects.requireNonNull(file, "file");
    if (!pdq) {
      return hash(file);
    }
    refuseSpecialFiles(file);
    if (video != null && VideoHasher.mayBeVideo(file)) {
      Optional<MediaHashes> v = videoBestEffort(file);
      if (v.isPresent()) {
        return v.get();
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return bestEffort(in);
    } catch (IOException e) {
      throw ReadErrors.of(e);
    }
  }

  /**
   * Hashes a stream as {@link #hashBestEffort(Path)} hashes a file, reading it to its end (an
   * entry of an archive, an upload): the digests always, PDQ when it can be computed. At most
   * {@code maxImageFileBytes} are held in memory, and only for an image.
   *
   * @param in the content (not closed)
   * @return the digests, and PDQ or the reason it is missing
   * @throws InputReadException if reading fails
   */
  public MediaHashes hashBestEffort(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      if (!pdq) {
        return digestsOnly(new byte[0], in, null);
      }
      return bestEffort(in);
    } catch (IOException e) {
      throw ReadErrors.of(e);
    }
  }

  /**
   * A file that may be a video: its digests and vPDQ hash; its digests and the reason when it is
   * a video that cannot be hashed; empty when it is no video after all (then hash it as any file).
   */
  private Optional<MediaHashes> videoBestEffort(Path file) {
    Digester d = digester != null ? digester : Digester.of(DigestAlgorithm.SHA256);
    try {
      VideoHasher.VideoHashes h = video.hashWithDigests(file, d,
          (decoded, total) -> videoProgress.frames(file, decoded, total));
      DigestSet digests = digester != null ? h.digests() : DigestSet.empty();
      return Optional.of(MediaHashes.ofVideo(Files.size(file), digests, h.vpdq()));
    } catch (NotAVideoException notAVideo) {
      return Optional.empty();
    } catch (MalformedInputException | UnsupportedInputException | LimitExceededException e) {
      // A damaged or truncated video: its digests still match exactly.
      try {
        return Optional.of(new MediaHashes(Files.size(file),
            digester != null ? digester.digest(file) : DigestSet.empty(), null, null,
            new PdqNotComputed(PdqNotComputed.Kind.VIDEO_NOT_HASHED, "vPDQ not computed: "
                + e.getMessage())));
      } catch (IOException io) {
        throw ReadErrors.of(io);
      }
    } catch (IOException e) {
      throw ReadErrors.of(e);
    }
  }

  private MediaHashes bestEffort(InputStream in) throws IOException {
    byte[] head = in.readNBytes(12);
    try {
      ImageDecoder.recognise(head, head.length);
    } catch (UnsupportedInputException notAnImage) {
      if (video != null && VideoHasher.mayBeVideo(head, head.length)) {
        return digestsOnly(head, in, new PdqNotComputed(PdqNotComputed.Kind.VIDEO_NOT_HASHED,
            "a video read as a stream (an archive entry): vPDQ needs a file"));
      }
      return digestsOnly(head, in, new PdqNotComputed(PdqNotComputed.Kind.NOT_AN_IMAGE,
          notAnImage.getMessage()));
    } catch (MalformedInputException empty) {
      return digestsOnly(head, in, new PdqNotComputed(PdqNotComputed.Kind.CORRUPT_IMAGE,
          empty.getMessage()));
    }
    // Up to one byte over the cap: more than the cap means too large to decode.
    byte[] data = concat(head, in.readNBytes((int) Math.max(0,
        maxImageFileBytes - head.length + 1)));
    if (data.length > maxImageFileBytes) {
      return digestsOnly(data, in, new PdqNotComputed(PdqNotComputed.Kind.OVER_LIMIT,
          "image file is over the limit of " + maxImageFileBytes + " bytes for PDQ"));
    }
    try {
      return hashImageBytes(data);
    } catch (UnsupportedInputException e) {
      return digestsOnly(data, InputStream.nullInputStream(),
          new PdqNotComputed(PdqNotComputed.Kind.UNSUPPORTED_IMAGE, e.getMessage()));
    } catch (MalformedInputException e) {
      return digestsOnly(data, InputStream.nullInputStream(),
          new PdqNotComputed(PdqNotComputed.Kind.CORRUPT_IMAGE, e.getMessage()));
    } catch (LimitExceededException e) {
      return digestsOnly(data, InputStream.nullInputStream(),
          new PdqNotComputed(PdqNotComputed.Kind.OVER_LIMIT, e.reason(), e.setting()));
    }
  }

  /**
   * Refuses what is not a regular file: a directory, and FIFOs, sockets and devices, whose reading
   * may never end (a named pipe in a seized folder must not hang a scan).
   */
  private static void refuseSpecialFiles(Path file) {
    if (Files.isDirectory(file)) {
      throw new InputReadException("is a directory, not a file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new InputReadException("not a regular file (a FIFO, socket or device)");
    }
  }

  /** The digests of {@code start} followed by the rest of {@code in}, with why PDQ is missing. */
  private MediaHashes digestsOnly(byte[] start, InputStream in, PdqNotComputed why)
      throws IOException {
    Digester.Session s = digester == null ? null : digester.newSession().update(start, 0,
        start.length);
    long size = start.length;
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (s != null) {
        s.update(buffer, 0, n);
      }
      size += n;
    }
    return new MediaHashes(size, s == null ? DigestSet.empty() : s.finish(), null, null, why);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    if (b.length == 0) {
      return a;
    }
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * Hashes an encoded file held in memory.
   *
   * @param data the file's bytes
   * @return what was requested
   * @throws UnsupportedInputException if PDQ was requested and the data is not a supported image
   * @throws MalformedInputException if PDQ was requested and the image is corrupt or truncated
   * @throws LimitExceededException if PDQ was requested and the image is larger than allowed
   */
  public MediaHashes hash(byte[] data) {
    Objects.requireNonNull(data, "data");
    if (!pdq) {
      return new MediaHashes(data.length, digester.digest(data), null, null);
    }
    return hashImageBytes(data);
  }

  private MediaHashes hashImageBytes(byte[] data) {
    ImageDecoder.recognise(data, data.length);
    DigestSet digests = digester == null ? DigestSet.empty() : digester.digest(data);
    Pixels pixels = ImageDecoder.decode(data, pdqHasher.maxPixels());
    List<org.hotlinekit.core.hash.HashValue> extra = new java.util.ArrayList<>();
    for (org.hotlinekit.hashing.spi.SignalHasher s : signals) {
      org.hotlinekit.core.hash.HashValue v = s.hash(pixels);
      if (!v.type().equals(s.type())) {
        throw new IllegalStateException("plug-in " + s.getClass().getName() + " returned a "
            + v.type() + " value for its " + s.type() + " type");
      }
      extra.add(v);
    }
    if (dihedral) {
      DihedralPdqHashes all = pdqHasher.hashDihedral(pixels);
      return new MediaHashes(data.length, digests, all.original(), all, null, extra,
          pixels.width(), pixels.height());
    }
    PdqHashWithQuality h = pdqHasher.hash(pixels);
    return new MediaHashes(data.length, digests, h, null, null, extra, pixels.width(),
        pixels.height());
  }

  /** Reads a file that must be an image: refuses early on its first bytes, then caps its size. */
  private byte[] readImageFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(12);
      ImageDecoder.recognise(head, head.length);
      long size = Files.size(file);
      if (size > maxImageFileBytes) {
        throw new LimitExceededException(
            "image file is " + size + " bytes, over the limit of " + maxImageFileBytes
                + " for PDQ", "maxImageFileBytes");
      }
      byte[] rest = in.readNBytes((int) (maxImageFileBytes - head.length + 1));
      if ((long) head.length + rest.length > maxImageFileBytes) {
        throw new LimitExceededException(
            "image file grew past the limit of " + maxImageFileBytes + " bytes while being read");
      }
      byte[] all = new byte[head.length + rest.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(rest, 0, all, head.length, rest.length);
      return all;
    }
  }

  /** Configures a {@link MediaHasher}. */
  public static final class Builder {
    private final Set<DigestAlgorithm> digests = EnumSet.noneOf(DigestAlgorithm.class);
    private boolean pdq;
    private boolean dihedral;
    private PdqHasher pdqHasher = PdqHasher.create();
    private long maxImageFileBytes = DEFAULT_MAX_IMAGE_FILE_BYTES;
    private final List<org.hotlinekit.hashing.spi.SignalHasher> signals =
        new java.util.ArrayList<>();
    private VideoHasher video;
    private VideoProgress videoProgress = (file, decoded, total) -> { };

    private Builder() {}

    /**
     * Hashes videos too: a file whose content is a video (MP4/MOV, Matroska/WebM, MPEG-TS, AVI,
     * ...) gets its vPDQ hash through this hasher, in the same read as its digests where the
     * container allows, when PDQ is requested ({@link #pdq(boolean)}); its PDQ is then not
     * missing, since vPDQ is a video's perceptual hash. Costly (every frame decoded, unless the
     * video hasher samples), hence opt-in. A video given as a stream, or one that cannot be
     * decoded, keeps its digests and says why vPDQ is missing ({@link
     * PdqNotComputed.Kind#VIDEO_NOT_HASHED}).
     *
     * @param hasher the video hasher (its frame rate, size and limits)
     * @return this builder
     */
    public Builder video(VideoHasher hasher) {
      this.video = Objects.requireNonNull(hasher, "hasher");
      return this;
    }

    /**
     * Where to tell how far the hashing of each video has got.
     *
     * @param progress told after each hashed frame
     * @return this builder
     */
    public Builder videoProgress(VideoProgress progress) {
      this.videoProgress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Plug-in signals computed from each image's pixels (decoded once for all), e.g. {@link
     * org.hotlinekit.hashing.spi.SignalHasher#installed()}; they apply where PDQ does.
     *
     * @param plugins the plug-ins (replacing any set before)
     * @return this builder
     */
    public Builder signals(List<org.hotlinekit.hashing.spi.SignalHasher> plugins) {
      signals.clear();
      plugins.forEach(p -> signals.add(Objects.requireNonNull(p, "plugin")));
      return this;
    }

    /**
     * Sets the digests to compute (replacing any set before).
     *
     * @param algorithms the algorithms, possibly none
     * @return this builder
     */
    public Builder digests(DigestAlgorithm... algorithms) {
      return digests(List.of(algorithms));
    }

    /**
     * Sets the digests to compute (replacing any set before).
     *
     * @param algorithms the algorithms, possibly none
     * @return this builder
     */
    public Builder digests(Iterable<DigestAlgorithm> algorithms) {
      digests.clear();
      for (DigestAlgorithm a : algorithms) {
        digests.add(Objects.requireNonNull(a, "algorithm"));
      }
      return this;
    }

    /**
     * Whether to compute the PDQ hash (the file must then be an image).
     *
     * @param enabled true to compute it
     * @return this builder
     */
    public Builder pdq(boolean enabled) {
      this.pdq = enabled;
      return this;
    }

    /**
     * Whether to compute the eight dihedral PDQ hashes (implies {@link #pdq(boolean)}).
     *
     * @param enabled true to compute them
     * @return this builder
     */
    public Builder dihedral(boolean enabled) {
      this.dihedral = enabled;
      return this;
    }

    /**
     * The PDQ hasher to use (for its pixel cap).
     *
     * @param hasher the hasher
     * @return this builder
     */
    public Builder pdqHasher(PdqHasher hasher) {
      this.pdqHasher = Objects.requireNonNull(hasher, "hasher");
      return this;
    }

    /**
     * The largest image file read into memory for PDQ.
     *
     * @param bytes at least 1 (default 512 MiB, at most {@code Integer.MAX_VALUE - 8})
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxImageFileBytes(long bytes) {
      if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxImageFileBytes out of range: " + bytes);
      }
      this.maxImageFileBytes = bytes;
      return this;
    }

    /**
     * Creates the media hasher.
     *
     * @return the hasher
     * @throws IllegalStateException if neither a digest nor PDQ was requested
     */
    public MediaHasher build() {
      if (digests.isEmpty() && !pdq && !dihedral) {
        throw new IllegalStateException("request at least one digest or PDQ");
      }
      return new MediaHasher(this);
    }
  }
}
