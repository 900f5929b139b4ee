package org.hotlinekit.examples.recipes;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaHasher;

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
    List<HashListEntry> entries = new ArrayList<>();
    HashListFormat.detect(listFile).read(listFile, false, entries::add);
    Triage triage = new Triage(
        MediaHasher.builder().digests(EnumSet.allOf(DigestAlgorithm.class)).dihedral(true).build(),
        Matcher.builder().list(new HashList("my-list", listFile.toString(), entries)).build());
    Map<Triage.Status, Integer> totals = new EnumMap<>(Triage.Status.class);
    for (Path file : files(folder)) {
      Triage.Outcome o = triage.triage(file);
      totals.merge(o.status(), 1, Integer::sum);
      out.println(o.status().name().toLowerCase(java.util.Locale.ROOT) + "\t" + file
          + o.reason().map(r -> "\t" + r).orElse(""));
    }
    out.println("totals: " + totals);
    return totals;
  }

  private static List<Path> files(Path folder) {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
