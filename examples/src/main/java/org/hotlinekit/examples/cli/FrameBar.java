package org.hotlinekit.examples.cli;

import java.io.PrintWriter;

/**
 * A bar over the frames of the one video a run hashes (with several files, the bar over files
 * stays): made when the first frame's count of the whole arrives, closed when the video is done.
 */
final class FrameBar {
  private final PrintWriter err;
  private final Boolean show;
  private final boolean enabled;
  private ProgressBar bar;

  /**
   * A frame bar.
   *
   * @param err where bars are drawn
   * @param show the --progress choice (null: when stderr is a terminal)
   * @param enabled false for a run of several files: then nothing is drawn
   */
  FrameBar(PrintWriter err, Boolean show, boolean enabled) {
    this.err = err;
    this.show = show;
    this.enabled = enabled;
  }

  /** Frames decoded so far, of the total the container lists (0 when it does not say). */
  synchronized void frames(long decoded, long total) {
    if (!enabled) {
      return;
    }
    if (bar == null && total > 1) {
      bar = ProgressBar.of(err, show, (int) Math.min(Integer.MAX_VALUE, total), "frames");
    }
    if (bar != null) {
      bar.advanceTo((int) Math.min(Integer.MAX_VALUE, decoded));
    }
  }

  /** The video is done: the bar goes. */
  synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
