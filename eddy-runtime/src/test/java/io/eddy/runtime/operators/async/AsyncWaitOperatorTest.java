package io.eddy.runtime.operators.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.AsyncDataStream;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.functions.async.ResultFuture;
import io.eddy.api.functions.async.RichAsyncFunction;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import io.eddy.runtime.testing.Watermark;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AsyncWaitOperator against Flink's contract, with requests completing on other threads. */
@Timeout(60)
class AsyncWaitOperatorTest {

  @BeforeEach
  void reset() {
    RandomDelayFunction.COMPLETED.clear();
    ParkingFunction.reset();
  }

  private static OneInputHarness<Integer, Integer> ordered(AsyncFunction<Integer, Integer> f, long timeoutMillis,
      int capacity) {
    return OneInputHarness.of(s -> AsyncDataStream.orderedWait(s, f, timeoutMillis, TimeUnit.MILLISECONDS, capacity));
  }

  private static OneInputHarness<Integer, Integer> unordered(AsyncFunction<Integer, Integer> f, long timeoutMillis,
      int capacity) {
    return OneInputHarness.of(s -> AsyncDataStream.unorderedWait(s, f, timeoutMillis, TimeUnit.MILLISECONDS, capacity));
  }

  /** Runs the harness's mail (completed requests) until {@code count} records were emitted. */
  private static void awaitOutput(OneInputHarness<Integer, Integer> h, int count) throws InterruptedException {
    while (h.output().size() < count) {
      if (h.processMail() == 0) {
        Thread.sleep(1);
      }
    }
  }

  @Test
  void orderedWaitEmitsInInputOrderThoughRequestsCompleteOutOfOrder() throws Exception {
    int n = 300;
    var h = ordered(new RandomDelayFunction(), 60_000, 20).open();
    List<Integer> expected = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      h.processElement(i, 1_000 + i);
      expected.add(i * 10);
      timestamps.add(1_000L + i);
    }
    awaitOutput(h, n); // the last results come through the task's mailbox, with no more input
    h.endInput();
    assertThat(h.output()).containsExactlyElementsOf(expected);
    assertThat(h.outputTimestamps()).containsExactlyElementsOf(timestamps);
    assertThat(new ArrayList<>(RandomDelayFunction.COMPLETED)).as("completion order").hasSize(n)
        .isNotEqualTo(expected.stream().map(v -> v / 10).toList());
    h.close();
  }

  @Test
  void unorderedWaitEmitsAsRequestsCompleteButNeverAcrossAWatermark() throws Exception {
    int n = 400;
    int perWatermark = 40;
    var h = unordered(new RandomDelayFunction(), 60_000, 30).open();
    List<Set<Integer>> expectedSegments = new ArrayList<>();
    List<Long> expectedWatermarks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % perWatermark == 0) {
        expectedSegments.add(new HashSet<>());
      }
      h.processElement(i, i);
      expectedSegments.get(expectedSegments.size() - 1).add(i * 10);
      if (i % perWatermark == perWatermark - 1) {
        h.processWatermark(i);
        expectedWatermarks.add((long) i);
      }
    }
    h.endInput();
    expectedWatermarks.add(Long.MAX_VALUE);

    List<Set<Integer>> segments = new ArrayList<>();
    List<Long> watermarks = new ArrayList<>();
    Set<Integer> current = new HashSet<>();
    List<Integer> records = new ArrayList<>();
    for (Object element : h.outputWithWatermarks()) {
      if (element instanceof Watermark w) {
        segments.add(current);
        current = new HashSet<>();
        watermarks.add(w.timestamp());
      } else {
        current.add((Integer) element);
        records.add((Integer) element);
      }
    }
    assertThat(current).as("records after the final watermark").isEmpty();
    assertThat(watermarks).isEqualTo(expectedWatermarks);
    expectedSegments.add(Set.of()); // between the last watermark and the final one
    assertThat(segments).isEqualTo(expectedSegments);
    assertThat(records).as("emitted as completed, not in input order").hasSize(n)
        .isNotEqualTo(records.stream().sorted().toList());
    h.close();
  }

  @Test
  void aFullQueueBlocksTheTaskUntilARequestCompletes() throws Exception {
    int n = 200;
    int capacity = 5;
    var h = unordered(new ParkingFunction(), 0, capacity).open();
    AtomicReference<Throwable> driverFailure = new AtomicReference<>();
    Thread driver = new Thread(() -> {
      try {
        for (int i = 0; i < n; i++) {
          h.processElement(i, i);
        }
        h.endInput();
      } catch (Throwable t) {
        driverFailure.set(t);
      }
    }, "harness task thread");
    driver.start();
    Random random = new Random(42);
    // Complete a random parked request only when the queue is full (or the input is all in), so
    // that the operator must have waited for capacity each time.
    while (driver.isAlive()) {
      List<Integer> parked = new ArrayList<>(ParkingFunction.PARKED.keySet());
      boolean allInvoked = ParkingFunction.INVOKED.get() == n;
      if (!parked.isEmpty() && (parked.size() >= capacity || allInvoked)) {
        ParkingFunction.release(parked.get(random.nextInt(parked.size())));
      } else {
        LockSupport.parkNanos(50_000);
      }
    }
    driver.join();
    assertThat(driverFailure.get()).isNull();
    assertThat(ParkingFunction.MAX_OUTSTANDING.get()).as("requests in flight at most").isEqualTo(capacity);
    assertThat(h.output()).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.range(0, n).map(i -> i * 10).boxed().toList());
    h.close();
  }

  @Test
  void aCheckpointKeepsTheElementsInFlightAndARestoreInvokesThemAgain() throws Exception {
    var h = ordered(new ParkingFunction(), 0, 100).open();
    for (int i = 0; i < 5; i++) {
      h.processElement(i, i);
    }
    h.processWatermark(4);
    for (int i = 5; i < 10; i++) {
      h.processElement(i, i);
    }
    ParkingFunction.release(0);
    ParkingFunction.release(1);
    ParkingFunction.release(3); // done, but waits behind 2: not emitted, so it is invoked again
    awaitOutput(h, 2);
    HarnessSnapshot snapshot = h.snapshot();
    assertThat(h.output()).containsExactly(0, 10);
    h.close();

    ParkingFunction.reset();
    var restored = ordered(new ParkingFunction(), 0, 100).restore(snapshot).open();
    assertThat(ParkingFunction.PARKED.keySet()).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
    for (int i = 9; i >= 2; i--) {
      ParkingFunction.release(i);
    }
    restored.processElement(10, 10);
    ParkingFunction.release(10);
    restored.endInput();
    List<Integer> all = new ArrayList<>(h.output());
    all.addAll(restored.output());
    assertThat(all).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    assertThat(restored.watermarks()).containsExactly(4L, Long.MAX_VALUE);
    assertThat(restored.outputWithWatermarks().indexOf(new Watermark(4))).as("watermark 4 after record 4").isEqualTo(3);
    restored.close();
  }

  @Test
  void queuesOfSeveralOldSubtasksAreReplayedWithoutTheirWatermarks() throws Exception {
    List<HarnessSnapshot> subtasks = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      var h = ordered(new ParkingFunction(), 0, 100).open();
      h.processElement(subtask, 0);
      h.processWatermark(50 + subtask);
      h.processElement(subtask + 2, 100);
      subtasks.add(h.snapshot());
      h.close();
    }
    List<Object> queues = new ArrayList<>();
    for (HarnessSnapshot snapshot : subtasks) {
      queues.addAll(snapshot.operatorLists().get(AsyncWaitOperator.STATE_NAME));
    }
    ParkingFunction.reset();
    var merged = ordered(new ParkingFunction(), 0, 100)
        .restore(new HarnessSnapshot(Map.of(), Map.of(AsyncWaitOperator.STATE_NAME, queues))).open();
    assertThat(ParkingFunction.PARKED.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
    for (int i = 0; i < 4; i++) {
      ParkingFunction.release(i);
    }
    merged.processWatermark(40);
    merged.endInput();
    assertThat(merged.outputWithWatermarks()).containsExactly(0, 20, 10, 30, new Watermark(40),
        new Watermark(Long.MAX_VALUE));
    merged.close();
  }

  @Test
  void aWatermarkNotAboveTheLastIsIgnored() throws Exception {
    var h = unordered(new ParkingFunction(), 0, 10).open();
    h.processWatermark(10);
    h.processElement(1, 11);
    h.processWatermark(5);
    ParkingFunction.release(1);
    h.endInput();
    assertThat(h.outputWithWatermarks()).containsExactly(new Watermark(10), 10, new Watermark(Long.MAX_VALUE));
    h.close();
  }

  @Test
  void aRequestThatTimesOutFailsTheJobByDefault() throws Exception {
    AsyncFunction<Integer, Integer> never = (input, future) -> {};
    var h = ordered(never, 10, 10).open();
    h.processElement(7, 0);
    h.setProcessingTime(9);
    assertThatThrownBy(() -> h.setProcessingTime(10))
        .hasMessageContaining("Could not complete the stream element: 7.")
        .hasRootCauseInstanceOf(TimeoutException.class)
        .rootCause().hasMessage("Async function call has timed out.");
    h.close();
  }

  @Test
  void aTimeoutHandlerMayCompleteWithAFallbackAndLaterResultsAreIgnored() throws Exception {
    var h = ordered(new ParkingFunction(), 10, 10).open();
    for (int i = 1; i <= 4; i++) {
      h.processElement(i, i);
    }
    ParkingFunction.release(2);
    h.setProcessingTime(5);
    h.processElement(5, 5);
    ResultFuture<Integer> late = ParkingFunction.PARKED.get(3);
    h.setProcessingTime(10);
    assertThat(h.output()).containsExactly(-1, 20, -3, -4);
    late.complete(List.of(999));
    h.processMail();
    assertThat(h.output()).containsExactly(-1, 20, -3, -4);
    ParkingFunction.release(5);
    h.endInput();
    assertThat(h.output()).containsExactly(-1, 20, -3, -4, 50);
    h.close();
  }

  @Test
  void timeoutsFireWhileTheTaskWaitsForCapacity() throws Exception {
    var h = ordered(new ParkingFunction(), 10, 2).open();
    AtomicReference<Throwable> driverFailure = new AtomicReference<>();
    Thread driver = new Thread(() -> {
      try {
        h.processElement(1, 1);
        h.processElement(2, 2);
        h.processElement(3, 3); // waits: the queue is full until 1 and 2 time out
        h.endInput();
      } catch (Throwable t) {
        driverFailure.set(t);
      }
    }, "harness task thread");
    driver.start();
    while (ParkingFunction.INVOKED.get() < 2) {
      LockSupport.parkNanos(100_000);
    }
    h.clock().setTime(10);
    while (ParkingFunction.INVOKED.get() < 3) {
      LockSupport.parkNanos(100_000);
    }
    ParkingFunction.release(3);
    driver.join();
    assertThat(driverFailure.get()).isNull();
    assertThat(h.output()).containsExactly(-1, -2, 30);
    h.close();
  }

  @Test
  void anExceptionalCompletionFailsTheOperator() throws Exception {
    AsyncFunction<Integer, Integer> failing = (input, future) ->
        CompletableFuture.runAsync(() -> future.completeExceptionally(new IOException("lookup failed for " + input)));
    var h = ordered(failing, 0, 10).open();
    assertThatThrownBy(() -> {
      h.processElement(3, 3);
      h.endInput();
    })
        .hasMessageContaining("Could not complete the stream element: 3.")
        .hasRootCauseMessage("lookup failed for 3");
    h.close();
  }

  @Test
  void aResultSupplierRunsOnTheTaskThread() throws Exception {
    AsyncFunction<Integer, String> onTaskThread = (input, future) ->
        CompletableFuture.runAsync(() -> future.complete(() -> List.of(input + "@" + Thread.currentThread().getName())));
    var h = OneInputHarness.<Integer, String>of(s -> AsyncDataStream.orderedWait(s, onTaskThread, 0, TimeUnit.SECONDS))
        .open();
    h.processElement(1, 1);
    h.endInput();
    assertThat(h.output()).containsExactly("1@" + Thread.currentThread().getName());
    h.close();
  }

  /** Tries to create state in open. */
  static final class StatefulAsync extends RichAsyncFunction<Integer, Integer> {
    @Override
    public void open(OpenContext openContext) {
      getRuntimeContext().getState(new ValueStateDescriptor<>("s", Long.class));
    }

    @Override
    public void asyncInvoke(Integer input, ResultFuture<Integer> resultFuture) {
      resultFuture.complete(List.of(input));
    }
  }

  @Test
  void richAsyncFunctionsGetNoState() {
    var h = OneInputHarness.<Integer, Integer>of(s -> AsyncDataStream.unorderedWait(s.keyBy(v -> v),
        new StatefulAsync(), 1, TimeUnit.SECONDS));
    assertThatThrownBy(h::open).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("State is not supported in rich async functions.");
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> ordered(new ParkingFunction(), 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }
}
