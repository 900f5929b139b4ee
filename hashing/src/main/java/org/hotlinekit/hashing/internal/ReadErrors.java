package org.hotlinekit.hashing.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.OutputWriteException;

/** One wording for failures to read or write a file, whichever code met them. */
public final class ReadErrors {
  private ReadErrors() {}

  /**
   * The exception to throw for an I/O failure while writing a file.
   *
   * @param e the failure
   * @return an {@link OutputWriteException} saying what went wrong, with {@code e} as its cause
   */
  public static OutputWriteException writeFailed(IOException e) {
    String m = e.getMessage();
    return new OutputWriteException(
        "could not write the file: " + (m == null ? e.getClass().getSimpleName() : m), e);
  }

  /**
   * The exception to throw for an I/O failure while reading a file.
   *
   * @param e the failure
   * @return an {@link InputReadException} saying what went wrong, with {@code e} as its cause
   */
  public static InputReadException of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return new InputReadException("no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new InputReadException("permission denied", e);
    }
    String m = e.getMessage();
    return new InputReadException(
        "could not read the file: " + (m == null ? e.getClass().getSimpleName() : m), e);
  }
}
