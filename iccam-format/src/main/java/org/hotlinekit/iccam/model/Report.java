package org.hotlinekit.iccam.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A report as a hotline records it: who received it and when (every KPI clock starts here), the
 * reported URL, what the site is, and the content items found.
 *
 * @param reference the hotline's case reference
 * @param reportingHotline the receiving hotline's id, e.g. {@code BE-childfocus}
 * @param receivedAt when the public report reached the hotline
 * @param timeZone the hotline's time zone (for "same day" statistics)
 * @param sourceUrl the reported URL
 * @param referrer the referrer URL, if any
 * @param siteType the site type code (see {@link CodeLists}), if determined
 * @param commerciality the commerciality code, if determined
 * @param paymentMethods payment method codes
 * @param memo a note, if any
 * @param items the content items, at least one, ids unique
 */
public record Report(String reference, String reportingHotline, Instant receivedAt,
    ZoneId timeZone, String sourceUrl, Optional<String> referrer, Optional<String> siteType,
    Optional<String> commerciality, List<String> paymentMethods, Optional<String> memo,
    List<ContentItem> items) {
  /**
   * Validates and copies.
   *
   * @param reference the reference
   * @param reportingHotline the hotline
   * @param receivedAt when received
   * @param timeZone the time zone
   * @param sourceUrl the source URL
   * @param referrer the referrer
   * @param siteType the site type
   * @param commerciality the commerciality
   * @param paymentMethods the payment methods
   * @param memo the memo
   * @param items the items
   */
  public Report {
    Checks.text(reference, "reference");
    Checks.text(reportingHotline, "reportingHotline");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(timeZone, "timeZone");
    Checks.url(sourceUrl, "sourceUrl");
    Checks.opt(referrer, "referrer").ifPresent(u -> Checks.url(u, "referrer"));
    Checks.opt(siteType, "siteType").ifPresent(c -> CodeLists.bundled().check("siteType", c));
    Checks.opt(commerciality, "commerciality")
        .ifPresent(c -> CodeLists.bundled().check("commerciality", c));
    paymentMethods = List.copyOf(paymentMethods);
    for (String p : paymentMethods) {
      CodeLists.bundled().check("paymentMethod", p);
    }
    Checks.opt(memo, "memo");
    items = List.copyOf(items);
    if (items.isEmpty()) {
      // A report is what was found at a URL: without an item there is nothing to act on.
      throw new IllegalArgumentException("a report needs at least one content item");
    }
    Set<String> ids = new HashSet<>();
    for (ContentItem i : items) {
      if (!ids.add(i.id())) {
        throw new IllegalArgumentException("two items with id '" + i.id() + "'");
      }
    }
  }
}
