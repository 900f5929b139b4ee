package org.hotlinekit.examples.recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.list.ReadReport;
import org.hotlinekit.hashing.match.Match;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.media.MediaHasher;

/**
 * Load a hash list (its format told from its content) and match an image against it: MD5
 * exactly, PDQ within distance 31.
 *
 * <pre>{@code java -cp ... org.hotlinekit.examples.recipes.MatchAgainstAList list.jsonl photo.jpg}</pre>
 */
public final class MatchAgainstAList {
  private MatchAgainstAList() {}

  /**
   * Runs the recipe.
   *
   * @param args the list, then the image
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]), Path.of(args[1]));
  }

  /**
   * Prints every list entry the image matches, or that it matches none.
   *
   * @param out where to print
   * @param listFile the hash list
   * @param image the image
   */
  public static void run(PrintStream out, Path listFile, Path image) {
    List<HashListEntry> entries = new ArrayList<>();
    ReadReport report = HashListFormat.detect(listFile).read(listFile, false, entries::add);
    out.println("list: " + report.entries() + " entries, " + report.rejected() + " rejected");
    Matcher matcher = Matcher.builder()
        .list(new HashList("my-list", listFile.toString(), entries))
        .build();
    Matcher.Result result = matcher.match(MediaHasher.builder()
        .digests(DigestAlgorithm.MD5).pdq(true).build().hash(image));
    for (Match m : result.matches()) {
      out.println("match: " + m.list() + " entry " + m.entry().id() + " (" + m.type().id()
          + ", distance " + m.distance() + ")" + m.entry().label().map(l -> " label " + l)
              .orElse(""));
    }
    if (!result.known()) {
      out.println(result.pdqBelowQuality() ? "no match, but the PDQ hash was too weak to match"
          : "no match");
    }
  }
}
