package org.hotlinekit.hashing.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.testing.TestData;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaHasherTest {
  private static final Path BRIDGE =
      TestData.resolve("pdq/images/reg-test-input/dih/bridge-1-original.jpg");

  @Test
  void digestsAndPdqAgreeWithTheSeparateHashers() {
    MediaHasher hasher =
        MediaHasher.builder()
            .digests(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256)
            .pdq(true)
            .build();
    MediaHashes h = hasher.hash(BRIDGE);
    assertThat(h.digests())
        .isEqualTo(
            Digester.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256)
                .digest(BRIDGE));
    assertThat(h.pdq()).contains(PdqHasher.create().hashImage(BRIDGE));
    assertThat(h.dihedral()).isEmpty();
    assertThat(h.size()).isEqualTo(BRIDGE.toFile().length());
  }

  @Test
  void dihedralImpliesPdq() {
    MediaHashes h = MediaHasher.builder().dihedral(true).build().hash(BRIDGE);
    assertThat(h.digests().algorithms()).isEmpty();
    assertThat(h.dihedral()).isPresent();
    assertThat(h.pdq().orElseThrow().hash()).isEqualTo(h.dihedral().get().get(Dihedral.ORIG));
  }

  @Test
  void nonImagesNeedNoPdq(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
    MediaHashes h = MediaHasher.builder().digests(DigestAlgorithm.SHA256).build().hash(text);
    assertThat(h.digests().get(DigestAlgorithm.SHA256)).isPresent();
    assertThat(h.pdq()).isEmpty();
    assertThatThrownBy(() -> MediaHasher.builder().pdq(true).build().hash(text))
        .isInstanceOf(UnsupportedInputException.class);
  }

  @Test
  void imageFileSizeIsCapped(@TempDir Path dir) throws IOException {
    Path png = Files.write(dir.resolve("a.png"), TestImages.encode(TestImages.colour(64, 64, 1),
        "png"));
    MediaHasher small = MediaHasher.builder().pdq(true).maxImageFileBytes(100).build();
    assertThatThrownBy(() -> small.hash(png))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("over the limit of 100");
  }

  @Test
  void bytesAndFilesAgree() throws IOException {
    MediaHasher hasher = MediaHasher.builder().digests(DigestAlgorithm.MD5).pdq(true).build();
    MediaHashes fromFile = hasher.hash(BRIDGE);
    MediaHashes fromBytes = hasher.hash(Files.readAllBytes(BRIDGE));
    assertThat(fromBytes.digests()).isEqualTo(fromFile.digests());
    assertThat(fromBytes.pdq()).isEqualTo(fromFile.pdq());
  }

  @Test
  void directoriesAndMissingFilesAreReadErrors(@TempDir Path dir) {
    MediaHasher hasher = MediaHasher.builder().digests(DigestAlgorithm.MD5).build();
    assertThatThrownBy(() -> hasher.hash(dir))
        .isInstanceOf(InputReadException.class)
        .hasMessageContaining("directory");
    assertThatThrownBy(() -> hasher.hash(dir.resolve("missing")))
        .isInstanceOf(InputReadException.class)
        .hasMessage("no such file");
  }

  @Test
  void somethingMustBeRequested() {
    assertThatThrownBy(() -> MediaHasher.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
