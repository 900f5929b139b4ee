package org.hotlinekit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;

/**
 * hotlinekit in Apache Spark: hashing and matching media files read by Spark's {@code
 * binaryFile} source (columns {@code path} and {@code content}), with the same code and the same
 * decisions as on one machine.
 *
 * <pre>{@code
 * Dataset<Row> files = spark.read().format("binaryFile")
 *     .option("recursiveFileLookup", "true").load("s3a://bucket/seizure/");
 * Dataset<FileResult> results = HotlinekitSpark.triage(files, Path.of("ncmec.hlx"));
 * HotlinekitSpark.matches(results).write().parquet("matches.parquet");
 * }</pre>
 *
 * <p>The list travels as its index file ({@code hotlinekit index build}): Spark ships the file
 * once to every executor ({@code SparkContext.addFile}), and each executor JVM opens its copy
 * once ({@code IndexedList.read}: the PDQ and digest indexes loaded, the entries left in the
 * memory-mapped file) and shares it between its tasks; nothing is Java-serialised per task. A
 * file that cannot be read or decoded is a row with status {@code failed} or {@code unverified}
 * and its reason, never a failed job.
 */
public final class HotlinekitSpark {
  /** Every digest and PDQ, as triage computes them. */
  private static final List<DigestAlgorithm> DIGESTS =
      List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256);

  private HotlinekitSpark() {}

  /**
   * Triages files against a list: per file its status ({@code known}, {@code new}, {@code
   * unverified}, {@code failed}), hashes, matches and reason, exactly as {@code Triage} decides
   * on one machine (MD5, SHA-1, SHA-256, PDQ at distance 31 and quality 50).
   *
   * @param files rows with {@code path} (string) and {@code content} (binary), e.g. Spark's
   *     {@code binaryFile} source
   * @param indexFile the list's index file, on the driver's file system (its name distinct from
   *     other index files used in the same session)
   * @return one row per file
   */
  public static Dataset<FileResult> triage(Dataset<Row> files, Path indexFile) {
    Objects.requireNonNull(files, "files");
    Path index = indexFile.toAbsolutePath();
    String name = index.getFileName().toString();
    // Shipped once per session (Spark warns on a second add of the same path, and refuses
    // another file of the same name: index files of one session need distinct names).
    org.apache.spark.SparkContext sc = files.sparkSession().sparkContext();
    String uri = index.toUri().toString();
    boolean added = scala.jdk.javaapi.CollectionConverters.asJava(sc.listFiles()).stream()
        .anyMatch(f -> java.net.URI.create(f).normalize().equals(java.net.URI.create(uri)));
    if (!added) {
      sc.addFile(index.toString());
    }
    return files.select("path", "content").mapPartitions(
        (MapPartitionsFunction<Row, FileResult>) rows -> triagePartition(rows, name),
        Encoders.bean(FileResult.class));
  }

  private static Iterator<FileResult> triagePartition(Iterator<Row> rows, String indexName) {
    Triage triage = Executors.triage(indexName);
    List<FileResult> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      out.add(triageOne(triage, r.getString(0), (byte[]) r.get(1)));
    }
    return out.iterator();
  }

  /** One file, never throwing: what cannot be read or decoded is said in its row. */
  static FileResult triageOne(Triage triage, String path, byte[] content) {
    FileResult f = new FileResult();
    f.setPath(path);
    if (content == null) {
      f.setStatus("failed");
      f.setReason("no content (the file could not be read, or is over Spark's"
          + " spark.sql.sources.binaryFile.maxLength)");
      return f;
    }
    Triage.Outcome o;
    try {
      o = triage.triage(Path.of("file"), new ByteArrayInputStream(content));
    } catch (HotlinekitException | IllegalArgumentException | IllegalStateException e) {
      f.setStatus("failed");
      f.setReason(e.getMessage());
      return f;
    }
    f.setStatus(o.status().name().toLowerCase(Locale.ROOT));
    o.reason().ifPresent(f::setReason);
    if (o.hashes().isPresent()) {
      MediaHashes h = o.hashes().get();
      f.setSize(h.size());
      h.digests().get(DigestAlgorithm.MD5).ifPresent(d -> f.setMd5(d.toString()));
      h.digests().get(DigestAlgorithm.SHA1).ifPresent(d -> f.setSha1(d.toString()));
      h.digests().get(DigestAlgorithm.SHA256).ifPresent(d -> f.setSha256(d.toString()));
      h.pdq().ifPresent(p -> {
        f.setPdq(p.hash().toString());
        f.setQuality(p.quality());
      });
    }
    List<MatchResult> matches = new ArrayList<>();
    for (Match m : o.matches()) {
      matches.add(new MatchResult(m.type().id(), hashOf(f, m.type()), m.list(),
          m.entry().id(), m.distance(), m.entry().label().orElse(null)));
    }
    f.setMatches(matches);
    return f;
  }

  private static String hashOf(FileResult f, HashType t) {
    if (t == HashType.MD5) {
      return f.getMd5();
    }
    if (t == HashType.SHA1) {
      return f.getSha1();
    }
    if (t == HashType.SHA256) {
      return f.getSha256();
    }
    return t == HashType.PDQ ? f.getPdq() : null;
  }

  /**
   * The matches of triaged files, one row per file and matching entry: {@code path, hashType,
   * hash, list, entry, distance, label}.
   *
   * @param results what {@link #triage} gave
   * @return the matches
   */
  public static Dataset<Row> matches(Dataset<FileResult> results) {
    return results.select(col("path"), explode(col("matches")).as("m"))
        .select(col("path"), col("m.hashType").as("hashType"), col("m.hash").as("hash"),
            col("m.list").as("list"), col("m.entry").as("entry"),
            col("m.distance").as("distance"), col("m.label").as("label"));
  }

  /**
   * Exact matches through a distributed join, for a list too large to ship to every executor:
   * the files' digests (from {@link #triage} with any list, or a {@link #hashes} column) joined
   * with the list's entries on kind and value (a shuffle join, or a broadcast one when Spark
   * finds the list small).
   *
   * @param results triaged files (their {@code md5}, {@code sha1}, {@code sha256})
   * @param entries the list's entries: columns {@code type} ({@code md5}, {@code sha1}, {@code
   *     sha256}), {@code hash} (lowercase hex), {@code id}, and optionally {@code label}
   * @param listName the list's name in the result
   * @return rows {@code path, hashType, hash, list, entry, distance, label}
   */
  public static Dataset<Row> digestJoin(Dataset<FileResult> results, Dataset<Row> entries,
      String listName) {
    Dataset<Row> digests = null;
    for (DigestAlgorithm a : DIGESTS) {
      Dataset<Row> one = results.select(col("path"), lit(a.id()).as("hashType"),
          col(a.id()).as("hash")).where(col("hash").isNotNull());
      digests = digests == null ? one : digests.unionByName(one);
    }
    Dataset<Row> list = entries.select(col("type").as("hashType"), col("hash"),
        col("id").as("entry"), java.util.Arrays.asList(entries.columns()).contains("label")
            ? col("label") : lit(null).cast(DataTypes.StringType).as("label"));
    return digests.join(list, scala.jdk.javaapi.CollectionConverters.asScala(
            List.of("hashType", "hash")).toSeq())
        .select(col("path"), col("hashType"), col("hash"), lit(listName).as("list"),
            col("entry"), lit(0).as("distance"), col("label"));
  }

  /** The struct {@link #registerFunctions} returns from {@code hotlinekit_hashes}. */
  public static final StructType HASHES = new StructType()
      .add("md5", DataTypes.StringType).add("sha1", DataTypes.StringType)
      .add("sha256", DataTypes.StringType).add("pdq", DataTypes.StringType)
      .add("quality", DataTypes.IntegerType).add("reason", DataTypes.StringType);

  /**
   * Registers the SQL function {@code hotlinekit_hashes(content)}: a file's bytes to the struct
   * {@link #HASHES} (MD5, SHA-1, SHA-256; PDQ and its quality when the content is an image it
   * decodes, else the reason), computed by hotlinekit-hashing.
   *
   * @param spark the session
   */
  public static void registerFunctions(SparkSession spark) {
    spark.udf().register("hotlinekit_hashes", (UDF1<byte[], Row>) HotlinekitSpark::hashes,
        HASHES);
    spark.udf().register("hotlinekit_pdq_dihedral",
        (UDF1<byte[], java.util.Map<String, String>>) HotlinekitSpark::dihedral,
        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
  }

  /**
   * The eight dihedral PDQ hashes of an image (rotated and mirrored copies), what the SQL
   * function {@code hotlinekit_pdq_dihedral(content)} returns: variant name ({@code orig},
   * {@code rot90}, {@code rot180}, {@code rot270}, {@code flipx}, {@code flipy}, {@code
   * flipplus1}, {@code flipminus1}, as Meta's reference names them) to 64 hex digits.
   *
   * @param content the file's bytes
   * @return the hashes, or null when the content is null or no image PDQ decodes
   */
  public static java.util.Map<String, String> dihedral(byte[] content) {
    if (content == null) {
      return null;
    }
    try {
      MediaHashes h = Executors.dihedralHasher().hashBestEffort(new ByteArrayInputStream(content));
      if (h.dihedral().isEmpty()) {
        return null;
      }
      java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
      h.dihedral().get().asMap().forEach((d, p) -> out.put(d.referenceName(), p.toString()));
      return out;
    } catch (HotlinekitException e) {
      return null;
    }
  }

  /**
   * A file's hashes as the {@link #HASHES} struct: what {@code hotlinekit_hashes} computes.
   *
   * @param content the file's bytes (null gives null)
   * @return the struct's row
   */
  public static Row hashes(byte[] content) {
    if (content == null) {
      return null;
    }
    try {
      MediaHashes h = Executors.hasher().hashBestEffort(new ByteArrayInputStream(content));
      return RowFactory.create(
          h.digests().get(DigestAlgorithm.MD5).map(Object::toString).orElse(null),
          h.digests().get(DigestAlgorithm.SHA1).map(Object::toString).orElse(null),
          h.digests().get(DigestAlgorithm.SHA256).map(Object::toString).orElse(null),
          h.pdq().map(p -> p.hash().toString()).orElse(null),
          h.pdq().map(p -> p.quality()).orElse(null),
          h.pdqNotComputed().map(n -> "PDQ not computed: " + n.message()).orElse(null));
    } catch (HotlinekitException e) {
      return RowFactory.create(null, null, null, null, null, e.getMessage());
    }
  }

  /** What each executor JVM builds once and shares between its tasks. */
  private static final class Executors {
    private static final ConcurrentHashMap<String, Triage> TRIAGES = new ConcurrentHashMap<>();
    private static volatile MediaHasher hasher;
    private static volatile MediaHasher dihedralHasher;

    static Triage triage(String indexName) {
      return TRIAGES.computeIfAbsent(indexName, n -> Triage.builder()
          .index(Path.of(SparkFiles.get(n))).digests(DIGESTS).pdq(true).build());
    }

    static MediaHasher dihedralHasher() {
      MediaHasher h = dihedralHasher;
      if (h == null) {
        h = MediaHasher.builder().dihedral(true).build();
        dihedralHasher = h;
      }
      return h;
    }

    static MediaHasher hasher() {
      MediaHasher h = hasher;
      if (h == null) {
        h = MediaHasher.builder().digests(DIGESTS).pdq(true).build();
        hasher = h;
      }
      return h;
    }
  }
}
