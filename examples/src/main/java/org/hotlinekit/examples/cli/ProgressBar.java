package org.hotlinekit.examples.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place on a terminal, at most ten times a second, with the
 * rate and the estimated time left once a second has passed.
 */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;
  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final int total;
  private final String unit;
  private final boolean enabled;
  private final long start = System.nanoTime();
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

  /** Moves the bar to {@code done} (never back), redrawn at most ten times a second. */
  void advanceTo(int done) {
    if (!enabled || done <= this.done) {
      return;
    }
    this.done = Math.min(done, total);
    long now = System.nanoTime();
    if (this.done == total || now - lastDraw >= MIN_REDRAW_NANOS) {
      lastDraw = now;
      draw();
    }
  }

  private void draw() {
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    StringBuilder line = new StringBuilder("\r[");
    line.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
    line.append(done).append('/').append(total).append(' ').append(unit);
    line.append(rateAndEta(done, total, lastDraw - start));
    err.print(line);
    err.flush();
    drawn = true;
  }

  /** {@code "  12.5/s  ETA 1:05"} after a second, else nothing (too early to tell). */
  static String rateAndEta(int done, int total, long elapsedNanos) {
    if (elapsedNanos < 1_000_000_000L || done == 0) {
      return "";
    }
    double rate = done / (elapsedNanos / 1e9);
    long left = Math.round((total - done) / rate);
    return String.format(java.util.Locale.ROOT, "  %.1f/s  ETA %d:%02d", rate, left / 60,
        left % 60);
  }

  @Override
  public void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 64) + "\r");
      err.flush();
    }
  }
}
