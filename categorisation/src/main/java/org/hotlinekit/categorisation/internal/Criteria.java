package org.hotlinekit.categorisation.internal;

import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.categorisation.scheme.Reason;

/**
 * Criteria that must all hold, each met, failed, or open (for a {@link Reason}). The outcome: any
 * failed criterion decides "no"; otherwise any open one makes the answer indeterminate (with the
 * first reason in {@link Reason}'s order: a missing fact before an ambiguity before unclear law);
 * otherwise "yes".
 */
final class Criteria {
  enum State {
    MET,
    FAILED,
    OPEN
  }

  private final List<String> met = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();
  private final List<String> open = new ArrayList<>();
  private Reason reason;

  void met(String what) {
    met.add(what);
  }

  void failed(String what) {
    failed.add(what);
  }

  void open(Reason why, String what) {
    open.add(what);
    if (reason == null || why.ordinal() < reason.ordinal()) {
      reason = why;
    }
  }

  State state() {
    return !failed.isEmpty() ? State.FAILED : !open.isEmpty() ? State.OPEN : State.MET;
  }

  Reason reason() {
    return reason;
  }

  String met() {
    return String.join(", ", met);
  }

  String failedText() {
    return String.join("; ", failed);
  }

  String openText() {
    return String.join("; ", open);
  }
}
