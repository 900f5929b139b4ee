package org.hotlinekit.categorisation.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing of one content item.
 *
 * @param route where it goes
 * @param assignedCountry whose hotline acts (the hosting country when forwarded, the assessing
 *     country for own-country and orphaned content; empty until traced or membership known)
 * @param steps what to do, in order, in words
 * @param explanation why
 */
public record RoutingDecision(Route route, Optional<String> assignedCountry, List<String> steps,
    String explanation) {
  /**
   * Validates and copies.
   *
   * @param route the route
   * @param assignedCountry the assigned country
   * @param steps the steps
   * @param explanation the explanation
   */
  public RoutingDecision {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(assignedCountry, "assignedCountry");
    steps = List.copyOf(steps);
    Objects.requireNonNull(explanation, "explanation");
  }
}
