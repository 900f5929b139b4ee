package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder where half the images are in a list, some re-encoded, resized or mirrored: every listed
 * image is known (mirrored ones with dihedral matching), no unlisted image is.
 */
class TriageTest {
  @Test
  void listedImagesAreKnownAndOthersNew(@TempDir Path dir) throws IOException {
    MediaHasher listHasher =
        MediaHasher.builder().digests(DigestAlgorithm.MD5).pdq(true).build();
    List<HashListEntry> entries = new ArrayList<>();
    List<Path> listed = new ArrayList<>();
    List<Path> mirrored = new ArrayList<>();
    List<Path> unlisted = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      BufferedImage img = TestImages.colour(320, 240, 1000 + i);
      Path original = write(dir, "img-" + i + ".png", img, "png");
      if (i >= 12) {
        unlisted.add(original);
        continue;
      }
      // The list holds the original's MD5 and PDQ.
      MediaHashes h = listHasher.hash(original);
      entries.add(HashListEntry.builder("md5-" + i,
          HashValue.of(h.digests().get(DigestAlgorithm.MD5).orElseThrow())).label("A1").build());
      entries.add(HashListEntry.builder("pdq-" + i, HashValue.of(h.pdq().orElseThrow().hash()))
          .quality(h.pdq().orElseThrow().quality()).label("A1").build());
      listed.add(original);
      switch (i % 4) {
        case 0:
          listed.add(write(dir, "img-" + i + "-reencoded.jpg", img, "jpeg"));
          break;
        case 1:
          listed.add(write(dir, "img-" + i + "-resized.png", resize(img, 250, 190), "png"));
          break;
        case 2:
          mirrored.add(write(dir, "img-" + i + "-mirrored.png", mirror(img), "png"));
          break;
        default:
          break;
      }
    }
    Matcher matcher = Matcher.builder().list(new HashList("test-list", "generated", entries))
        .build();
    Triage triage = new Triage(
        MediaHasher.builder().digests(DigestAlgorithm.MD5).dihedral(true).build(), matcher);
    for (Path p : listed) {
      Triage.Outcome o = triage.triage(p);
      assertThat(o.status()).as(p.getFileName().toString()).isEqualTo(Triage.Status.KNOWN);
      assertThat(o.matches()).allMatch(m -> m.list().equals("test-list"))
          .allMatch(m -> m.entry().label().orElseThrow().equals("A1"));
    }
    for (Path p : mirrored) {
      Triage.Outcome o = triage.triage(p);
      assertThat(o.status()).as(p.getFileName().toString()).isEqualTo(Triage.Status.KNOWN);
      assertThat(o.matches()).extracting(Match::variant).contains(Dihedral.FLIPY);
    }
    for (Path p : unlisted) {
      assertThat(triage.triage(p).status()).as(p.getFileName().toString())
          .isEqualTo(Triage.Status.NEW);
    }
    // The exact copies match on MD5 at distance 0 as well as on PDQ.
    Triage.Outcome exact = triage.triage(listed.get(0));
    assertThat(exact.matches()).extracting(m -> m.entry().id()).contains("md5-0", "pdq-0");
    // Not an image: matched on its digests, but PDQ was asked for and could not be computed, so
    // it is not "new": unverified, with the reason.
    Path notImage = Files.write(dir.resolve("notes.txt"), new byte[] {1, 2, 3});
    Triage.Outcome text = triage.triage(notImage);
    assertThat(text.status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(text.reason().orElseThrow()).startsWith("PDQ not computed: not a supported image");
    // A truncated image: unverified too, with why PDQ is missing.
    byte[] png = Files.readAllBytes(listed.get(0));
    Path broken = Files.write(dir.resolve("broken.png"), java.util.Arrays.copyOf(png, 100));
    Triage.Outcome unverified = triage.triage(broken);
    assertThat(unverified.status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(unverified.reason().orElseThrow()).startsWith("PDQ not computed: ")
        .contains("PNG");
    // A file that cannot be read: failed.
    Triage.Outcome missing = triage.triage(dir.resolve("missing.png"));
    assertThat(missing.status()).isEqualTo(Triage.Status.FAILED);
    assertThat(missing.reason()).contains("no such file");
  }

  /** Digests need no decoding: a listed file that cannot be decoded is still known by its MD5. */
  @Test
  void anUndecodableFileOnTheListIsKnownByItsDigest(@TempDir Path dir) throws IOException {
    byte[] png = TestImages.encode(TestImages.colour(200, 150, 7), "png");
    Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(png, 300));
    Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
    Path text = Files.write(dir.resolve("notes.txt"), new byte[] {1, 2, 3});
    List<HashListEntry> entries = new ArrayList<>();
    MediaHasher md5 = MediaHasher.builder().digests(DigestAlgorithm.MD5).build();
    for (Path p : List.of(truncated, empty, text)) {
      entries.add(HashListEntry.builder(p.getFileName().toString(),
          HashValue.of(md5.hash(p).digests().get(DigestAlgorithm.MD5).orElseThrow())).build());
    }
    Triage triage = new Triage(MediaHasher.builder().digests(DigestAlgorithm.MD5).dihedral(true)
        .build(), Matcher.builder().list(new HashList("l", "t", entries)).build());
    for (Path p : List.of(truncated, empty, text)) {
      Triage.Outcome o = triage.triage(p);
      assertThat(o.status()).as(p.getFileName().toString()).isEqualTo(Triage.Status.KNOWN);
      assertThat(o.matches()).extracting(m -> m.entry().id())
          .containsExactly(p.getFileName().toString());
    }
    // Over the pixel cap: still known by its MD5.
    Triage capped = new Triage(MediaHasher.builder().digests(DigestAlgorithm.MD5)
        .pdqHasher(org.hotlinekit.hashing.pdq.PdqHasher.builder().maxPixels(100).build())
        .pdq(true).build(), Matcher.builder().list(new HashList("l", "t", List.of(
            HashListEntry.builder("big", HashValue.of(md5.hash(write(dir, "big.png",
                TestImages.colour(200, 150, 8), "png")).digests().get(DigestAlgorithm.MD5)
                .orElseThrow())).build()))).build());
    assertThat(capped.triage(dir.resolve("big.png")).status()).isEqualTo(Triage.Status.KNOWN);
  }

  @Test
  void weakPdqHashesAreNotMatchedAndTheResultSaysSo(@TempDir Path dir) throws IOException {
    BufferedImage flat = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
    Path file = write(dir, "flat.png", flat, "png");
    MediaHashes h = MediaHasher.builder().pdq(true).build().hash(file);
    assertThat(h.pdq().orElseThrow().quality()).isLessThan(50);
    HashList list = new HashList("l", "t", List.of(
        HashListEntry.builder("p", HashValue.of(h.pdq().orElseThrow().hash())).build()));
    Matcher.Result gated = Matcher.builder().list(list).build().match(h);
    assertThat(gated.known()).isFalse();
    assertThat(gated.pdqBelowQuality()).isTrue();
    Matcher.Result open = Matcher.builder().list(list).minQuality(0).build().match(h);
    assertThat(open.known()).isTrue();
    // Triage does not call it new: the check "new" depends on could not run.
    Triage.Outcome o = new Triage(MediaHasher.builder().pdq(true).build(),
        Matcher.builder().list(new HashList("other", "t", List.of(HashListEntry.builder("x",
            HashValue.of(org.hotlinekit.core.pdq.PdqHash.zero())).build()))).build())
        .triage(file);
    assertThat(o.status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(o.pdqBelowQuality()).isTrue();
    assertThat(o.reason().orElseThrow()).contains("too weak to match");
  }

  private static Path write(Path dir, String name, BufferedImage img, String format)
      throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, TestImages.encode(img, format));
    return p;
  }

  private static BufferedImage resize(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  private static BufferedImage mirror(BufferedImage src) {
    int w = src.getWidth();
    BufferedImage out = new BufferedImage(w, src.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(w - 1 - x, y, src.getRGB(x, y));
      }
    }
    return out;
  }
}
