package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.hotlinekit.hashing.testing.TestImages;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Triage against a simple model. A generated folder holds originals, their re-encodings in every
 * supported format and depth, truncated copies and non-images; the list holds the listed
 * originals' MD5 and PDQ. Whatever the folder, (1) an item whose MD5 is on the list, or whose PDQ
 * (computed by the plain hasher, quality at least 50) is within 31 of a listed PDQ, is known; (2)
 * an item is new only if its MD5 and a matchable PDQ were both computed; (3) an item is known only
 * if one of its hashes matches. The model uses MessageDigest and a brute-force distance scan.
 */
class TriageOracleTest {
  private static final String[] FORMATS = {"png", "jpeg", "gif", "bmp", "tiff", "png16",
    "tiff16"};

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void nothingOnTheListComesOutNewAndNothingUncheckedIsNew(long seed, @TempDir Path dir)
      throws Exception {
    Random random = new Random(seed);
    List<Path> files = new ArrayList<>();
    List<HashListEntry> entries = new ArrayList<>();
    List<PdqHash> listedPdq = new ArrayList<>();
    Set<String> listedMd5 = new TreeSet<>();
    PdqHasher pdq = PdqHasher.create();
    for (int i = 0; i < 8; i++) {
      BufferedImage img = TestImages.colour(120 + random.nextInt(300), 90 + random.nextInt(200),
          seed * 100 + i);
      Path original = Files.write(dir.resolve("orig-" + i + ".png"), TestImages.encode(img,
          "png"));
      files.add(original);
      boolean listed = i % 2 == 0;
      if (listed) {
        String md5 = md5(original);
        PdqHashWithQuality p = pdq.hashImage(original);
        listedMd5.add(md5);
        listedPdq.add(p.hash());
        entries.add(HashListEntry.builder("md5-" + i, HashValue.parse(
            org.hotlinekit.core.hash.HashType.MD5, md5)).build());
        entries.add(HashListEntry.builder("pdq-" + i, HashValue.of(p.hash())).build());
      }
      for (String format : FORMATS) {
        byte[] encoded = encode(img, format);
        Path copy = Files.write(dir.resolve("copy-" + i + "." + format), encoded);
        files.add(copy);
        // A truncated copy of some re-encodings, and the truncated original's bytes listed by
        // MD5 for others: known by digest although it cannot be decoded.
        if (random.nextInt(3) == 0) {
          byte[] cut = Arrays.copyOf(encoded, Math.max(1, encoded.length / (2 + random.nextInt(4))));
          Path truncated = Files.write(dir.resolve("cut-" + i + "." + format), cut);
          files.add(truncated);
          if (listed && random.nextBoolean()) {
            String md5 = md5(truncated);
            listedMd5.add(md5);
            entries.add(HashListEntry.builder("cut-" + i + "-" + format, HashValue.parse(
                org.hotlinekit.core.hash.HashType.MD5, md5)).build());
          }
        }
      }
    }
    byte[] noise = new byte[5000];
    random.nextBytes(noise);
    files.add(Files.write(dir.resolve("noise.bin"), noise));
    files.add(Files.writeString(dir.resolve("notes.txt"), "not an image"));
    files.add(Files.write(dir.resolve("empty.png"), new byte[0]));
    Path listedText = Files.writeString(dir.resolve("listed.txt"), "a listed non-image");
    files.add(listedText);
    listedMd5.add(md5(listedText));
    entries.add(HashListEntry.builder("text", HashValue.parse(
        org.hotlinekit.core.hash.HashType.MD5, md5(listedText))).build());

    Triage triage = new Triage(MediaHasher.builder().digests(DigestAlgorithm.MD5).dihedral(true)
        .build(), Matcher.builder().list(new HashList("list", "generated", entries)).build());
    int known = 0;
    int isNew = 0;
    int unverified = 0;
    for (Path f : files) {
      Triage.Outcome o = triage.triage(f);
      String md5 = md5(f);
      PdqHashWithQuality p = null;
      try {
        p = pdq.hashImage(f);
      } catch (HotlinekitException notHashable) {
        // The model has no PDQ for it either.
      }
      boolean matchable = p != null && p.quality() >= 50;
      final PdqHashWithQuality fp = p;
      boolean onList = listedMd5.contains(md5) || (matchable && listedPdq.stream()
          .anyMatch(l -> l.hammingDistance(fp.hash()) <= 31));
      String name = f.getFileName().toString();
      if (onList) {
        assertThat(o.status()).as(name + " is on the list").isEqualTo(Triage.Status.KNOWN);
      }
      if (o.status() == Triage.Status.NEW) {
        assertThat(matchable).as(name + " came out new without a matchable PDQ").isTrue();
      }
      if (o.status() == Triage.Status.KNOWN) {
        assertThat(o.matches()).isNotEmpty();
        known++;
      } else if (o.status() == Triage.Status.NEW) {
        isNew++;
      } else {
        assertThat(o.status()).as(name).isEqualTo(Triage.Status.UNVERIFIED);
        assertThat(o.reason()).isPresent();
        unverified++;
      }
    }
    // The folder exercises every outcome.
    assertThat(known).isPositive();
    assertThat(isNew).isPositive();
    assertThat(unverified).isPositive();
  }

  private static String md5(Path f) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(
          Files.readAllBytes(f)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] encode(BufferedImage img, String format) {
    if (format.endsWith("16")) {
      return TestImages.encode(sixteenBit(img), format.substring(0, format.length() - 2));
    }
    if (format.equals("jpeg") || format.equals("bmp")) {
      BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(),
          BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(img, 0, 0, null);
      return TestImages.encode(rgb, format);
    }
    return TestImages.encode(img, format);
  }

  private static BufferedImage sixteenBit(BufferedImage src) {
    ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
        false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster r = cm.createCompatibleWritableRaster(src.getWidth(), src.getHeight());
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        int rgb = src.getRGB(x, y);
        r.setSample(x, y, 0, ((rgb >> 16) & 0xff) * 257);
        r.setSample(x, y, 1, ((rgb >> 8) & 0xff) * 257);
        r.setSample(x, y, 2, (rgb & 0xff) * 257);
      }
    }
    return new BufferedImage(cm, r, false, null);
  }
}
