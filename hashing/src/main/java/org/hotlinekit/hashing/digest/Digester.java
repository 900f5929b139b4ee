package org.hotlinekit.hashing.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.digest.DigestSet;
import org.hotlinekit.hashing.internal.ReadErrors;

/**
 * Computes a fixed set of digests over the same bytes in one pass. Immutable and thread-safe; each
 * {@link Session} is for one input and one thread.
 *
 * <pre>{@code
 * Digester digester = Digester.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA256);
 * DigestSet digests = digester.digest(Path.of("evidence.bin"));
 * String md5 = digests.get(DigestAlgorithm.MD5).orElseThrow().toString();
 * }</pre>
 *
 * <p>Files and streams are read in 256 KiB blocks, never loaded whole, so any size works.
 */
public final class Digester {
  static final int BUFFER_SIZE = 256 * 1024;

  private final Set<DigestAlgorithm> algorithms;

  private Digester(Set<DigestAlgorithm> algorithms) {
    this.algorithms = algorithms;
  }

  /**
   * A digester for the given algorithms.
   *
   * @param algorithms at least one algorithm; duplicates are ignored
   * @return the digester
   * @throws IllegalArgumentException if no algorithm is given
   */
  public static Digester of(DigestAlgorithm... algorithms) {
    return of(List.of(algorithms));
  }

  /**
   * A digester for the given algorithms.
   *
   * @param algorithms at least one algorithm; duplicates are ignored
   * @return the digester
   * @throws IllegalArgumentException if no algorithm is given
   */
  public static Digester of(Iterable<DigestAlgorithm> algorithms) {
    EnumSet<DigestAlgorithm> set = EnumSet.noneOf(DigestAlgorithm.class);
    for (DigestAlgorithm a : algorithms) {
      set.add(Objects.requireNonNull(a, "algorithm"));
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("at least one digest algorithm is needed");
    }
    return new Digester(Collections.unmodifiableSet(set));
  }

  /**
   * The algorithms this digester computes.
   *
   * @return an unmodifiable set
   */
  public Set<DigestAlgorithm> algorithms() {
    return algorithms;
  }

  /**
   * Starts digesting one input incrementally.
   *
   * @return a new session
   */
  public Session newSession() {
    return new Session(algorithms);
  }

  /**
   * Digests a byte array.
   *
   * @param data the bytes
   * @return one digest per algorithm
   */
  public DigestSet digest(byte[] data) {
    Session s = newSession();
    s.update(data, 0, data.length);
    return s.finish();
  }

  /**
   * Digests a stream to its end. The stream is not closed.
   *
   * @param in the stream
   * @return one digest per algorithm
   * @throws InputReadException if reading fails
   */
  public DigestSet digest(InputStream in) {
    Objects.requireNonNull(in, "in");
    Session s = newSession();
    byte[] buffer = new byte[BUFFER_SIZE];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        s.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new InputReadException("could not read the stream: " + e.getMessage(), e);
    }
    return s.finish();
  }

  /**
   * Digests a file.
   *
   * @param file the file
   * @return one digest per algorithm
   * @throws InputReadException if the file is missing, unreadable or a directory
   */
  public DigestSet digest(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return digest(in);
    } catch (IOException e) {
      throw ReadErrors.of(e);
    }
  }

  /**
   * Digests one input fed in pieces. Not thread-safe; {@link #finish()} may be called once.
   */
  public static final class Session {
    private final DigestAlgorithm[] algorithms;
    private final MessageDigest[] digests;
    private boolean finished;

    Session(Set<DigestAlgorithm> algorithms) {
      this.algorithms = algorithms.toArray(new DigestAlgorithm[0]);
      this.digests = new MessageDigest[this.algorithms.length];
      for (int i = 0; i < digests.length; i++) {
        try {
          digests[i] = MessageDigest.getInstance(this.algorithms[i].jcaName());
        } catch (NoSuchAlgorithmException e) {
          // MD5, SHA-1 and SHA-256 are mandatory in every Java SE implementation.
          throw new IllegalStateException(this.algorithms[i].jcaName() + " is not available", e);
        }
      }
    }

    /**
     * Adds bytes.
     *
     * @param data the array
     * @param offset where the bytes start
     * @param length how many bytes
     * @return this session
     * @throws IllegalStateException after {@link #finish()}
     */
    public Session update(byte[] data, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, data.length);
      checkOpen();
      for (MessageDigest d : digests) {
        d.update(data, offset, length);
      }
      return this;
    }

    /**
     * Adds the remaining bytes of a buffer, leaving its position at its limit.
     *
     * @param data the buffer
     * @return this session
     * @throws IllegalStateException after {@link #finish()}
     */
    public Session update(ByteBuffer data) {
      checkOpen();
      int start = data.position();
      for (MessageDigest d : digests) {
        data.position(start);
        d.update(data);
      }
      return this;
    }

    /**
     * Completes the digests.
     *
     * @return one digest per algorithm
     * @throws IllegalStateException if called twice
     */
    public DigestSet finish() {
      checkOpen();
      finished = true;
      List<Digest> out = new ArrayList<>(digests.length);
      for (int i = 0; i < digests.length; i++) {
        out.add(Digest.of(algorithms[i], digests[i].digest()));
      }
      return DigestSet.of(out);
    }

    private void checkOpen() {
      if (finished) {
        throw new IllegalStateException("this digest session is finished");
      }
    }
  }
}
