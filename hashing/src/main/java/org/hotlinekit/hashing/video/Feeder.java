package org.hotlinekit.hashing.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.hashing.digest.Digester;

/**
 * Reads a file once, in order, digesting every byte and writing it to FFmpeg's standard input,
 * on its own thread (the caller reads FFmpeg's frames meanwhile). When FFmpeg stops reading (it
 * has what it needs, or failed) the rest of the file is still read and digested, so the digests
 * are always of the whole file.
 */
final class Feeder implements AutoCloseable {
  private static final int CHUNK = 1 << 20;
  private final Thread thread;
  private final Path file;
  private volatile IOException failure;
  private volatile boolean stop;

  private Feeder(Path file, Digester.Session session, OutputStream ffmpeg) {
    this.file = file;
    this.thread = new Thread(() -> run(session, ffmpeg), "ffmpeg-feeder");
    this.thread.setDaemon(true);
  }

  static Feeder start(Path file, Digester.Session session, OutputStream ffmpeg) {
    Feeder f = new Feeder(file, session, ffmpeg);
    f.thread.start();
    return f;
  }

  private void run(Digester.Session session, OutputStream ffmpeg) {
    OutputStream to = ffmpeg;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[CHUNK];
      int n;
      while (!stop && (n = in.read(buf)) >= 0) {
        session.update(buf, 0, n);
        if (to != null) {
          try {
            to.write(buf, 0, n);
          } catch (IOException e) {
            to = null; // FFmpeg stopped reading; the digests still need the rest
          }
        }
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      if (to != null) {
        try {
          to.close();
        } catch (IOException e) {
          // FFmpeg has ended.
        }
      }
    }
  }

  /** Waits until the whole file has been read and digested. */
  void finish() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      stop = true;
      Thread.currentThread().interrupt();
      throw new HotlinekitException("interrupted while reading " + file, e);
    }
    if (failure != null) {
      throw InputReadException.of(file, failure);
    }
  }

  @Override
  public void close() {
    stop = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
