package org.hotlinekit.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files FFmpeg can decode from a stream, from their box headers only; which may be videos. */
class StreamsTest {
  static byte[] box(String type, long length, boolean large) {
    ByteBuffer b = ByteBuffer.allocate(large ? 16 : 8);
    if (large) {
      b.putInt(1).put(type.getBytes(StandardCharsets.ISO_8859_1)).putLong(length);
    } else {
      b.putInt((int) length).put(type.getBytes(StandardCharsets.ISO_8859_1));
    }
    return b.array();
  }

  static Path file(Path dir, String name, byte[]... parts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p);
    }
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  @Test
  void theIndexBeforeTheMediaDataStreams(@TempDir Path dir) throws Exception {
    byte[] ftyp = new byte[24];
    System.arraycopy(box("ftyp", 24, false), 0, ftyp, 0, 8);
    System.arraycopy("isom".getBytes(StandardCharsets.ISO_8859_1), 0, ftyp, 8, 4);
    assertThat(Streams.decodableFromStream(file(dir, "a.mp4", ftyp, box("moov", 8, false),
        box("mdat", 8, false)))).isTrue();
    assertThat(Streams.decodableFromStream(file(dir, "b.mp4", ftyp, box("mdat", 8, false),
        box("moov", 8, false)))).isFalse();
    // A 64-bit box size before the index is walked over.
    byte[] free = new byte[32];
    System.arraycopy(box("free", 32, true), 0, free, 0, 16);
    assertThat(Streams.decodableFromStream(file(dir, "c.mp4", ftyp, free, box("moov", 8,
        false)))).isTrue();
    // Sizes that run off the end, to the end (0), or are too small to be a box: not streamed.
    assertThat(Streams.decodableFromStream(file(dir, "d.mp4", ftyp, box("free", 0, false))))
        .isFalse();
    assertThat(Streams.decodableFromStream(file(dir, "e.mp4", ftyp, box("free", 3, false))))
        .isFalse();
    assertThat(Streams.decodableFromStream(file(dir, "f.mp4", ftyp, box("free", 1L << 40, true),
        box("moov", 8, false)))).isFalse();
    assertThat(VideoHasher.mayBeVideo(dir.resolve("a.mp4"))).isTrue();
  }

  @Test
  void theSampleVideosAndOtherFiles(@TempDir Path dir) throws Exception {
    assertThat(Streams.decodableFromStream(TestData.resolve("vpdq/videos/pattern-sd-grey-bar.mp4")))
        .isTrue();
    assertThat(Streams.decodableFromStream(
        TestData.resolve("vpdq/videos/test-padded-dimensions.mp4"))).isFalse();
    Path jpeg = TestData.resolve("pdq/images/reg-test-input/dih/bridge-1-original.jpg");
    assertThat(Streams.decodableFromStream(jpeg)).isFalse();
    assertThat(VideoHasher.mayBeVideo(jpeg)).isFalse();
    byte[] heic = new byte[24];
    System.arraycopy(box("ftyp", 24, false), 0, heic, 0, 8);
    System.arraycopy("heic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 8, 4);
    assertThat(VideoHasher.mayBeVideo(file(dir, "photo.heic", heic))).isFalse();
    assertThat(VideoHasher.mayBeVideo(file(dir, "webm", new byte[] {0x1a, 0x45, (byte) 0xdf,
        (byte) 0xa3, 0}))).isTrue();
    assertThat(VideoHasher.mayBeVideo(file(dir, "empty"))).isFalse();
    assertThat(VideoHasher.mayBeVideo(dir.resolve("missing"))).isFalse();
  }
}
