package org.hotlinekit.hashing.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.LimitExceededException;

/**
 * A child process (ffmpeg, ffprobe) whose standard output the caller reads, whose standard error
 * is drained and kept in part (its first lines, for error messages), with a deadline after which
 * it is ended. Closing it always ends and reaps it, with any processes it started.
 */
final class ChildProcess implements AutoCloseable {
  private static final int KEPT_LINES = 4;
  private final Process process;
  private final String name;
  private final Thread stderr;
  private final Thread watchdog;
  private final List<String> errors = new ArrayList<>();
  private volatile boolean timedOut;
  private final long timeoutNanos;

  private ChildProcess(Process process, String name, long deadline) {
    this.process = process;
    this.name = name;
    this.timeoutNanos = Math.max(0, deadline - System.nanoTime());
    this.stderr = new Thread(this::drainErrors, name + "-stderr");
    this.stderr.setDaemon(true);
    this.stderr.start();
    this.watchdog = new Thread(this::watch, name + "-watchdog");
    this.watchdog.setDaemon(true);
    this.watchdog.start();
  }

  /**
   * Starts a program.
   *
   * @param command the program and its arguments
   * @param name the program's name, for messages
   * @param deadline {@link System#nanoTime()} by which it must have ended
   * @return the running process
   * @throws VideoToolMissingException if the program cannot be started
   */
  static ChildProcess start(List<String> command, String name, long deadline) {
    return start(command, name, deadline, false);
  }

  /**
   * Starts a program, its standard input left open for the caller ({@link #stdin()}) when
   * {@code input} is true, else closed at once.
   */
  static ChildProcess start(List<String> command, String name, long deadline, boolean input) {
    try {
      Process p = new ProcessBuilder(command).start();
      if (!input) {
        p.getOutputStream().close(); // nothing to say to it: its input ends at once
      }
      return new ChildProcess(p, name, deadline);
    } catch (IOException e) {
      throw new VideoToolMissingException("cannot run " + name + " ('" + command.get(0) + "'): "
          + e.getMessage() + "; video hashing needs FFmpeg (Debian/Ubuntu: apt install ffmpeg)",
          e);
    }
  }

  InputStream stdout() {
    return process.getInputStream();
  }

  java.io.OutputStream stdin() {
    return process.getOutputStream();
  }

  private void drainErrors() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          synchronized (errors) {
            if (errors.size() < KEPT_LINES) {
              errors.add(line.strip());
            }
          }
        }
      }
    } catch (IOException e) {
      // The process was ended; what it said so far is kept.
    }
  }

  private void watch() {
    try {
      if (!process.waitFor(timeoutNanos, TimeUnit.NANOSECONDS)) {
        timedOut = true;
        kill();
      }
    } catch (InterruptedException e) {
      // Closed before the deadline.
    }
  }

  /**
   * Waits for the process to end (its output read to the end).
   *
   * @return its exit code
   * @throws LimitExceededException if the deadline passed
   */
  int finish() {
    try {
      long left = Math.max(0, timeoutNanos);
      if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
        timedOut = true;
        kill();
      }
      stderr.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new HotlinekitException("interrupted while " + name + " was running", e);
    }
    if (timedOut) {
      throw new LimitExceededException(name + " did not finish within "
          + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s", "timeout");
    }
    return process.exitValue();
  }

  /** Throws if the deadline passed while the caller was reading, or it was interrupted. */
  void check() {
    if (timedOut) {
      finish();
    }
    if (Thread.currentThread().isInterrupted()) {
      kill();
      throw new HotlinekitException("interrupted while " + name + " was running");
    }
  }

  /** Whether the process wrote anything to its standard error (at the level asked for). */
  boolean reportedErrors() {
    synchronized (errors) {
      return !errors.isEmpty();
    }
  }

  /**
   * What the process said on its standard error, for a message.
   *
   * @param prefix put before it when there is something
   * @return e.g. {@code ": moov atom not found"}, or empty
   */
  String reason(String prefix) {
    synchronized (errors) {
      return errors.isEmpty() ? "" : prefix + name + ": " + String.join("; ", errors);
    }
  }

  private void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    watchdog.interrupt();
    // Reaped also when the caller was interrupted: the flag is set aside while waiting for the
    // killed process, then restored.
    boolean interrupted = Thread.interrupted();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      stderr.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      process.getInputStream().close();
    } catch (IOException e) {
      // Nothing left to read.
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // It has ended: nothing more to say to it.
    }
  }
}
