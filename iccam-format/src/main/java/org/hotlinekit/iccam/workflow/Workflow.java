package org.hotlinekit.iccam.workflow;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotlinekit.iccam.model.Action;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.ContentItem;

/**
 * The content-item state machine. Assessments and actions are replayed in time order (an
 * assessment before an action at the same instant):
 *
 * <pre>
 * RECEIVED --an assessment--> ASSESSED
 * ASSESSED --NOT_ILLEGAL (latest assessment not illegal)--> NOT_ILLEGAL
 * ASSESSED | MOVED --REPORTED_TO_LEA--> LEA_NOTIFIED --REPORTED_TO_ISP--> NOTICE_SENT
 * ASSESSED | MOVED --REPORTED_TO_ISP--> NOTICE_SENT (order varies per country; repeat notices allowed)
 * NOTICE_SENT --REPORTED_TO_LEA--> NOTICE_SENT
 * ASSESSED | MOVED --FORWARDED--> FORWARDED
 * LEA_NOTIFIED | NOTICE_SENT | FORWARDED --REMOVED / UNAVAILABLE--> closed
 * LEA_NOTIFIED | NOTICE_SENT | FORWARDED --MOVED--> MOVED (traced and actioned again)
 * </pre>
 *
 * A NOT_ILLEGAL action needs a latest assessment of not illegal; the other actions need an
 * illegal one; nothing follows a closed state. A re-assessment (e.g. by the receiving hotline)
 * changes which actions fit from then on, not the state.
 */
public final class Workflow {
  private Workflow() {}

  private static final Map<ActionType, Set<ItemState>> FROM = Map.of(
      ActionType.REPORTED_TO_LEA,
      EnumSet.of(ItemState.ASSESSED, ItemState.MOVED, ItemState.NOTICE_SENT),
      ActionType.REPORTED_TO_ISP,
      EnumSet.of(ItemState.ASSESSED, ItemState.MOVED, ItemState.LEA_NOTIFIED,
          ItemState.NOTICE_SENT),
      ActionType.FORWARDED, EnumSet.of(ItemState.ASSESSED, ItemState.MOVED),
      ActionType.REMOVED,
      EnumSet.of(ItemState.LEA_NOTIFIED, ItemState.NOTICE_SENT, ItemState.FORWARDED),
      ActionType.UNAVAILABLE,
      EnumSet.of(ItemState.LEA_NOTIFIED, ItemState.NOTICE_SENT, ItemState.FORWARDED),
      ActionType.MOVED,
      EnumSet.of(ItemState.LEA_NOTIFIED, ItemState.NOTICE_SENT, ItemState.FORWARDED),
      ActionType.NOT_ILLEGAL, EnumSet.of(ItemState.ASSESSED));

  /**
   * The item's state.
   *
   * @param item the item
   * @return its state
   * @throws WorkflowException if its actions do not form a valid sequence
   */
  public static ItemState state(ContentItem item) {
    return replay(item);
  }

  /**
   * Checks that an item's actions form a valid sequence.
   *
   * @param item the item
   * @throws WorkflowException at the first action that does not fit
   */
  public static void check(ContentItem item) {
    replay(item);
  }

  /**
   * The item with one more action, if the action fits.
   *
   * @param item the item
   * @param action the action (not earlier than the item's last action)
   * @return the new item
   * @throws WorkflowException if the action does not fit the item's state
   */
  public static ContentItem apply(ContentItem item, Action action) {
    ContentItem next = item.withAction(action);
    if (!item.actions().isEmpty()
        && action.at().isBefore(item.actions().get(item.actions().size() - 1).at())) {
      throw new WorkflowException(action, replay(item), "action " + name(action.type())
          + " at " + action.at() + " is earlier than the item's last action");
    }
    replay(next);
    return next;
  }

  private static ItemState replay(ContentItem item) {
    List<Assessment> assessments = item.assessments();
    List<Action> actions = item.actions();
    ItemState state = ItemState.RECEIVED;
    Optional<Assessment> latest = Optional.empty();
    int a = 0;
    for (Action action : actions) {
      while (a < assessments.size() && !assessments.get(a).at().isAfter(action.at())) {
        latest = Optional.of(assessments.get(a++));
        if (state == ItemState.RECEIVED) {
          state = ItemState.ASSESSED;
        }
      }
      if (state.closed()) {
        throw new WorkflowException(action, state, name(action.type()) + " at " + action.at()
            + " after the item was closed (" + name(state) + ")");
      }
      if (latest.isEmpty()) {
        throw new WorkflowException(action, state, name(action.type()) + " at " + action.at()
            + " before any assessment");
      }
      boolean illegal = latest.get().classification().illegal();
      if (action.type() == ActionType.NOT_ILLEGAL && illegal) {
        throw new WorkflowException(action, state, "not_illegal at " + action.at()
            + " but the latest assessment is " + name(latest.get().classification()));
      }
      if (action.type() != ActionType.NOT_ILLEGAL && !illegal) {
        throw new WorkflowException(action, state, name(action.type()) + " at " + action.at()
            + " but the latest assessment is " + name(latest.get().classification()));
      }
      if (!FROM.get(action.type()).contains(state)) {
        throw new WorkflowException(action, state, name(action.type()) + " at " + action.at()
            + " is not possible in state " + name(state));
      }
      state = after(action.type(), state);
    }
    while (a < assessments.size()) {
      a++;
      if (state == ItemState.RECEIVED) {
        state = ItemState.ASSESSED;
      }
    }
    return state;
  }

  private static ItemState after(ActionType type, ItemState state) {
    switch (type) {
      case REPORTED_TO_LEA:
        return state == ItemState.NOTICE_SENT ? ItemState.NOTICE_SENT : ItemState.LEA_NOTIFIED;
      case REPORTED_TO_ISP:
        return ItemState.NOTICE_SENT;
      case FORWARDED:
        return ItemState.FORWARDED;
      case REMOVED:
        return ItemState.REMOVED;
      case UNAVAILABLE:
        return ItemState.UNAVAILABLE;
      case MOVED:
        return ItemState.MOVED;
      default:
        return ItemState.NOT_ILLEGAL;
    }
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
