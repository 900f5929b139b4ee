package org.hotlinekit.hashing.batch;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a piece of work to every input on a fixed number of threads and hands each result to a
 * consumer, in input order, on the calling thread. At most {@code 4 x threads} inputs are in flight,
 * so memory stays bounded whatever the number of inputs. Immutable and reusable.
 *
 * <pre>{@code
 * BatchRunner runner = BatchRunner.builder().threads(4).progress((done, total) -> bar(done, total))
 *     .build();
 * BatchRunner.Summary s = runner.run(MediaFiles.walk(roots), e -> triage.triage(e.path()),
 *     outcome -> print(outcome));
 * }</pre>
 *
 * <p>The work should turn expected failures into results (as {@code Triage} does); an exception
 * it throws is a bug: the run stops, the threads are ended, and the exception is rethrown.
 */
public final class BatchRunner {
  /** Progress, reported on the calling thread after each result is handed on. */
  @FunctionalInterface
  public interface Progress {
    /**
     * One more result was handed on.
     *
     * @param done results handed on so far
     * @param total inputs in the batch
     */
    void update(int done, int total);
  }

  /**
   * What a run did.
   *
   * @param done results handed on
   * @param total inputs in the batch
   * @param cancelled whether the run stopped early because it was cancelled
   */
  public record Summary(int done, int total, boolean cancelled) {}

  private final int threads;
  private final Progress progress;
  private final BooleanSupplier cancelled;

  private BatchRunner(Builder b) {
    this.threads = b.threads;
    this.progress = b.progress;
    this.cancelled = b.cancelled;
  }

  /**
   * Starts configuring a runner.
   *
   * @return a builder (default: one thread per processor, no progress, never cancelled)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the work over the inputs.
   *
   * @param inputs the inputs
   * @param work what to do with one input (called on a worker thread)
   * @param results receives each result in input order, on the calling thread
   * @param <T> the input type
   * @param <R> the result type
   * @return how far the run got
   * @throws RuntimeException what the work threw, if it threw (a bug in the work)
   */
  public <T, R> Summary run(List<T> inputs, Function<? super T, ? extends R> work,
      Consumer<? super R> results) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(results, "results");
    int total = inputs.size();
    if (total == 0) {
      return new Summary(0, 0, false);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), daemons());
    int done = 0;
    try {
      ArrayDeque<Future<? extends R>> window = new ArrayDeque<>();
      int next = 0;
      boolean stop = false;
      while (next < total || !window.isEmpty()) {
        while (!stop && next < total && window.size() < 4 * threads) {
          if (cancelled.getAsBoolean()) {
            stop = true;
            break;
          }
          T input = inputs.get(next++);
          window.add(pool.submit(() -> work.apply(input)));
        }
        if (window.isEmpty()) {
          break;
        }
        R r = get(window.poll());
        results.accept(r);
        done++;
        progress.update(done, total);
      }
      return new Summary(done, total, done < total);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R get(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a result");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException("the work failed", cause);
    }
  }

  private static ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "hotlinekit-batch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures a {@link BatchRunner}. */
  public static final class Builder {
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress = (done, total) -> { };
    private BooleanSupplier cancelled = () -> false;

    private Builder() {}

    /**
     * How many inputs are worked on at once.
     *
     * @param n at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    /**
     * Where progress is reported.
     *
     * @param p the listener
     * @return this builder
     */
    public Builder progress(Progress p) {
      this.progress = Objects.requireNonNull(p, "p");
      return this;
    }

    /**
     * Asked before each input is started: when it says true, no further input is started, the
     * inputs in flight are finished and handed on, and the run returns a cancelled summary.
     *
     * @param isCancelled the check, e.g. an {@code AtomicBoolean::get}
     * @return this builder
     */
    public Builder cancelWhen(BooleanSupplier isCancelled) {
      this.cancelled = Objects.requireNonNull(isCancelled, "isCancelled");
      return this;
    }

    /**
     * Creates the runner.
     *
     * @return the runner
     */
    public BatchRunner build() {
      return new BatchRunner(this);
    }
  }
}
