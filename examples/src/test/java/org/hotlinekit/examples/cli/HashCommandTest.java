package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.examples.SampleImages;
import org.hotlinekit.hashing.digest.Digester;
import org.hotlinekit.hashing.pdq.PdqHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HashCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path SAMPLES = Path.of("samples");

  @Test
  void tsvOnTheBundledSamplesAgreesWithTheLibrary() throws IOException {
    CliRun run = CliRun.of("hash", "--no-progress", SAMPLES.toString());
    // The truncated JPEG cannot be decoded: its row has the digests and the error; exit 1.
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("hotlinekit: " + SAMPLES.resolve(SampleImages.TRUNCATED)
        + ": truncated JPEG: the data ends before the image is complete\n");
    List<String> lines = new ArrayList<>(run.outLines());
    assertThat(lines.get(0)).isEqualTo("path\tmd5\tsha1\tsha256\tpdq\tquality\tnote\terror");
    List<String> names = new ArrayList<>(SampleImages.samples().keySet());
    names.sort(null);
    assertThat(lines).hasSize(names.size() + 2);
    String[] truncated = lines.remove(lines.size() - 1).split("\t", -1);
    assertThat(truncated[0]).isEqualTo(SAMPLES.resolve(SampleImages.TRUNCATED).toString());
    assertThat(truncated[1]).isEqualTo(coreutils("md5sum", SAMPLES.resolve(
        SampleImages.TRUNCATED)));
    assertThat(truncated[4]).isEmpty();
    assertThat(truncated[7]).contains("truncated JPEG");
    Digester digester =
        Digester.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256);
    for (int i = 0; i < names.size(); i++) {
      String[] f = lines.get(i + 1).split("\t", -1);
      Path file = SAMPLES.resolve(names.get(i));
      assertThat(f[0]).isEqualTo(file.toString());
      var d = digester.digest(file);
      assertThat(f[1]).isEqualTo(d.get(DigestAlgorithm.MD5).orElseThrow().toString());
      assertThat(f[2]).isEqualTo(d.get(DigestAlgorithm.SHA1).orElseThrow().toString());
      assertThat(f[3]).isEqualTo(d.get(DigestAlgorithm.SHA256).orElseThrow().toString());
      // ... and with coreutils.
      assertThat(f[1]).isEqualTo(coreutils("md5sum", file));
      assertThat(f[2]).isEqualTo(coreutils("sha1sum", file));
      assertThat(f[3]).isEqualTo(coreutils("sha256sum", file));
      var pdq = PdqHasher.create().hashImage(file);
      assertThat(f[4]).isEqualTo(pdq.hash().toString());
      assertThat(f[5]).isEqualTo(Integer.toString(pdq.quality()));
      assertThat(f[6]).isEmpty();
      assertThat(f[7]).isEmpty();
    }
  }

  private static String coreutils(String tool, Path file) {
    return org.hotlinekit.examples.Coreutils.digest(tool, file);
  }

  @Test
  void jsonlWithDihedralOnAHundredImagesPrintsAHundredLines(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 100; i++) {
      BufferedImage img = SampleImages.tiles(80 + i, 60 + (i % 7), i);
      Path sub = dir.resolve("batch-" + (i % 3));
      Files.createDirectories(sub);
      ImageIO.write(img, "png", sub.resolve(String.format("img-%03d.png", i)).toFile());
    }
    CliRun run = CliRun.of("hash", "--algorithms", "pdq", "--dihedral", "--format", "jsonl",
        "--no-progress", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(100);
    List<String> paths = new ArrayList<>();
    for (String line : run.outLines()) {
      JsonNode n = JSON.readTree(line);
      List<String> keys = new ArrayList<>();
      n.propertyNames().forEach(keys::add);
      assertThat(keys).containsExactly("path", "pdq", "quality", "dihedral");
      paths.add(n.get("path").asString());
      DihedralPdqHashes expected = PdqHasher.create().hashImageDihedral(Path.of(paths.get(
          paths.size() - 1)));
      for (Dihedral d : Dihedral.values()) {
        assertThat(n.get("dihedral").get(d.referenceName()).asString())
            .isEqualTo(expected.get(d).toString());
      }
      assertThat(n.get("pdq").asString()).isEqualTo(expected.get(Dihedral.ORIG).toString());
      assertThat(n.get("quality").asInt()).isEqualTo(expected.quality());
    }
    // Walked in sorted order: batch-0 first, files sorted within each folder.
    List<String> sorted = new ArrayList<>(paths);
    sorted.sort(null);
    assertThat(paths).isEqualTo(sorted);
  }

  @Test
  void badInputsAreReportedAndTheOthersStillHashed(@TempDir Path dir) throws IOException {
    Path good = Files.copy(SAMPLES.resolve("tiles.png"), dir.resolve("a-good.png"));
    byte[] jpeg = Files.readAllBytes(SAMPLES.resolve("tiles.jpg"));
    Files.write(dir.resolve("b-truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
    Files.write(dir.resolve("c-empty.jpg"), new byte[0]);
    byte[] noise = new byte[1000];
    new java.util.Random(1).nextBytes(noise);
    noise[0] = 0;
    Files.write(dir.resolve("d-noise.png"), noise);
    Files.write(dir.resolve("e-huge.png"), HugePng.header(100_000, 100_000));
    Path good2 = Files.copy(SAMPLES.resolve("stripes.gif"), dir.resolve("f-good.gif"));
    Path missing = dir.resolve("g-missing.png");

    CliRun run = CliRun.of("hash", "--format", "jsonl", "--no-progress", dir.toString(),
        missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    Map<String, String> notes = new java.util.LinkedHashMap<>();
    Map<String, String> md5s = new java.util.LinkedHashMap<>();
    List<String> hashed = new ArrayList<>();
    for (String line : run.outLines()) {
      JsonNode n = JSON.readTree(line);
      String name = Path.of(n.get("path").asString()).getFileName().toString();
      if (n.has("md5")) {
        md5s.put(name, n.get("md5").asString());
      }
      if (n.has("error")) {
        errors.put(name, n.get("error").asString());
      } else if (n.has("note")) {
        notes.put(name, n.get("note").asString());
      } else {
        hashed.add(n.get("path").asString());
      }
    }
    assertThat(hashed).containsExactly(good.toString(), good2.toString());
    assertThat(errors).containsOnlyKeys("b-truncated.jpg", "c-empty.jpg", "e-huge.png",
        "g-missing.png");
    assertThat(errors.get("b-truncated.jpg")).contains("truncated JPEG");
    assertThat(errors.get("c-empty.jpg")).isEqualTo("empty file: not an image");
    assertThat(errors.get("e-huge.png")).contains("over the limit").contains("--max-pixels")
        .doesNotContain("maxPixels");
    assertThat(errors.get("g-missing.png")).isEqualTo("no such file or directory");
    // Not an image: its digests, and a note that PDQ does not apply (not a failure).
    assertThat(notes).containsOnlyKeys("d-noise.png");
    assertThat(notes.get("d-noise.png")).startsWith("PDQ does not apply")
        .contains("not JPEG, PNG, GIF, BMP, WebP or TIFF");
    // Digests need no decoding: every file that exists has its MD5, as md5sum computes it.
    for (String name : List.of("a-good.png", "b-truncated.jpg", "c-empty.jpg", "d-noise.png",
        "e-huge.png", "f-good.gif")) {
      assertThat(md5s.get(name)).as(name).isEqualTo(coreutils("md5sum", dir.resolve(name)));
    }
    assertThat(md5s).doesNotContainKey("g-missing.png");
    // One clear line per failure on stderr, no stack trace.
    assertThat(run.err().lines().filter(l -> l.startsWith("hotlinekit: "))).hasSize(4);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void verbosePrintsStackTraces(@TempDir Path dir) throws IOException {
    Path binary = Files.write(dir.resolve("list.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 1});
    CliRun quiet = CliRun.of("match", "--list", binary.toString(), SAMPLES.toString());
    assertThat(quiet.exitCode()).isEqualTo(1);
    assertThat(quiet.err()).doesNotContain("\tat ");
    CliRun run = CliRun.of("match", "--verbose", "--list", binary.toString(), SAMPLES.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("MalformedInputException").contains("\tat ");
  }

  @Test
  void unreadableDirectoryThroughTheRealFileSystem(@TempDir Path dir) throws IOException {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.copy(SAMPLES.resolve("tiles.png"), locked.resolve("x.png"));
    Files.copy(SAMPLES.resolve("tiles.png"), dir.resolve("open.png"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");
      CliRun run = CliRun.of("hash", "--algorithms", "md5", "--no-progress", dir.toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("locked: cannot read directory: permission denied");
      assertThat(run.out()).contains("open.png\t");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void digestsOnlyWorkOnAnyFile(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    CliRun run = CliRun.of("hash", "--algorithms", "md5,sha256", "--format", "jsonl",
        text.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode n = JSON.readTree(run.out());
    assertThat(n.get("md5").asString()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
    assertThat(n.has("pdq")).isFalse();
    assertThat(n.has("sha1")).isFalse();
  }

  @Test
  void tsvEscapesAwkwardPaths(@TempDir Path dir) throws IOException {
    Path odd = Files.copy(SAMPLES.resolve("tiles.png"), dir.resolve("tab\there.png"));
    CliRun run = CliRun.of("hash", "--algorithms", "md5", odd.toString());
    assertThat(run.outLines().get(1)).startsWith(odd.toString().replace("\t", "\\t") + "\t");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliRun.of("hash").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("hash", "--algorithms", "crc32", "x").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("hash", "--format", "xml", "x").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("hash", "--threads", "0", "x").exitCode()).isEqualTo(2);
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
    assertThat(CliRun.of("--help").exitCode()).isZero();
  }

  @Test
  void progressBarGoesToStderrOnlyWhenAsked(@TempDir Path dir) throws IOException {
    Files.copy(SAMPLES.resolve("tiles.png"), dir.resolve("a.png"));
    Files.copy(SAMPLES.resolve("rings.png"), dir.resolve("b.png"));
    CliRun with = CliRun.of("hash", "--progress", "--algorithms", "md5", dir.toString());
    assertThat(with.err()).contains("2/2 files");
    assertThat(with.out()).doesNotContain("files");
    CliRun without = CliRun.of("hash", "--no-progress", "--algorithms", "md5", dir.toString());
    assertThat(without.err()).isEmpty();
  }

  /** Videos (issue 14): every frame's PDQ, found by content, inline in JSON or in side files. */
  @Test
  void videosGetTheirFrameHashes(@TempDir Path dir) throws IOException {
    Path testdata = Path.of(System.getProperty("hotlinekit.testdata"));
    Path video = Files.copy(testdata.resolve("vpdq/videos/test-padded-dimensions.mp4"),
        dir.resolve("clip.bin"));
    List<String> reference = Files.readAllLines(
        testdata.resolve("vpdq/expected/ffmpeg5.1-native/test-padded-dimensions.txt"));
    CliRun json = CliRun.of("hash", "--no-progress", "--format", "jsonl", "--algorithms",
        "md5,vpdq", video.toString(), SAMPLES.resolve("tiles.png").toString());
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode v = JSON.readTree(json.outLines().get(0));
    assertThat(v.get("md5").asString()).isEqualTo(coreutils("md5sum", video));
    assertThat(v.get("vpdq")).hasSize(reference.size());
    String[] first = reference.get(0).split(",");
    JsonNode f0 = v.get("vpdq").get(0);
    assertThat(f0.get("frame").asInt()).isZero();
    assertThat(f0.get("quality").asInt()).isBetween(Integer.parseInt(first[1]) - 1,
        Integer.parseInt(first[1]) + 1);
    assertThat(f0.get("timestamp").asDouble()).isZero();
    assertThat(v.get("vpdq").get(30).get("timestamp").asDouble()).isEqualTo(1.0);
    JsonNode image = JSON.readTree(json.outLines().get(1));
    assertThat(image.has("vpdq")).isFalse();
    assertThat(image.get("note").asString()).startsWith("vPDQ does not apply: an image");

    // One video with --progress: a bar over its frames, then the same output.
    CliRun shown = CliRun.of("hash", "--progress", "--format", "jsonl", "--algorithms",
        "md5,vpdq", video.toString());
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.err()).contains("/150 frames");
    assertThat(shown.outLines().get(0)).isEqualTo(json.outLines().get(0));

    CliRun noDir = CliRun.of("hash", "--no-progress", "--algorithms", "vpdq", video.toString());
    assertThat(noDir.exitCode()).isEqualTo(2);
    assertThat(noDir.err()).contains("--vpdq-dir");

    Path side = dir.resolve("frames");
    CliRun tsv = CliRun.of("hash", "--no-progress", "--format", "tsv", "--algorithms", "vpdq",
        "--fps", "1", "--vpdq-dir", side.toString(), video.toString());
    assertThat(tsv.exitCode()).as(tsv.err()).isZero();
    assertThat(tsv.outLines().get(0))
        .isEqualTo("path\tmd5\tsha1\tsha256\tvpdq_frames\tvpdq_file\tnote\terror");
    String[] row = tsv.outLines().get(1).split("\t", -1);
    assertThat(row[4]).isEqualTo("5"); // 150 frames at 30 fps, one a second
    List<String> lines = Files.readAllLines(Path.of(row[5]));
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1)).startsWith("30,").endsWith(",1.000");
  }
}
