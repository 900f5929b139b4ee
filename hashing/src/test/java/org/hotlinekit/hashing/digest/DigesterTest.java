package org.hotlinekit.hashing.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.digest.DigestSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigesterTest {
  private static final Digester ALL =
      Digester.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256);

  /** RFC 1321 appendix A.5, FIPS 180-2 appendix B/C and the NIST example values. */
  static Stream<Arguments> standardVectors() {
    return Stream.of(
        Arguments.of(DigestAlgorithm.MD5, "", "d41d8cd98f00b204e9800998ecf8427e"),
        Arguments.of(DigestAlgorithm.MD5, "a", "0cc175b9c0f1b6a831c399e269772661"),
        Arguments.of(DigestAlgorithm.MD5, "abc", "900150983cd24fb0d6963f7d28e17f72"),
        Arguments.of(DigestAlgorithm.MD5, "message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        Arguments.of(
            DigestAlgorithm.MD5,
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a"),
        Arguments.of(DigestAlgorithm.SHA1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        Arguments.of(
            DigestAlgorithm.SHA1,
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        Arguments.of(
            DigestAlgorithm.SHA256,
            "abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Arguments.of(
            DigestAlgorithm.SHA256,
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
  }

  @ParameterizedTest
  @MethodSource("standardVectors")
  void matchesStandardVectors(DigestAlgorithm algorithm, String message, String expected) {
    DigestSet d = ALL.digest(message.getBytes(StandardCharsets.US_ASCII));
    assertThat(d.get(algorithm).orElseThrow().toString()).isEqualTo(expected);
  }

  @Test
  void millionAs() {
    byte[] a = new byte[1_000_000];
    java.util.Arrays.fill(a, (byte) 'a');
    DigestSet d = ALL.digest(new ByteArrayInputStream(a));
    assertThat(d.get(DigestAlgorithm.MD5).orElseThrow().toString())
        .isEqualTo("7707d6ae4e027c70eea2a935c2296f21");
    assertThat(d.get(DigestAlgorithm.SHA1).orElseThrow().toString())
        .isEqualTo("34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    assertThat(d.get(DigestAlgorithm.SHA256).orElseThrow().toString())
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  /** Streams, files, arrays and sessions fed in odd pieces all agree, across buffer boundaries. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, Digester.BUFFER_SIZE - 1, Digester.BUFFER_SIZE,
      Digester.BUFFER_SIZE + 1, 3 * Digester.BUFFER_SIZE + 17})
  void everyEntryPointAgrees(int size, @TempDir Path dir) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    DigestSet expected = ALL.digest(data);
    Path file = dir.resolve("f.bin");
    Files.write(file, data);
    assertThat(ALL.digest(file)).isEqualTo(expected);
    assertThat(ALL.digest(new TrickleInputStream(data))).isEqualTo(expected);
    Digester.Session s = ALL.newSession();
    Random r = new Random(size + 1);
    int off = 0;
    while (off < size) {
      int n = Math.min(size - off, 1 + r.nextInt(1000));
      if (r.nextBoolean()) {
        s.update(data, off, n);
      } else {
        s.update(ByteBuffer.wrap(data, off, n));
      }
      off += n;
    }
    assertThat(s.finish()).isEqualTo(expected);
  }

  @Test
  void sessionIsSingleUse() {
    Digester.Session s = ALL.newSession();
    s.finish();
    assertThatThrownBy(s::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.update(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyRequestedAlgorithms() {
    Digester d = Digester.of(List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA256));
    assertThat(d.algorithms()).containsExactly(DigestAlgorithm.SHA256);
    assertThat(d.digest(new byte[0]).algorithms()).containsExactly(DigestAlgorithm.SHA256);
    assertThatThrownBy(() -> Digester.of()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingFileAndDirectoryAreReadErrors(@TempDir Path dir) {
    assertThatThrownBy(() -> ALL.digest(dir.resolve("nope")))
        .isInstanceOf(InputReadException.class)
        .hasMessage("no such file");
    assertThatThrownBy(() -> ALL.digest(dir)).isInstanceOf(InputReadException.class);
  }

  /** Agrees with coreutils' md5sum, sha1sum and sha256sum on a file. */
  @Test
  void agreesWithCoreutils(@TempDir Path dir) throws Exception {
    byte[] data = new byte[300_001];
    new Random(5).nextBytes(data);
    Path file = dir.resolve("sample.bin");
    Files.write(file, data);
    DigestSet d = ALL.digest(file);
    assertThat(d.get(DigestAlgorithm.MD5).orElseThrow().toString()).isEqualTo(run("md5sum", file));
    assertThat(d.get(DigestAlgorithm.SHA1).orElseThrow().toString()).isEqualTo(run("sha1sum", file));
    assertThat(d.get(DigestAlgorithm.SHA256).orElseThrow().toString())
        .isEqualTo(run("sha256sum", file));
  }

  static String run(String tool, Path file) throws Exception {
    Process p = new ProcessBuilder(tool, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(tool + ": " + out).isZero();
    return out.substring(0, out.indexOf(' '));
  }

  /** Returns at most 7 bytes per read, to exercise partial reads. */
  private static final class TrickleInputStream extends InputStream {
    private final byte[] data;
    private int pos;

    TrickleInputStream(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 7), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
