package org.hotlinekit.core;

import java.util.Optional;

/**
 * The input exceeds a configured limit (pixel count, file size, ...). The message names the limit
 * and, where the limit is a setting, the setting that raises it ({@link #setting()}), so that a
 * command-line tool can name its own option instead ({@link #reason()}).
 */
public class LimitExceededException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final String setting;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person to read
   */
  public LimitExceededException(String message) {
    super(message);
    this.reason = message;
    this.setting = null;
  }

  /**
   * Creates the exception for a limit that a builder setting raises.
   *
   * @param reason what went wrong, without the hint
   * @param setting the builder setting that raises the limit, e.g. {@code "maxPixels"}
   */
  public LimitExceededException(String reason, String setting) {
    super(reason + " (raise it with the " + setting + " setting)");
    this.reason = reason;
    this.setting = setting;
  }

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public LimitExceededException(String message, Throwable cause) {
    super(message, cause);
    this.reason = message;
    this.setting = null;
  }

  /**
   * What went wrong, without the hint naming the setting.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * The builder setting that raises the limit, if it is one.
   *
   * @return e.g. {@code "maxPixels"}, or empty
   */
  public Optional<String> setting() {
    return Optional.ofNullable(setting);
  }
}
