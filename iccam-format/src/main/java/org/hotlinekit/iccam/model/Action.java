package org.hotlinekit.iccam.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One dated action on a content item.
 *
 * @param type what was done
 * @param at when
 * @param actor who did it
 * @param analyst the pseudonymous analyst, if recorded
 * @param note a note (e.g. the LEA case number), if any
 */
public record Action(ActionType type, Instant at, Actor actor, Optional<String> analyst,
    Optional<String> note) {
  /**
   * Validates.
   *
   * @param type the type
   * @param at the time
   * @param actor the actor
   * @param analyst the analyst
   * @param note the note
   */
  public Action {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Checks.opt(analyst, "analyst").ifPresent(a -> Checks.pseudonym(a, "analyst"));
    Checks.opt(note, "note");
  }

  /**
   * An action by the hotline, without analyst or note.
   *
   * @param type the type
   * @param at the time
   * @return the action
   */
  public static Action of(ActionType type, Instant at) {
    return new Action(type, at, Actor.HOTLINE, Optional.empty(), Optional.empty());
  }
}
