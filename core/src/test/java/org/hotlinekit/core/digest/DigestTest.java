package org.hotlinekit.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  private static final String MD5_EMPTY = "d41d8cd98f00b204e9800998ecf8427e";

  @Test
  void parsesAndPrintsCanonicalLowercaseHex() {
    Digest d = Digest.parse(DigestAlgorithm.MD5, MD5_EMPTY.toUpperCase());
    assertThat(d.toString()).isEqualTo(MD5_EMPTY);
    assertThat(d.algorithm()).isEqualTo(DigestAlgorithm.MD5);
    assertThat(d.toByteArray()).hasSize(16).startsWith((byte) 0xd4, (byte) 0x1d);
  }

  @Test
  void infersAlgorithmFromLength() {
    assertThat(Digest.parse(MD5_EMPTY).algorithm()).isEqualTo(DigestAlgorithm.MD5);
    assertThat(Digest.parse("da39a3ee5e6b4b0d3255bfef95601890afd80709").algorithm())
        .isEqualTo(DigestAlgorithm.SHA1);
    assertThat(
            Digest.parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .algorithm())
        .isEqualTo(DigestAlgorithm.SHA256);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "d41d8cd98f00b204e9800998ecf8427",
        "d41d8cd98f00b204e9800998ecf8427e0",
        " d41d8cd98f00b204e9800998ecf8427e",
        "d41d8cd98f00b204e9800998ecf8427e ",
        "0xd41d8cd98f00b204e9800998ecf842",
        "g41d8cd98f00b204e9800998ecf8427e",
        "d41d8cd98f00b204e9800998ecf8427\u0660",
        "d41d8cd98f00b204-9800998ecf8427e"
      })
  void rejectsAnythingButExactHex(String text) {
    assertThatThrownBy(() -> Digest.parse(DigestAlgorithm.MD5, text))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("MD5 digest");
  }

  @Test
  void errorMessagesNameThePositionNotTheValue() {
    assertThatThrownBy(() -> Digest.parse(DigestAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427z"))
        .hasMessage("MD5 digest has a character that is not a hex digit at position 32");
    assertThatThrownBy(() -> Digest.parse("abc"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("got 3 characters");
  }

  @Test
  void ofChecksLengthAndCopies() {
    byte[] bytes = new byte[20];
    Digest d = Digest.of(DigestAlgorithm.SHA1, bytes);
    bytes[0] = 1;
    assertThat(d.toByteArray()[0]).isZero();
    assertThatThrownBy(() -> Digest.of(DigestAlgorithm.SHA256, bytes))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void equalityNeedsSameAlgorithmAndBytes() {
    Random r = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] a = new byte[32];
      r.nextBytes(a);
      byte[] b = a.clone();
      Digest da = Digest.of(DigestAlgorithm.SHA256, a);
      assertThat(da).isEqualTo(Digest.of(DigestAlgorithm.SHA256, b)).hasSameHashCodeAs(
          Digest.of(DigestAlgorithm.SHA256, b));
      b[r.nextInt(32)] ^= (byte) (1 << r.nextInt(8));
      assertThat(da).isNotEqualTo(Digest.of(DigestAlgorithm.SHA256, b));
      assertThat(Digest.parse(DigestAlgorithm.SHA256, da.toString())).isEqualTo(da);
    }
    byte[] sixteen = new byte[16];
    assertThat(Digest.of(DigestAlgorithm.MD5, sixteen)).isNotEqualTo(sixteen);
  }

  @Test
  void algorithmLookup() {
    assertThat(DigestAlgorithm.fromId("SHA-256")).contains(DigestAlgorithm.SHA256);
    assertThat(DigestAlgorithm.fromId("sha1")).contains(DigestAlgorithm.SHA1);
    assertThat(DigestAlgorithm.fromId("crc32")).isEmpty();
    assertThat(DigestAlgorithm.forHexLength(33)).isEmpty();
  }

  @Test
  void digestSetRejectsDuplicatesAndIsOrdered() {
    Digest md5 = Digest.parse(MD5_EMPTY);
    Digest sha1 = Digest.parse("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    DigestSet set = DigestSet.of(List.of(sha1, md5));
    assertThat(set.algorithms()).containsExactly(DigestAlgorithm.MD5, DigestAlgorithm.SHA1);
    assertThat(set.get(DigestAlgorithm.SHA256)).isEmpty();
    assertThat(set.get(DigestAlgorithm.MD5)).contains(md5);
    assertThatThrownBy(() -> DigestSet.of(List.of(md5, md5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DigestSet.of(List.of())).isSameAs(DigestSet.empty());
  }

  /** word(i) equals the bytes read as big-endian longs, zero-padded (SHA-1's last word). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void wordsAreTheBytesAsBigEndianLongs(long seed) {
    Random r = new Random(seed);
    for (DigestAlgorithm a : DigestAlgorithm.values()) {
      byte[] b = new byte[a.byteLength()];
      r.nextBytes(b);
      Digest d = Digest.of(a, b);
      byte[] padded = java.util.Arrays.copyOf(b, (b.length + 7) / 8 * 8);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(padded);
      for (int w = 0; w < padded.length / 8; w++) {
        assertThat(d.word(w)).isEqualTo(buf.getLong(8 * w));
      }
      assertThatThrownBy(() -> d.word(padded.length / 8))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> d.word(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }
}
