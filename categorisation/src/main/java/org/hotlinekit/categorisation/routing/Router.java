package org.hotlinekit.categorisation.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides who acts on content assessed as illegal, from the assessing hotline's country and the
 * country the content is hosted in. A pure function of its inputs and the {@link
 * MemberDirectory}.
 *
 * <ul>
 *   <li>Hosted at home: report to the national LEA, then notice-and-takedown to the host, sent by
 *       the hotline or, where the directory says so (Belgium), by the police.
 *   <li>Hosted in another member country: forward to its hotline, which re-assesses under its own
 *       law.
 *   <li>Hosted where there is no member: orphaned; the assessing hotline keeps it and reports to
 *       its LEA.
 * </ul>
 */
public final class Router {
  private final MemberDirectory directory;

  /**
   * A router over a directory.
   *
   * @param directory the member directory
   */
  public Router(MemberDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Routes one item.
   *
   * @param assessingCountry the assessing hotline's country code
   * @param hostingCountry the traced hosting country's code, or empty if not traced
   * @return the decision
   * @throws IllegalArgumentException if a code is not an ISO 3166-1 alpha-2 code (XK, Kosovo,
   *     is accepted; UK is read as GB)
   */
  public RoutingDecision route(String assessingCountry, Optional<String> hostingCountry) {
    String own = code(assessingCountry);
    if (hostingCountry.isEmpty()) {
      return new RoutingDecision(Route.NOT_TRACED, Optional.empty(),
          List.of("trace the hosting country (IP, ASN, CDN)"),
          "the hosting country is not known yet");
    }
    String host = code(hostingCountry.get());
    Optional<Member> ownEntry = directory.find(own);
    if (host.equals(own)) {
      List<String> steps = new ArrayList<>();
      String lea = ownEntry.flatMap(Member::lea).orElse("the national LEA");
      steps.add("report to " + lea);
      Optional<Member.NoticeSender> by = ownEntry.flatMap(Member::noticeBy);
      if (by.isPresent() && by.get() == Member.NoticeSender.POLICE) {
        steps.add("the police send notice-and-takedown to the host (not the hotline)");
      } else if (by.isPresent()) {
        steps.add("send notice-and-takedown to the host");
      } else {
        steps.add("notice-and-takedown to the host (who sends it is not recorded for " + own
            + ")");
      }
      steps.add("recheck until removed");
      return new RoutingDecision(Route.OWN_COUNTRY, Optional.of(own), steps,
          "hosted in the assessing hotline's own country (" + own + ")");
    }
    Optional<Member> hostEntry = directory.find(host);
    if (hostEntry.isPresent() && !hostEntry.get().hotlines().isEmpty()) {
      return new RoutingDecision(Route.FORWARD_TO_MEMBER, Optional.of(host),
          List.of("forward via ICCAM to " + String.join(" / ", hostEntry.get().hotlines()) + " ("
              + host + "), which re-assesses under its own law"),
          "hosted in " + host + ", which has an INHOPE member hotline");
    }
    if (hostEntry.isPresent() || directory.complete()) {
      String lea = ownEntry.flatMap(Member::lea).orElse("the national LEA");
      return new RoutingDecision(Route.ORPHANED, Optional.of(own),
          List.of("keep the item assigned to " + own + " (hosting and assigned country differ)",
              "report to " + lea),
          "hosted in " + host + ", which has no INHOPE member hotline (orphaned)");
    }
    return new RoutingDecision(Route.MEMBERSHIP_UNKNOWN, Optional.empty(),
        List.of("check whether " + host + " has an INHOPE member hotline (load a complete"
            + " member directory)"),
        "the member directory (" + directory.version() + ") is incomplete and does not list "
            + host);
  }

  private static String code(String c) {
    return Countries.canonical(c);
  }
}
