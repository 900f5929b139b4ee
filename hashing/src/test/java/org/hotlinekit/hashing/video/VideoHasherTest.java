package org.hotlinekit.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vPDQ against Meta's reference tool's output on the sample videos (testdata/vpdq), and every
 * kind of bad input, each with its error and no FFmpeg process left behind. Needs the {@code
 * ffmpeg} and {@code ffprobe} programs (.ci/run installs them).
 */
class VideoHasherTest {
  private static final VideoHasher HASHER = VideoHasher.create();

  static Path video(String name) {
    return TestData.resolve("vpdq/videos/" + name + ".mp4");
  }

  static VpdqHash expected(String name) throws IOException {
    Path p = TestData.resolve("vpdq/expected/ffmpeg5.1-native/" + name + ".txt");
    return VpdqHash.parseReferenceText(Files.readString(p), p.toString());
  }

  /** FFmpeg's version: the reference outputs were made with 5.1, whose decoding is bit-exact. */
  static boolean ffmpeg51() throws Exception {
    Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
    String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return v.startsWith("ffmpeg version 5.1");
  }

  @AfterEach
  void noProcessIsLeftBehind() {
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .map(h -> h.info().command().orElse("?")).toList())
        .as("child processes still running").noneMatch(c -> c.contains("ff"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"doorknob-hd-no-bar", "pattern-hd-no-bar", "pattern-sd-grey-bar",
      "pattern-sd-with-large-logo-bar", "pattern-sd-with-small-logo-bar",
      "test-padded-dimensions"})
  void agreesWithTheReferenceTool(String name) throws Exception {
    List<VpdqFeature> ours = HASHER.hash(video(name)).features();
    List<VpdqFeature> ref = expected(name).features();
    assertThat(ours).hasSameSizeAs(ref);
    int identical = 0;
    for (int i = 0; i < ref.size(); i++) {
      VpdqFeature o = ours.get(i);
      VpdqFeature r = ref.get(i);
      assertThat(o.frame()).isEqualTo(r.frame());
      assertThat(o.toReferenceLine().split(",")[3]).as("timestamp of frame %d", i)
          .isEqualTo(r.toReferenceLine().split(",")[3]);
      assertThat(o.quality()).as("quality of frame %d", i).isBetween(r.quality() - 1,
          r.quality() + 1);
      if (r.quality() >= 50) {
        assertThat(o.hash().hammingDistance(r.hash())).as("distance at frame %d", i)
            .isLessThanOrEqualTo(31);
      }
      identical += o.hash().equals(r.hash()) ? 1 : 0;
    }
    if (ffmpeg51()) {
      // With the FFmpeg the reference outputs were made with, every frame is the same bits.
      assertThat(identical).as("bit-identical frames").isEqualTo(ref.size());
      assertThat(VpdqHash.of(ours).toReferenceText())
          .isEqualTo(Files.readString(TestData.resolve("vpdq/expected/ffmpeg5.1-native/" + name
              + ".txt")));
    }
  }

  @Test
  void oneFrameASecondTakesEveryThirtiethFrameAt30Fps() throws Exception {
    List<VpdqFeature> ours = VideoHasher.builder().secondsPerHash(1).build()
        .hash(video("pattern-sd-grey-bar")).features();
    List<VpdqFeature> ref = expected("pattern-sd-grey-bar").features();
    assertThat(ours).extracting(VpdqFeature::frame).containsExactly(0, 30, 60, 90, 120, 150,
        180);
    boolean exact = ffmpeg51();
    for (VpdqFeature f : ours) {
      assertThat(f.hash().hammingDistance(ref.get(f.frame()).hash())).isLessThanOrEqualTo(31);
      assertThat(f.timestamp()).isEqualTo(f.frame() / 30.0);
      if (exact) {
        // Only the selected frames are converted and piped; their pixels are the same.
        assertThat(f.toReferenceLine()).isEqualTo(ref.get(f.frame()).toReferenceLine());
      }
    }
  }

  /** The reference's -s 128: frames scaled to 128 x 128 by area averaging. */
  @ParameterizedTest
  @ValueSource(strings = {"doorknob-hd-no-bar", "pattern-sd-grey-bar", "test-padded-dimensions"})
  void scaledFramesAgreeWithTheReferenceTool(String name) throws Exception {
    List<VpdqFeature> ours = VideoHasher.builder().frameSize(128).build().hash(video(name))
        .features();
    Path p = TestData.resolve("vpdq/expected/ffmpeg5.1-128x128/" + name + "-128x128.txt");
    List<VpdqFeature> ref = VpdqHash.parseReferenceText(Files.readString(p), p.toString())
        .features();
    assertThat(ours).hasSameSizeAs(ref);
    boolean exact = ffmpeg51();
    for (int i = 0; i < ref.size(); i++) {
      assertThat(ours.get(i).quality()).isBetween(ref.get(i).quality() - 1,
          ref.get(i).quality() + 1);
      if (ref.get(i).quality() >= 50) {
        assertThat(ours.get(i).hash().hammingDistance(ref.get(i).hash())).isLessThanOrEqualTo(31);
      }
      if (exact) {
        assertThat(ours.get(i).toReferenceLine()).isEqualTo(ref.get(i).toReferenceLine());
      }
    }
  }

  /**
   * One read for digests and frames where the container allows: the same frames, the digests of
   * the whole file. Two samples have their index first; test-padded-dimensions has it last.
   */
  @ParameterizedTest
  @ValueSource(strings = {"doorknob-hd-no-bar", "pattern-sd-grey-bar", "test-padded-dimensions"})
  void oneReadGivesTheSameFramesAndTheFileDigests(String name) {
    Digester digester = Digester.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA256);
    VideoHasher.VideoHashes both = HASHER.hashWithDigests(video(name), digester, (d, t) -> { });
    assertThat(both.singleRead()).isEqualTo(!name.equals("test-padded-dimensions"));
    assertThat(both.vpdq()).isEqualTo(HASHER.hash(video(name)));
    assertThat(both.digests()).isEqualTo(digester.digest(video(name)));
  }

  /**
   * An MP4 with its index after the media data (what FFmpeg writes without +faststart) cannot be
   * decoded from a stream: FFmpeg reads the file itself; the results are the same.
   */
  @Test
  void anIndexAtTheEndIsReadTwiceWithTheSameResults(@TempDir Path dir) throws Exception {
    Path late = dir.resolve("late.mp4");
    Path early = dir.resolve("early.mp4");
    run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
        "testsrc2=size=320x240:rate=30:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
        late.toString());
    run("ffmpeg", "-nostdin", "-v", "error", "-i", late.toString(), "-c", "copy", "-movflags",
        "+faststart", early.toString());
    Digester digester = Digester.of(DigestAlgorithm.SHA256);
    VideoHasher.VideoHashes twice = HASHER.hashWithDigests(late, digester, (d, t) -> { });
    VideoHasher.VideoHashes once = HASHER.hashWithDigests(early, digester, (d, t) -> { });
    assertThat(twice.singleRead()).isFalse();
    assertThat(once.singleRead()).isTrue();
    assertThat(twice.vpdq().features()).hasSize(60);
    assertThat(once.vpdq()).isEqualTo(twice.vpdq()).isEqualTo(HASHER.hash(late));
    assertThat(twice.digests()).isEqualTo(digester.digest(late));
    assertThat(once.digests()).isEqualTo(digester.digest(early));
  }

  @Test
  void oneReadRefusesWhatIsNoVideoOrDamaged(@TempDir Path dir) throws Exception {
    Digester digester = Digester.of(DigestAlgorithm.MD5);
    Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n");
    assertThatThrownBy(() -> HASHER.hashWithDigests(text, digester, (d, t) -> { }))
        .isInstanceOf(NotAVideoException.class);
    byte[] all = Files.readAllBytes(video("pattern-sd-grey-bar"));
    Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(all, 200_000));
    assertThatThrownBy(() -> HASHER.hashWithDigests(cut, digester, (d, t) -> { }))
        .isInstanceOf(MalformedInputException.class).isNotInstanceOf(NotAVideoException.class)
        .hasMessageContaining("truncated or damaged");
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void aVideoIsFoundByItsContentNotItsName(@TempDir Path dir) throws Exception {
    Path bin = Files.copy(video("test-padded-dimensions"), dir.resolve("clip.bin"));
    assertThat(HASHER.hash(bin)).isEqualTo(HASHER.hash(video("test-padded-dimensions")));
  }

  @Test
  void anImageRenamedMp4IsNotAVideo(@TempDir Path dir) throws Exception {
    Path jpeg = dir.resolve("photo.mp4");
    Files.copy(TestData.resolve("pdq/images/reg-test-input/dih/bridge-1-original.jpg"), jpeg);
    assertThatThrownBy(() -> HASHER.hash(jpeg)).isInstanceOf(NotAVideoException.class)
        .hasMessageContaining("photo.mp4").hasMessageContaining("an image")
        .hasMessageContaining("not a video");
  }

  @Test
  void aTruncatedVideoIsRefused(@TempDir Path dir) throws Exception {
    byte[] all = Files.readAllBytes(video("pattern-sd-grey-bar"));
    Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(all, 200_000));
    assertThatThrownBy(() -> HASHER.hash(cut)).isInstanceOf(MalformedInputException.class)
        .isNotInstanceOf(NotAVideoException.class).hasMessageContaining("cut.mp4").hasMessageContaining("truncated or damaged")
        .hasMessageContaining("of 206 frames");
    // Cut before the index (the moov box): not readable as a video at all.
    Path head = Files.write(dir.resolve("head.mp4"), java.util.Arrays.copyOf(all, 30));
    assertThatThrownBy(() -> HASHER.hash(head)).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not a video");
  }

  @Test
  void anEmptyFileIsNotAVideo(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertThatThrownBy(() -> HASHER.hash(empty)).isInstanceOf(NotAVideoException.class)
        .hasMessageContaining("empty");
    Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n");
    assertThatThrownBy(() -> HASHER.hash(text)).isInstanceOf(NotAVideoException.class)
        .hasMessageContaining("not a video");
  }

  @Test
  void missingProgramsAreNamed() {
    assertThatThrownBy(() -> VideoHasher.builder().ffprobe("/nonexistent/ffprobe").build()
        .hash(video("test-padded-dimensions"))).isInstanceOf(VideoToolMissingException.class)
        .hasMessageContaining("/nonexistent/ffprobe").hasMessageContaining("apt install ffmpeg");
    assertThatThrownBy(() -> VideoHasher.builder().ffmpeg("/nonexistent/ffmpeg").build()
        .hash(video("test-padded-dimensions"))).isInstanceOf(VideoToolMissingException.class)
        .hasMessageContaining("/nonexistent/ffmpeg");
  }

  @Test
  void theTimeoutEndsFfmpeg() {
    assertThatThrownBy(() -> VideoHasher.builder().timeout(Duration.ofMillis(300)).build()
        .hash(video("pattern-hd-no-bar"))).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("did not finish");
  }

  @Test
  void theFrameLimitIsKept() {
    assertThatThrownBy(() -> VideoHasher.builder().maxFrames(10).build()
        .hash(video("test-padded-dimensions"))).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("more than 10 frames");
  }

  @Test
  void anInterruptEndsFfmpeg() throws Exception {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> HASHER.hash(video("pattern-hd-no-bar")))
          .hasMessageContaining("interrupted");
    } finally {
      Thread.interrupted();
    }
  }
}
