package org.hotlinekit.iccam.workflow;

import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.iccam.model.Action;

/** An action that does not fit the item's state. */
public final class WorkflowException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  private final transient Action action;
  private final ItemState state;

  WorkflowException(Action action, ItemState state, String message) {
    super(message);
    this.action = action;
    this.state = state;
  }

  /**
   * The refused action.
   *
   * @return the action
   */
  public Action action() {
    return action;
  }

  /**
   * The state the item was in.
   *
   * @return the state
   */
  public ItemState state() {
    return state;
  }
}
