package org.hotlinekit.hashing.internal;

import java.io.IOException;
import org.hotlinekit.core.InputReadException;

/** One wording for failures to read a file, whichever code met them (see InputReadException). */
public final class ReadErrors {
  private ReadErrors() {}

  /**
   * The exception to throw for an I/O failure while reading a file.
   *
   * @param e the failure
   * @return an {@link InputReadException} saying what went wrong, with {@code e} as its cause
   */
  public static InputReadException of(IOException e) {
    return new InputReadException(InputReadException.reason(e), e);
  }

}
