package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.media.MediaFiles;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one entry point to triage: lists by path (format detected) or index file, and options. */
class TriageBuilderTest {
  @Test
  void listsByPathAndIndexFilesWithTheirOptions(@TempDir Path dir) throws Exception {
    // 320 wide: an odd filter window (ceil(320/128) = 3), so the mirror image hashes exactly as
    // the flipped hash (with an even window PDQ's dihedral hashes are only approximate).
    BufferedImage img = TestImages.colour(320, 240, 5);
    Path original = Files.write(dir.resolve("a.png"), TestImages.encode(img, "png"));
    BufferedImage mirrored = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 240; y++) {
      for (int x = 0; x < 320; x++) {
        mirrored.setRGB(319 - x, y, img.getRGB(x, y));
      }
    }
    Path mirror = Files.write(dir.resolve("b.png"), TestImages.encode(mirrored, "png"));
    HashValue pdq = HashValue.of(PdqHasher.create().hashImage(original).hash());
    Path list = dir.resolve("list.jsonl");
    HashListFormat.jsonLines().write(List.of(HashListEntry.builder("a", pdq).build()), list);
    Path index = dir.resolve("list.hlx");
    IndexedList.of(new HashList("indexed", "t", List.of(HashListEntry.builder("a", pdq).build())))
        .writeTo(index);

    Triage byPath = Triage.builder().list(list).build();
    assertThat(byPath.triage(mirror).status()).isEqualTo(Triage.Status.KNOWN);
    assertThat(byPath.triage(mirror).matches()).extracting(Match::list)
        .containsExactly("list.jsonl");
    Triage plain = Triage.builder().index(index).dihedral(false).build();
    assertThat(plain.triage(original).status()).isEqualTo(Triage.Status.KNOWN);
    assertThat(plain.triage(mirror).status()).isEqualTo(Triage.Status.NEW);
    // A walked entry with a problem is a failed outcome.
    Path missing = dir.resolve("missing.png");
    Triage.Outcome o = plain.triage(MediaFiles.walk(List.of(missing)).get(0));
    assertThat(o.status()).isEqualTo(Triage.Status.FAILED);

    assertThatThrownBy(() -> Triage.builder().maxDistance(64))
        .isInstanceOf(IllegalArgumentException.class);
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    assertThatThrownBy(() -> Triage.builder().list(empty, HashListFormat.jsonLines()).build())
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("has no entries");
  }
}
