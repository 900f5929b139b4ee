package org.hotlinekit.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The input could not be read: the file is missing, not readable (permissions), or an I/O error
 * occurred. The cause, if any, is the underlying {@link java.io.IOException}.
 *
 * <p>One wording for every reader: {@code PATH: no such file}, {@code PATH: permission denied},
 * {@code PATH: could not read the file: REASON} ({@link #of(Path, IOException)}).
 */
public class InputReadException extends HotlinekitException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception for a failure to read a file, in the one wording every reader uses: the path
   * once, then the reason.
   *
   * @param file the file that could not be read
   * @param e the failure
   * @return the exception, with {@code e} as its cause
   */
  public static InputReadException of(Path file, IOException e) {
    Objects.requireNonNull(file, "file");
    return new InputReadException(file + ": " + reason(e), e);
  }

  /**
   * Why a file could not be read, without its path: {@code no such file}, {@code permission
   * denied}, or {@code could not read the file: REASON}.
   *
   * @param e the failure
   * @return the reason
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e instanceof FileSystemException ? ((FileSystemException) e).getReason()
        : e.getMessage();
    return "could not read the file: " + (m == null ? e.getClass().getSimpleName() : m);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person to read
   */
  public InputReadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying exception
   */
  public InputReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
