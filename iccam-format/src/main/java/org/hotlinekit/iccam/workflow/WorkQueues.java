package org.hotlinekit.iccam.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.hotlinekit.categorisation.routing.MemberDirectory;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Report;

/**
 * ICCAM-style work queues as queries over a set of reports: items waiting for an assessment, for
 * an action, orphaned items, and items gone offline.
 */
public final class WorkQueues {
  private final MemberDirectory directory;

  /**
   * Queues over a member directory (for the orphaned queue).
   *
   * @param directory the INHOPE member directory
   */
  public WorkQueues(MemberDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * One item of one report.
   *
   * @param report the report
   * @param item the item
   */
  public record Entry(Report report, ContentItem item) {}

  /**
   * Items not assessed yet.
   *
   * @param reports the reports
   * @return the items
   */
  public List<Entry> unassessed(List<Report> reports) {
    return select(reports, i -> Workflow.state(i) == ItemState.RECEIVED);
  }

  /**
   * Items assessed (illegal or not) with no action yet, or moved and not actioned again.
   *
   * @param reports the reports
   * @return the items
   */
  public List<Entry> unactioned(List<Report> reports) {
    return select(reports, i -> {
      ItemState s = Workflow.state(i);
      return s == ItemState.ASSESSED || s == ItemState.MOVED;
    });
  }

  /**
   * Open items hosted in a country the directory lists without a member hotline (or, for a
   * complete directory, does not list).
   *
   * @param reports the reports
   * @return the items
   */
  public List<Entry> orphaned(List<Report> reports) {
    return select(reports, i -> {
      if (Workflow.state(i).closed() || i.hosting().isEmpty()
          || i.hosting().get().country().isEmpty()) {
        return false;
      }
      var m = directory.find(i.hosting().get().country().get());
      return m.isPresent() ? m.get().hotlines().isEmpty() : directory.complete();
    });
  }

  /**
   * Items whose content is gone (removed or unavailable).
   *
   * @param reports the reports
   * @return the items
   */
  public List<Entry> offline(List<Report> reports) {
    return select(reports, i -> {
      ItemState s = Workflow.state(i);
      return s == ItemState.REMOVED || s == ItemState.UNAVAILABLE;
    });
  }

  private static List<Entry> select(List<Report> reports, Predicate<ContentItem> p) {
    List<Entry> out = new ArrayList<>();
    for (Report r : reports) {
      for (ContentItem i : r.items()) {
        if (p.test(i)) {
          out.add(new Entry(r, i));
        }
      }
    }
    return out;
  }
}
