package org.hotlinekit.iccam.json;

import java.util.List;
import org.hotlinekit.core.MalformedInputException;

/** A report document that is not valid: every problem found, each with its location. */
public final class ReportFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems, at least one
   */
  public ReportFormatException(List<Problem> problems) {
    super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
        + " more problems)" : ""));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found.
   *
   * @return the problems, in document order
   */
  public List<Problem> problems() {
    return problems;
  }
}
