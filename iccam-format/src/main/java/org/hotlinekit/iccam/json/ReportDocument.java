package org.hotlinekit.iccam.json;

import java.util.List;
import org.hotlinekit.iccam.model.Report;

/**
 * A report exchange document: its reports. The envelope ({@code format}, {@code version}, {@code
 * crit}, {@code codeLists}) is written by {@link ReportJson}.
 *
 * @param reports the reports
 */
public record ReportDocument(List<Report> reports) {
  /**
   * Copies.
   *
   * @param reports the reports
   */
  public ReportDocument {
    reports = List.copyOf(reports);
  }
}
