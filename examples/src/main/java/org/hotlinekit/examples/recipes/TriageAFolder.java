package org.hotlinekit.examples.recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotlinekit.hashing.batch.BatchRunner;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaFiles;

/**
 * Split a folder into known material (on a hash list, rotated and mirrored copies included) and
 * new material, with a count of each.
 *
 * <pre>{@code java -cp ... org.hotlinekit.examples.recipes.TriageAFolder list.jsonl seized/}</pre>
 */
public final class TriageAFolder {
  private TriageAFolder() {}

  /**
   * Runs the recipe.
   *
   * @param args the list, then the folder
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]), Path.of(args[1]));
  }

  /**
   * Prints each file's status ({@code known}, {@code new}, {@code unverified} or {@code failed},
   * with the reason for the last two), then the totals.
   *
   * @param out where to print
   * @param listFile the hash list
   * @param folder the folder, walked recursively in sorted order
   * @return the totals per status
   */
  public static Map<Triage.Status, Integer> run(PrintStream out, Path listFile, Path folder) {
    // The list's format is told from its content; MD5, SHA-1, SHA-256 and PDQ with its rotations
    // and mirror images are computed, each file read once.
    Triage triage = Triage.builder().list(listFile).build();
    Map<Triage.Status, Integer> totals = new EnumMap<>(Triage.Status.class);
    BatchRunner.builder().build().run(MediaFiles.walk(List.of(folder)), triage::triage, o -> {
      totals.merge(o.status(), 1, Integer::sum);
      out.println(o.status().name().toLowerCase(java.util.Locale.ROOT) + "\t" + o.file()
          + o.reason().map(r -> "\t" + r).orElse(""));
    });
    out.println("totals: " + totals);
    return totals;
  }
}
