package org.hotlinekit.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.match.IndexedList;

/**
 * A runnable job: a folder of media and a hash list in, matches and every file's outcome out as
 * Parquet, and a summary on stdout.
 *
 * <pre>
 * spark-submit --class org.hotlinekit.spark.MatchJob hotlinekit-spark-all.jar \
 *     MEDIA_DIR LIST_OR_INDEX OUT_DIR
 * </pre>
 *
 * <p>LIST_OR_INDEX is an index file ({@code hotlinekit index build}, {@code .hlx}) or a hash list
 * in any format hotlinekit reads, indexed on the driver first. OUT_DIR receives {@code
 * results.parquet} (one row per file: path, status, reason, size, digests, PDQ, quality, matches)
 * and {@code matches.parquet} (path, hashType, hash, list, entry, distance, label). Without a
 * {@code spark.master} setting (spark-submit sets one) the job runs in local mode on every core.
 */
public final class MatchJob {
  private MatchJob() {}

  /**
   * Runs the job.
   *
   * @param args MEDIA_DIR LIST_OR_INDEX OUT_DIR
   * @throws Exception if the list cannot be read or indexed
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: MatchJob MEDIA_DIR LIST_OR_INDEX OUT_DIR");
      System.exit(2);
    }
    SparkSession.Builder b = SparkSession.builder().appName("hotlinekit match");
    if (!System.getProperties().containsKey("spark.master")) {
      b.master("local[*]");
    }
    SparkSession spark = b.getOrCreate();
    try {
      run(spark, args[0], Path.of(args[1]), args[2]);
    } finally {
      spark.stop();
    }
  }

  /**
   * The job on a session.
   *
   * @param spark the session
   * @param media the media folder (any file system Spark reads)
   * @param listOrIndex an index file or a hash list on the driver
   * @param out the output folder
   * @return the summary printed
   * @throws Exception if the list cannot be read or indexed
   */
  public static String run(SparkSession spark, String media, Path listOrIndex, String out)
      throws Exception {
    Path index = listOrIndex;
    if (!listOrIndex.getFileName().toString().endsWith(".hlx")) {
      // A list: indexed once on the driver; executors open the index file.
      List<HashListEntry> entries = new java.util.ArrayList<>();
      HashListFormat.detect(listOrIndex).read(listOrIndex, false, entries::add);
      Path dir = Files.createTempDirectory("hotlinekit-spark");
      index = dir.resolve(listOrIndex.getFileName() + ".hlx");
      IndexedList.of(new HashList(listOrIndex.getFileName().toString(),
          listOrIndex.toString(), entries)).writeTo(index);
    }
    long t0 = System.nanoTime();
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("recursiveFileLookup", "true").load(media);
    Dataset<FileResult> results = HotlinekitSpark.triage(files, index).cache();
    results.write().mode(SaveMode.ErrorIfExists).parquet(out + "/results.parquet");
    HotlinekitSpark.matches(results).write().mode(SaveMode.ErrorIfExists)
        .parquet(out + "/matches.parquet");
    StringBuilder summary = new StringBuilder();
    for (Row r : results.groupBy(col("status")).count().orderBy(col("status")).collectAsList()) {
      summary.append(String.format(Locale.ROOT, "%-10s %8d%n", r.getString(0), r.getLong(1)));
    }
    summary.append(String.format(Locale.ROOT, "written to %s in %.1f s%n", out,
        (System.nanoTime() - t0) / 1e9));
    System.out.print(summary);
    results.unpersist();
    return summary.toString();
  }
}
