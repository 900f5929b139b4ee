package org.hotlinekit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.IndexedList;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in local mode ({@code local[2]}) over generated media with planted matches: every planted
 * match is found, none other, and every file's outcome equals the single-machine triage's.
 */
class HotlinekitSparkTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static Path media;
  static Path index;
  static List<HashListEntry> entries = new ArrayList<>();

  /** Spark 4.0 runs on Java 17 to 24 (Hadoop's code refuses later ones). */
  static boolean supported() {
    int v = Runtime.version().feature();
    return v >= 17 && v < 25;
  }

  static BufferedImage picture(Random r) {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(r.nextInt(0x1000000)));
    g.fillRect(0, 0, 320, 240);
    for (int k = 0; k < 12; k++) {
      g.setColor(new Color(r.nextInt(0x1000000)));
      int x = r.nextInt(280);
      int y = r.nextInt(200);
      if (r.nextBoolean()) {
        g.fillOval(x, y, 20 + r.nextInt(120), 20 + r.nextInt(100));
      } else {
        g.fillRect(x, y, 20 + r.nextInt(120), 20 + r.nextInt(100));
      }
    }
    g.dispose();
    return img;
  }

  @BeforeAll
  static void setUp() throws Exception {
    assumeTrue(supported(), "hotlinekit-spark's tests skipped: Spark 4.0 runs on Java 17 to 24,"
        + " this is Java " + Runtime.version().feature());
    media = Files.createDirectories(dir.resolve("media"));
    Files.createDirectories(media.resolve("sub"));
    Random r = new Random(12);
    MediaHasher hasher = MediaHasher.builder().digests(DigestAlgorithm.MD5).pdq(true).build();
    for (int i = 0; i < 30; i++) {
      BufferedImage img = picture(r);
      Path png = media.resolve((i % 3 == 0 ? "sub/" : "") + "img-" + i + ".png");
      ImageIO.write(img, "png", png.toFile());
      MediaHashes h = hasher.hash(png);
      if (i < 5) {
        // Listed by PDQ; a JPEG re-encoding of it is in the folder (a near match).
        entries.add(HashListEntry.builder("pdq-" + i, HashValue.of(h.pdq().orElseThrow().hash()))
            .label("A1").build());
        ImageIO.write(img, "jpeg", media.resolve("img-" + i + "-copy.jpg").toFile());
      } else if (i < 8) {
        // Listed by MD5; an exact copy under another name is in the folder.
        entries.add(HashListEntry.builder("md5-" + i,
            HashValue.of(h.digests().get(DigestAlgorithm.MD5).orElseThrow())).label("B1")
            .build());
        Files.copy(png, media.resolve("copy-of-" + i + ".bin"));
      }
    }
    // Listed, but nothing in the folder is close to it.
    entries.add(HashListEntry.builder("elsewhere", HashValue.of(
        org.hotlinekit.core.pdq.PdqHash.fromWords(new long[] {1, 2, 3, 4}))).build());
    byte[] png = Files.readAllBytes(media.resolve("img-10.png"));
    Files.write(media.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
    Files.writeString(media.resolve("notes.txt"), "not an image\n");
    index = dir.resolve("list.hlx");
    IndexedList.of(new HashList("list.jsonl", "test", entries)).writeTo(index);
    spark = SparkSession.builder().master("local[2]").appName("hotlinekit-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  static Dataset<Row> files() {
    return spark.read().format("binaryFile").option("recursiveFileLookup", "true")
        .load(media.toString());
  }

  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Test
  void everyFileAsTheSingleMachineTriageDecidesIt() throws Exception {
    List<FileResult> results = HotlinekitSpark.triage(files(), index).collectAsList();
    Triage oracle = Triage.builder().index(index)
        .digests(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256))
        .pdq(true).build();
    Map<String, FileResult> byName = new HashMap<>();
    for (FileResult f : results) {
      byName.put(name(f.getPath()), f);
    }
    List<Path> all;
    try (var walk = Files.walk(media)) {
      all = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(byName).hasSameSizeAs(all);
    for (Path p : all) {
      Triage.Outcome o = oracle.triage(p);
      FileResult f = byName.get(p.getFileName().toString());
      assertThat(f.getStatus()).as(p.toString()).isEqualTo(o.status().name().toLowerCase());
      assertThat(f.getReason()).as(p.toString()).isEqualTo(o.reason().orElse(null));
      Set<String> want = new TreeSet<>();
      for (Match m : o.matches()) {
        want.add(m.list() + ":" + m.entry().id() + ":" + m.type().id() + ":" + m.distance());
      }
      Set<String> got = new TreeSet<>();
      f.getMatches().forEach(m -> got.add(m.toString()));
      assertThat(got).as(p.toString()).isEqualTo(want);
    }
    // The planted matches, and nothing else.
    Set<String> known = new TreeSet<>();
    results.stream().filter(f -> f.getStatus().equals("known"))
        .forEach(f -> known.add(name(f.getPath())));
    Set<String> planted = new TreeSet<>();
    for (int i = 0; i < 5; i++) {
      planted.add("img-" + i + ".png");
      planted.add("img-" + i + "-copy.jpg");
    }
    for (int i = 5; i < 8; i++) {
      planted.add("img-" + i + ".png");
      planted.add("copy-of-" + i + ".bin");
    }
    assertThat(known).isEqualTo(planted);
    assertThat(byName.get("truncated.png").getStatus()).isEqualTo("unverified");
    assertThat(byName.get("truncated.png").getReason()).contains("PDQ not computed");
    assertThat(byName.get("notes.txt").getStatus()).isEqualTo("unverified");
    assertThat(byName.get("notes.txt").getMd5()).isNotNull();

    // The exploded matches: one row per file and entry.
    List<Row> matches = HotlinekitSpark.matches(HotlinekitSpark.triage(files(), index))
        .collectAsList();
    assertThat(matches).hasSize(planted.size());
    assertThat(matches.get(0).schema().fieldNames()).containsExactly("path", "hashType", "hash",
        "list", "entry", "distance", "label");
  }

  /** The exact matches of a distributed join equal the MD5 matches of the index. */
  @Test
  void aJoinFindsTheExactMatchesTheIndexFinds() {
    Dataset<FileResult> results = HotlinekitSpark.triage(files(), index);
    StructType schema = new StructType().add("type", DataTypes.StringType)
        .add("hash", DataTypes.StringType).add("id", DataTypes.StringType)
        .add("label", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (HashListEntry e : entries) {
      rows.add(RowFactory.create(e.hash().type().id(), e.hash().toString(), e.id(),
          e.label().orElse(null)));
    }
    Dataset<Row> list = spark.createDataFrame(rows, schema);
    Set<String> joined = new TreeSet<>();
    for (Row r : HotlinekitSpark.digestJoin(results, list, "list.jsonl").collectAsList()) {
      joined.add(name(r.getString(0)) + ":" + r.getString(4));
    }
    Set<String> indexed = new TreeSet<>();
    for (Row r : HotlinekitSpark.matches(results).where("hashType = 'md5'").collectAsList()) {
      indexed.add(name(r.getString(0)) + ":" + r.getString(4));
    }
    assertThat(joined).hasSize(6).isEqualTo(indexed);
  }

  @Test
  void theSqlFunctionHashesAsTheLibrary() throws Exception {
    HotlinekitSpark.registerFunctions(spark);
    files().createOrReplaceTempView("files");
    List<Row> rows = spark.sql("SELECT path, hotlinekit_hashes(content) AS h FROM files")
        .collectAsList();
    MediaHasher hasher = MediaHasher.builder().digests(DigestAlgorithm.MD5).pdq(true).build();
    for (Row r : rows) {
      Row h = r.getStruct(1);
      Path p = Path.of(java.net.URI.create(r.getString(0)));
      MediaHashes want = hasher.hashBestEffort(p);
      assertThat(h.getString(0)).isEqualTo(
          want.digests().get(DigestAlgorithm.MD5).orElseThrow().toString());
      assertThat(h.isNullAt(3)).isEqualTo(want.pdq().isEmpty());
      if (want.pdq().isPresent()) {
        assertThat(h.getString(3)).isEqualTo(want.pdq().get().hash().toString());
      }
    }
    // The dihedral hashes on request: eight, the original among them.
    for (Row r : spark.sql("SELECT path, hotlinekit_hashes(content).pdq AS pdq,"
        + " hotlinekit_pdq_dihedral(content) AS d FROM files").collectAsList()) {
      if (r.isNullAt(1)) {
        assertThat(r.isNullAt(2)).isTrue();
      } else {
        java.util.Map<String, String> d = r.getJavaMap(2);
        assertThat(d).hasSize(8).containsEntry("orig", r.getString(1));
      }
    }
  }

  @Test
  void theJobWritesParquetAndASummary() throws Exception {
    Path out = dir.resolve("out");
    String summary = MatchJob.run(spark, media.toString(), index, out.toString());
    assertThat(summary).contains("known").contains("new").contains("unverified");
    List<Row> read = spark.read().parquet(out.resolve("matches.parquet").toString())
        .collectAsList();
    assertThat(read).hasSize(16);
  }
}
