package org.hotlinekit.examples.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on a terminal, at most ten times a second. */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;
  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final int total;
  private final String unit;
  private final boolean enabled;
  private int done;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err, int total, String unit) {
    this(err, total, unit, true);
  }

  private ProgressBar(PrintWriter err, int total, String unit, boolean enabled) {
    this.err = err;
    this.total = total;
    this.unit = unit;
    this.enabled = enabled;
  }

  /**
   * A bar that is drawn only when {@code show} is true (or, when null, when stderr is a terminal)
   * and there is more than one input.
   */
  static ProgressBar of(PrintWriter err, Boolean show, int total, String unit) {
    boolean shown = (show != null ? show : Terminal.stderrIsTerminal()) && total > 1;
    return new ProgressBar(err, total, unit, shown);
  }

  /** Moves to the start of the line, so that a message printed next is not mixed with the bar. */
  void beforeMessage() {
    if (drawn) {
      err.print("\r");
    }
  }

  void step() {
    if (!enabled) {
      return;
    }
    done++;
    long now = System.nanoTime();
    if (done == total || now - lastDraw >= MIN_REDRAW_NANOS) {
      lastDraw = now;
      draw();
    }
  }

  private void draw() {
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    StringBuilder line = new StringBuilder("\r[");
    line.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
    line.append(done).append('/').append(total).append(' ').append(unit);
    err.print(line);
    err.flush();
    drawn = true;
  }

  @Override
  public void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
