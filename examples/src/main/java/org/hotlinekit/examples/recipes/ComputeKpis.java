package org.hotlinekit.examples.recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.stats.KpiReport;
import org.hotlinekit.iccam.stats.Kpis;

/**
 * Compute a hotline's key figures from its report documents: how many items, how many illegal,
 * and how fast police were informed, notices sent and content removed.
 *
 * <pre>{@code java -cp ... org.hotlinekit.examples.recipes.ComputeKpis reports.json}</pre>
 */
public final class ComputeKpis {
  private ComputeKpis() {}

  /**
   * Runs the recipe.
   *
   * @param args a report document
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]));
  }

  /**
   * Prints the counts and the median times.
   *
   * @param out where to print
   * @param reportsFile a report document
   * @return the figures
   */
  public static KpiReport run(PrintStream out, Path reportsFile) {
    List<Report> reports = ReportJson.strict().read(reportsFile).document().reports();
    KpiReport k = Kpis.standard().compute(reports);
    out.println("reports " + reports.size());
    out.println("content items " + k.contentItems());
    out.println("illegal " + k.illegal());
    out.println("median time to LEA " + k.toLea().median().map(Object::toString).orElse("-"));
    out.println("median time to removal "
        + k.toRemoval().median().map(Object::toString).orElse("-"));
    return k;
  }
}
