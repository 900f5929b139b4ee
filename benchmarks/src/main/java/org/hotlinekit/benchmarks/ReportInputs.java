package org.hotlinekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.iccam.json.ReportJson;

/**
 * Writes a valid report document of about a given size, indented as a person's tool writes it,
 * for {@code cold-runs.sh}: invented reports with example URLs and a filler memo (the
 * documents of {@link PacketBenchmark}).
 *
 * <pre>{@code java -cp benchmarks.jar org.hotlinekit.benchmarks.ReportInputs OUT BYTES}</pre>
 */
public final class ReportInputs {
  private ReportInputs() {}

  /**
   * Writes the document.
   *
   * @param args the output file and the approximate size in bytes
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]),
        ReportJson.strict().write(PacketBenchmark.document(Integer.parseInt(args[1]))));
  }
}
