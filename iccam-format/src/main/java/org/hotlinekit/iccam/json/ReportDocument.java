package org.hotlinekit.iccam.json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.iccam.model.Report;

/**
 * A report exchange document: its reports, and, inside an exchange packet, the packet's signed
 * header. The envelope ({@code format}, {@code version}, {@code crit}, {@code codeLists}) is
 * written by {@link ReportJson}.
 *
 * @param reports the reports, each with its own reference
 * @param packet the packet header, present in documents sealed in a packet
 */
public record ReportDocument(List<Report> reports, Optional<PacketInfo> packet) {
  /**
   * Checks and copies.
   *
   * @param reports the reports
   * @param packet the packet header
   * @throws IllegalArgumentException if there is no report, or two reports have the same
   *     reference (a recipient could not tell them apart, and the reader refuses such a
   *     document)
   */
  public ReportDocument {
    reports = List.copyOf(reports);
    if (reports.isEmpty()) {
      // An empty document is an error: a recipient would read "nothing to report" from a
      // sender's mistake.
      throw new IllegalArgumentException("a document needs at least one report");
    }
    Objects.requireNonNull(packet, "packet");
    java.util.Set<String> references = new java.util.HashSet<>();
    for (Report r : reports) {
      if (!references.add(r.reference())) {
        throw new IllegalArgumentException("two reports have the same reference");
      }
    }
  }

  /**
   * A document without a packet header.
   *
   * @param reports the reports
   */
  public ReportDocument(List<Report> reports) {
    this(reports, Optional.empty());
  }

  /**
   * This document with a packet header.
   *
   * @param info the header
   * @return a new document
   */
  public ReportDocument withPacket(PacketInfo info) {
    return new ReportDocument(reports, Optional.of(info));
  }
}
