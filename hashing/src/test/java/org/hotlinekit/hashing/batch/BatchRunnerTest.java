package org.hotlinekit.hashing.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Against the model "results = inputs.map(work), in order", whatever the threads and timing. */
class BatchRunnerTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void resultsComeInInputOrderWithProgress(int threads) {
    Random random = new Random(threads);
    List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
    List<Integer> got = new ArrayList<>();
    List<Integer> progress = new ArrayList<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    BatchRunner.Summary s = BatchRunner.builder().threads(threads)
        .progress((done, total) -> progress.add(done)).build()
        .run(inputs, i -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(random.nextInt(3));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          return i * i;
        }, got::add);
    assertThat(got).isEqualTo(inputs.stream().map(i -> i * i).toList());
    assertThat(progress).isEqualTo(IntStream.rangeClosed(1, 200).boxed().toList());
    assertThat(s).isEqualTo(new BatchRunner.Summary(200, 200, false));
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(threads);
  }

  @Test
  void cancellationStopsStartingNewInputs() {
    AtomicInteger handed = new AtomicInteger();
    BatchRunner.Summary s = BatchRunner.builder().threads(2)
        .cancelWhen(() -> handed.get() >= 10).build()
        .run(IntStream.range(0, 1000).boxed().toList(), i -> i, i -> handed.incrementAndGet());
    assertThat(s.cancelled()).isTrue();
    assertThat(s.done()).isBetween(10, 10 + 4 * 2);
    assertThat(s.total()).isEqualTo(1000);
  }

  @Test
  void aBugInTheWorkIsRethrown() {
    assertThatThrownBy(() -> BatchRunner.builder().threads(2).build()
        .run(List.of(1, 2, 3), i -> {
          if (i == 2) {
            throw new IllegalStateException("bug");
          }
          return i;
        }, i -> { })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    assertThat(BatchRunner.builder().build().run(List.of(), i -> i, i -> { }))
        .isEqualTo(new BatchRunner.Summary(0, 0, false));
  }
}
