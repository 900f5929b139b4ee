package org.hotlinekit.categorisation.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A country's entry in the member directory.
 *
 * @param country the country code, e.g. {@code BE}
 * @param hotlines the INHOPE member hotlines there (empty: no member, content is orphaned)
 * @param lea the law-enforcement unit the country's hotline reports to, if recorded
 * @param noticeBy who sends notice-and-takedown to hosts there, if recorded
 * @param source where this entry comes from
 */
public record Member(String country, List<String> hotlines, Optional<String> lea,
    Optional<NoticeSender> noticeBy, String source) {
  /**
   * Validates and copies.
   *
   * @param country the country
   * @param hotlines the hotlines
   * @param lea the LEA
   * @param noticeBy the notice sender
   * @param source the source
   */
  public Member {
    Objects.requireNonNull(country, "country");
    hotlines = List.copyOf(hotlines);
    Objects.requireNonNull(lea, "lea");
    Objects.requireNonNull(noticeBy, "noticeBy");
    Objects.requireNonNull(source, "source");
  }

  /** Who sends the notice to the host. */
  public enum NoticeSender {
    /** The hotline. */
    HOTLINE,
    /** The police (Belgium: the Federal Police, after a magistrate's approval). */
    POLICE
  }
}
