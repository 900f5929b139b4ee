package org.hotlinekit.examples.cli;

/** Whether stderr is a terminal. Java cannot tell directly; the {@code ./hotlinekit} launcher can. */
final class Terminal {
  private Terminal() {}

  static boolean stderrIsTerminal() {
    String fromLauncher = System.getenv("HOTLINEKIT_STDERR_TTY");
    if (fromLauncher != null) {
      return fromLauncher.equals("1");
    }
    // Without the launcher: a console means stdin and stdout are terminals, so stderr likely is.
    return System.console() != null;
  }
}
