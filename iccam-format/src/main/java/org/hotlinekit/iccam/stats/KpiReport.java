package org.hotlinekit.iccam.stats;

import java.util.Map;

/**
 * INHOPE-style statistics over a set of reports. Counts are of content items (as INHOPE counts),
 * by each item's latest assessment.
 *
 * @param contentItems all content items
 * @param illegal items whose latest assessment is baseline or national
 * @param byClassification items by latest classification ({@code unassessed} for none)
 * @param byAgeCategory illegal items by age category
 * @param byGender illegal items by gender
 * @param bySiteType illegal items by their report's site type ({@code unknown} if none)
 * @param byHostingCountry illegal items by hosting country ({@code unknown} if not traced)
 * @param byRegistrableDomain illegal items by their URL's registrable domain (public suffix plus
 *     one label, how hotlines group reports by site; {@code (no registrable domain)} for an IP
 *     address or a host under no known suffix)
 * @param known illegal items whose hash was already known at capture
 * @param newItems illegal items whose hash was new
 * @param knownUndetermined illegal items for which it was not determined
 * @param toLea report received to first report to law enforcement
 * @param toNotice report received to first notice to the host
 * @param toRemoval report received to removal (and unavailability, if so configured)
 * @param definitions the definitions used, in words, to print with the figures
 */
public record KpiReport(int contentItems, int illegal, Map<String, Integer> byClassification,
    Map<String, Integer> byAgeCategory, Map<String, Integer> byGender,
    Map<String, Integer> bySiteType, Map<String, Integer> byHostingCountry,
    Map<String, Integer> byRegistrableDomain, int known,
    int newItems, int knownUndetermined, Durations toLea, Durations toNotice,
    Durations toRemoval, String definitions) {
  /**
   * Copies the maps, sorted by key.
   *
   * @param contentItems items
   * @param illegal illegal items
   * @param byClassification by classification
   * @param byAgeCategory by age category
   * @param byGender by gender
   * @param bySiteType by site type
   * @param byHostingCountry by hosting country
   * @param byRegistrableDomain by registrable domain
   * @param known known items
   * @param newItems new items
   * @param knownUndetermined undetermined
   * @param toLea time to LEA
   * @param toNotice time to notice
   * @param toRemoval time to removal
   * @param definitions the definitions
   */
  public KpiReport {
    byClassification = sorted(byClassification);
    byAgeCategory = sorted(byAgeCategory);
    byGender = sorted(byGender);
    bySiteType = sorted(bySiteType);
    byHostingCountry = sorted(byHostingCountry);
    byRegistrableDomain = sorted(byRegistrableDomain);
  }

  private static Map<String, Integer> sorted(Map<String, Integer> m) {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m));
  }
}
