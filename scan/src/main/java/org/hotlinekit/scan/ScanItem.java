package org.hotlinekit.scan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.hashing.match.Triage;

/**
 * What a scan found for one file, or one entry of an archive.
 *
 * @param path the file as it was reached from the scanned root (as given, then the path below
 *     it); for an archive entry, the archive's path, {@code !/} and the entry's name, e.g. {@code
 *     seized/a.zip!/photos/b.tar!/x.jpg}
 * @param name the file's name in the results: the root's name and the path below it, with
 *     {@code /} (and {@code !/} into archives)
 * @param outcome known, new, unverified or failed, with the matches, the hashes and the reason
 * @param labels the labels its matched list entries carry, as hash-match assertions (only for
 *     lists whose label scheme is known)
 * @param reportItem the id of its item in the report; empty when it failed (an unreadable file
 *     has nothing to report)
 * @param elapsed the time spent hashing and matching it
 * @param archive whether it is an archive whose entries follow it in the results (its own
 *     outcome: its digests matched or not; unverified when it could not be walked completely)
 * @param sameAs the name of the first item in scan order with identical content (same SHA-256),
 *     whose outcome this one shares; empty for that first one and for unique content
 * @param group the near-duplicate group of a new item ({@link ScanResult#groups()}); empty
 *     when grouping is off or the item is not new
 */
public record ScanItem(String path, String name, Triage.Outcome outcome,
    List<LabelAssertion> labels, Optional<String> reportItem, Duration elapsed, boolean archive,
    Optional<String> sameAs, Optional<String> group) {
  /**
   * Checks and copies.
   *
   * @param path the path
   * @param name the name
   * @param outcome the outcome
   * @param labels the labels
   * @param reportItem the report item id
   * @param elapsed the time spent
   * @param archive whether an archive
   * @param sameAs the first item with identical content
   * @param group the group
   */
  public ScanItem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    labels = List.copyOf(labels);
    Objects.requireNonNull(reportItem, "reportItem");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(sameAs, "sameAs");
    Objects.requireNonNull(group, "group");
  }

  /**
   * The item's status.
   *
   * @return known, new, unverified or failed
   */
  public Triage.Status status() {
    return outcome.status();
  }

  ScanItem withReportItem(String id) {
    return new ScanItem(path, name, outcome, labels, Optional.of(id), elapsed, archive, sameAs,
        group);
  }

  ScanItem withSameAs(String first) {
    return new ScanItem(path, name, outcome, labels, reportItem, elapsed, archive,
        Optional.of(first), group);
  }

  ScanItem withGroup(String id) {
    return new ScanItem(path, name, outcome, labels, reportItem, elapsed, archive, sameAs,
        Optional.of(id));
  }
}
