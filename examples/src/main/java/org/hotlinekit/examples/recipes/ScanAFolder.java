package org.hotlinekit.examples.recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.scan.Scan;
import org.hotlinekit.scan.ScanItem;
import org.hotlinekit.scan.ScanResult;

/**
 * The main job: scan a folder against a list whose labels are Tech Coalition ICS classes, and
 * write the results, the labelled report and the summary page into a new folder.
 *
 * <pre>{@code java -cp ... org.hotlinekit.examples.recipes.ScanAFolder list.jsonl capture/ out/}</pre>
 */
public final class ScanAFolder {
  private ScanAFolder() {}

  /**
   * Runs the recipe.
   *
   * @param args the list, the folder, the output folder to create
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
  }

  /**
   * Prints each known file with its labels, then the counts, and writes the output folder.
   *
   * @param out where to print
   * @param listFile the hash list (its labels are {@code tc-ics} classes)
   * @param folder the folder to scan
   * @param outFolder the folder to create
   * @return the result
   */
  public static ScanResult run(PrintStream out, Path listFile, Path folder, Path outFolder) {
    ScanResult result = Scan.builder().list(listFile, "tc-ics").build().run(List.of(folder));
    for (ScanItem item : result.items()) {
      if (item.status() == Triage.Status.KNOWN) {
        out.println("known\t" + item.name() + "\t" + item.labels().stream()
            .map(l -> l.scheme().id() + " " + l.label()).toList());
      }
    }
    out.printf("%d known, %d new, %d unverified, %d failed%n",
        result.count(Triage.Status.KNOWN), result.count(Triage.Status.NEW),
        result.count(Triage.Status.UNVERIFIED), result.count(Triage.Status.FAILED));
    result.writeTo(outFolder); // results.jsonl, report.json, summary.html: all or nothing
    return result;
  }
}
