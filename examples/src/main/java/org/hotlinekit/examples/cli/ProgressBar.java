package org.hotlinekit.examples.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on a terminal, at most ten times a second. */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;
  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final int total;
  private final String unit;
  private int done;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err, int total, String unit) {
    this.err = err;
    this.total = total;
    this.unit = unit;
  }

  void step() {
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
