package org.hotlinekit.iccam.json;

/**
 * One problem in a document, where it is.
 *
 * @param source the document's name
 * @param line the 1-based line
 * @param column the 1-based column
 * @param reason what is wrong
 */
public record Problem(String source, int line, int column, String reason) {
  /**
   * The conventional form.
   *
   * @return {@code source:line:column: reason}
   */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + reason;
  }
}
