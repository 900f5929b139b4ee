package org.hotlinekit.iccam.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.categorisation.assertion.Basis;
import org.hotlinekit.categorisation.assertion.LabelAssertion;

/**
 * One page or media URL of a report, with its tracing, assessments and actions.
 *
 * @param id the item's id, unique within its report
 * @param url the URL as reported or captured
 * @param mediaType what it points to
 * @param hosting where it was traced to (the latest tracing), if traced
 * @param assignedCountry whose hotline acts on it, if assigned
 * @param known whether its hash was already known when it was captured, if determined
 * @param fingerprints hashes of its media
 * @param matchLabels the labels of the hash-list entries it matched (each with a {@link
 *     Basis.HashMatch} basis naming the list, entry, signal and distance): what is known of it
 *     before anyone assesses it; only on a known item
 * @param assessments its assessments, in time order
 * @param actions its actions, in time order
 * @param memo a note, if any
 */
public record ContentItem(String id, String url, MediaType mediaType, Optional<Hosting> hosting,
    Optional<String> assignedCountry, Optional<Boolean> known, List<Fingerprint> fingerprints,
    List<LabelAssertion> matchLabels, List<Assessment> assessments, List<Action> actions,
    Optional<String> memo) {
  /**
   * Validates and copies; assessments and actions are kept sorted by time (stable).
   *
   * @param id the id
   * @param url the URL
   * @param mediaType the media type
   * @param hosting the hosting
   * @param assignedCountry the assigned country
   * @param known whether known
   * @param fingerprints the fingerprints
   * @param matchLabels the labels from hash matches
   * @param assessments the assessments
   * @param actions the actions
   * @param memo the memo
   * @throws IllegalArgumentException if a match label has another basis than a hash match, or
   *     the item has match labels without being known
   */
  public ContentItem {
    Checks.text(id, "id");
    Checks.url(url, "url");
    Objects.requireNonNull(mediaType, "mediaType");
    Checks.opt(hosting, "hosting");
    Checks.opt(assignedCountry, "assignedCountry").ifPresent(c -> Checks.country(c,
        "assignedCountry"));
    Checks.opt(known, "known");
    fingerprints = List.copyOf(fingerprints);
    matchLabels = List.copyOf(matchLabels);
    for (LabelAssertion l : matchLabels) {
      if (!(l.basis() instanceof Basis.HashMatch)) {
        throw new IllegalArgumentException("a match label has a hash-match basis; '"
            + l.label() + "' (" + l.scheme().id() + ") has another: put it in an assessment");
      }
    }
    if (!matchLabels.isEmpty() && !known.orElse(false)) {
      throw new IllegalArgumentException("an item with match labels is known (\"known\": true)");
    }
    List<Assessment> a = new ArrayList<>(assessments);
    a.sort(Comparator.comparing(Assessment::at));
    assessments = List.copyOf(a);
    List<Action> b = new ArrayList<>(actions);
    b.sort(Comparator.comparing(Action::at));
    actions = List.copyOf(b);
    Checks.opt(memo, "memo");
  }

  /**
   * An item without match labels.
   *
   * @param id the id
   * @param url the URL
   * @param mediaType the media type
   * @param hosting the hosting
   * @param assignedCountry the assigned country
   * @param known whether known
   * @param fingerprints the fingerprints
   * @param assessments the assessments
   * @param actions the actions
   * @param memo the memo
   */
  public ContentItem(String id, String url, MediaType mediaType, Optional<Hosting> hosting,
      Optional<String> assignedCountry, Optional<Boolean> known, List<Fingerprint> fingerprints,
      List<Assessment> assessments, List<Action> actions, Optional<String> memo) {
    this(id, url, mediaType, hosting, assignedCountry, known, fingerprints, List.of(),
        assessments, actions, memo);
  }

  /**
   * The latest assessment.
   *
   * @return it, or empty if the item is not assessed
   */
  public Optional<Assessment> latestAssessment() {
    return assessments.isEmpty() ? Optional.empty()
        : Optional.of(assessments.get(assessments.size() - 1));
  }

  /**
   * This item with one more action.
   *
   * @param action the action
   * @return a new item (use {@link org.hotlinekit.iccam.workflow.Workflow#apply} to check the
   *     transition first)
   */
  public ContentItem withAction(Action action) {
    List<Action> next = new ArrayList<>(actions);
    next.add(Objects.requireNonNull(action, "action"));
    return new ContentItem(id, url, mediaType, hosting, assignedCountry, known, fingerprints,
        matchLabels, assessments, next, memo);
  }

  /**
   * This item with one more assessment.
   *
   * @param assessment the assessment
   * @return a new item
   */
  public ContentItem withAssessment(Assessment assessment) {
    List<Assessment> next = new ArrayList<>(assessments);
    next.add(Objects.requireNonNull(assessment, "assessment"));
    return new ContentItem(id, url, mediaType, hosting, assignedCountry, known, fingerprints,
        matchLabels, next, actions, memo);
  }
}
