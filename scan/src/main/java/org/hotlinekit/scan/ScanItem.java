package org.hotlinekit.scan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.hashing.match.Triage;

/**
 * What a scan found for one file.
 *
 * @param path the file as it was reached from the scanned root (as given, then the path below it)
 * @param name the file's name in the results: the root's name and the path below it, with
 *     {@code /}
 * @param outcome known, new, unverified or failed, with the matches, the hashes and the reason
 * @param labels the labels its matched list entries carry, as hash-match assertions (only for
 *     lists whose label scheme is known)
 * @param reportItem the id of its item in the report; empty when it failed (an unreadable file
 *     has nothing to report)
 * @param elapsed the time spent hashing and matching it
 */
public record ScanItem(String path, String name, Triage.Outcome outcome,
    List<LabelAssertion> labels, Optional<String> reportItem, Duration elapsed) {
  /**
   * Checks and copies.
   *
   * @param path the path
   * @param name the name
   * @param outcome the outcome
   * @param labels the labels
   * @param reportItem the report item id
   * @param elapsed the time spent
   */
  public ScanItem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    labels = List.copyOf(labels);
    Objects.requireNonNull(reportItem, "reportItem");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * The file's status.
   *
   * @return known, new, unverified or failed
   */
  public Triage.Status status() {
    return outcome.status();
  }
}
