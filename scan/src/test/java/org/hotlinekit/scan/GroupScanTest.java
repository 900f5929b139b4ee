package org.hotlinekit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.digest.Digester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicate groups in a scan: planted resized, re-encoded, cropped and mirrored copies of
 * new pictures are grouped exactly as comparing every pair of new items would group them, with
 * exact copies joining their first's group, the representative and the review order as stated.
 */
class GroupScanTest {
  static BufferedImage scaled(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  static BufferedImage cropped(BufferedImage src, double share) {
    int dx = (int) (src.getWidth() * share);
    int dy = (int) (src.getHeight() * share);
    return scaled(src.getSubimage(dx, dy, src.getWidth() - 2 * dx, src.getHeight() - 2 * dy),
        src.getWidth() - 2 * dx, src.getHeight() - 2 * dy);
  }

  static BufferedImage mirrored(BufferedImage src) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        out.setRGB(src.getWidth() - 1 - x, y, src.getRGB(x, y));
      }
    }
    return out;
  }

  @Test
  void plantedCopiesAreGroupedAsAllPairsWouldGroupThem(@TempDir Path dir) throws IOException {
    Path c = Files.createDirectories(dir.resolve("seized"));
    BufferedImage a = ScanTest.blocks(21, 320, 240);
    BufferedImage b = ScanTest.blocks(22, 256, 256);
    ImageIO.write(a, "png", c.resolve("a.png").toFile());
    ImageIO.write(scaled(a, 160, 120), "png", c.resolve("a-small.png").toFile());
    ImageIO.write(a, "jpeg", c.resolve("a.jpg").toFile());
    // PDQ is sensitive to crops: 1 % on each side is about 24 bits here, 3 % about 60.
    ImageIO.write(cropped(a, 0.01), "png", c.resolve("a-crop.png").toFile());
    ImageIO.write(mirrored(a), "png", c.resolve("a-mirror.png").toFile());
    ImageIO.write(b, "png", c.resolve("b.png").toFile());
    ImageIO.write(scaled(b, 128, 128), "jpeg", c.resolve("b-small.jpg").toFile());
    ImageIO.write(ScanTest.blocks(23, 200, 200), "png", c.resolve("c.png").toFile());
    ImageIO.write(ScanTest.blocks(24, 200, 200), "png", c.resolve("listed.png").toFile());
    Files.copy(c.resolve("b.png"), c.resolve("b-copy.png"));
    HashValue listedMd5 = HashValue.of(Digester.of(DigestAlgorithm.MD5)
        .digest(c.resolve("listed.png")).get(DigestAlgorithm.MD5).orElseThrow());
    HashList list = new HashList("l", "l", List.of(HashListEntry.builder("x", listedMd5)
        .build()));

    ScanResult r = Scan.builder().list(list).group(31).build().run(List.of(c));
    Map<String, ScanItem> items = new HashMap<>();
    r.items().forEach(it -> items.put(it.name(), it));
    assertThat(items.get("seized/listed.png").group()).isEmpty(); // known: not for review

    // The oracle: all pairs of new contents, any variant of one against the other's original.
    List<ScanItem> fresh = r.items().stream().filter(it -> it.status() == Triage.Status.NEW
        && it.sameAs().isEmpty()).toList();
    int n = fresh.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      DihedralPdqHashes hi = fresh.get(i).outcome().hashes().orElseThrow().dihedral()
          .orElseThrow();
      for (int j = 0; j < n; j++) {
        DihedralPdqHashes hj = fresh.get(j).outcome().hashes().orElseThrow().dihedral()
            .orElseThrow();
        for (Dihedral v : Dihedral.values()) {
          if (i != j && hi.get(v).hammingDistance(hj.get(Dihedral.ORIG)) <= 31) {
            NearDuplicateGroupsOracle.union(parent, i, j);
          }
        }
      }
    }
    Map<Integer, Set<String>> expected = new HashMap<>();
    for (int i = 0; i < n; i++) {
      expected.computeIfAbsent(NearDuplicateGroupsOracle.find(parent, i), k -> new HashSet<>())
          .add(fresh.get(i).name());
    }
    Set<Set<String>> got = new HashSet<>();
    for (ScanGroup g : r.groups()) {
      Set<String> members = new HashSet<>();
      g.members().forEach(m -> members.add(m.name()));
      // Exact copies are not distinct contents.
      members.removeIf(m -> items.get(m).sameAs().isPresent());
      got.add(members);
    }
    assertThat(got).as("groups %s", r.groups()).isEqualTo(new HashSet<>(expected.values()));

    // The planted families were found: a's five variants, b with its copies.
    assertThat(items.get("seized/a-small.png").group()).isEqualTo(items.get("seized/a.png")
        .group());
    for (String s : List.of("a.jpg", "a-crop.png", "a-mirror.png")) {
      assertThat(items.get("seized/" + s).group()).as(s)
          .isEqualTo(items.get("seized/a.png").group());
    }
    // b-copy.png comes first in scan order: b.png is the copy.
    assertThat(items.get("seized/b.png").sameAs()).contains("seized/b-copy.png");
    assertThat(items.get("seized/b-copy.png").group()).isEqualTo(items.get("seized/b.png")
        .group());
    assertThat(items.get("seized/c.png").group()).isNotEqualTo(items.get("seized/a.png")
        .group());

    // Review order: the largest group first; its representative has the highest quality, then
    // the most pixels; every new item is in exactly one group.
    ScanGroup first = r.groups().get(0);
    assertThat(first.id()).isEqualTo("g-1");
    assertThat(first.size()).isEqualTo(5);
    assertThat(first.members()).extracting(ScanGroup.Member::name).containsExactlyInAnyOrder(
        "seized/a.png", "seized/a-small.png", "seized/a.jpg", "seized/a-crop.png",
        "seized/a-mirror.png");
    assertThat(items.get(first.representative()).group()).contains("g-1");
    for (int k = 1; k < r.groups().size(); k++) {
      assertThat(r.groups().get(k).size()).isLessThanOrEqualTo(r.groups().get(k - 1).size());
    }
    int maxQuality = first.members().stream().mapToInt(m -> items.get(m.name()).outcome()
        .hashes().orElseThrow().pdq().orElseThrow().quality()).max().orElseThrow();
    assertThat(first.quality()).isEqualTo(maxQuality);
    assertThat(first.members().get(0).name()).isEqualTo(first.representative());
    assertThat(first.members().get(0).distance()).isZero();
    long newItems = r.items().stream().filter(it -> it.status() == Triage.Status.NEW).count();
    assertThat(r.groups().stream().mapToInt(ScanGroup::size).sum()).isEqualTo((int) newItems);
    assertThat(r.items().stream().filter(it -> it.status() == Triage.Status.NEW)
        .allMatch(it -> it.group().isPresent())).isTrue();

    // Without grouping, no group.
    assertThat(Scan.builder().list(list).build().run(List.of(c)).groups()).isEmpty();
  }

  /** Union-find for the oracle. */
  static final class NearDuplicateGroupsOracle {
    private NearDuplicateGroupsOracle() {}

    static int find(int[] p, int x) {
      while (p[x] != x) {
        x = p[x];
      }
      return x;
    }

    static void union(int[] p, int a, int b) {
      p[find(p, a)] = find(p, b);
    }
  }
}
