package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.ParallelismEquivalenceTest.CountPerKey;
import io.eddy.runtime.TestEventSource.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Jobs with checkpoints every few milliseconds and injected failures commit exactly the output
 * of a failure-free run: nothing lost, nothing twice.
 */
class ExactlyOnceRecoveryTest {
  private static final long EVENTS = 300_000;
  private static final int KEYS = 50;
  /** Failures still to inject (shared by every copy of the failing map, across restarts). */
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
  /** At most one injected failure per attempt, so that every injection is one restart. */
  private static final java.util.concurrent.atomic.AtomicBoolean FAILED_IN_ATTEMPT =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** Whether a checkpoint of the current attempt completed (failures wait for one). */
  private static final java.util.concurrent.atomic.AtomicBoolean CHECKPOINTED_IN_ATTEMPT =
      new java.util.concurrent.atomic.AtomicBoolean();
  private static volatile int failuresPlanned;

  /**
   * Fails failure number k (1-based) at the first event whose value reaches k/(planned+1) of
   * the input, so the failures spread over the whole run, and only once a checkpoint of the
   * attempt completed, so every restart restores one however fast the machine is.
   */
  static final class FailureInjector extends io.eddy.api.functions.RichMapFunction<Event, Event>
      implements io.eddy.api.state.CheckpointListener {
    private long seen;

    @Override
    public void open(io.eddy.api.functions.OpenContext ctx) {
      FAILED_IN_ATTEMPT.set(false);
      CHECKPOINTED_IN_ATTEMPT.set(false);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED_IN_ATTEMPT.set(true);
    }

    @Override
    public Event map(Event e) throws InterruptedException {
      if (++seen % 100 == 0) {
        Thread.sleep(1); // a floor under the run's length, so checkpoints complete on any machine
      }
      int left = FAILURES_LEFT.get();
      if (left > 0 && CHECKPOINTED_IN_ATTEMPT.get()) {
        int k = failuresPlanned - left + 1;
        if (e.value() >= EVENTS * k / (failuresPlanned + 1) && FAILED_IN_ATTEMPT.compareAndSet(false, true)) {
          FAILURES_LEFT.decrementAndGet();
          throw new IllegalStateException("injected failure " + k + " at event " + e.value());
        }
      }
      return e;
    }
  }

  private static List<String> run(int parallelism, int failures, Function<DataStream<Event>, DataStream<String>> job)
      throws Exception {
    FAILURES_LEFT.set(failures);
    failuresPlanned = failures;
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "10ms")
        .set("restart-strategy.type", "fixed-delay")
        .set("restart-strategy.fixed-delay.delay", "10ms");
    DataStream<Event> events = env.fromSource(new TestEventSource(EVENTS, KEYS),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events")
        .map(new FailureInjector()).name("failure-injector");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    job.apply(events).sinkTo(sink);
    JobExecutionResult result = env.execute("exactly-once");
    if (failures > 0) {
      assertThat(result.counter("numRestarts")).isEqualTo(failures);
      assertThat(result.counter("numCompletedCheckpoints")).isPositive();
      assertThat(result.counter("numRestoresFromCheckpoint")).isEqualTo(failures);
    }
    List<String> out = new ArrayList<>(sink.committed());
    out.sort(null);
    return out;
  }

  /** Slows the job down so that randomly timed failures land while it runs. */
  static final class Slow extends io.eddy.api.functions.RichMapFunction<Event, Event> {
    @Override
    public Event map(Event e) throws InterruptedException {
      if (e.value() % 100 == 0) {
        Thread.sleep(1);
      }
      return e;
    }
  }

  @Test
  @Timeout(120)
  void failuresInjectedAtRandomMomentsInRandomTasksKeepExactlyOnce() throws Exception {
    List<String> expected = run(2, 0, s -> s.keyBy(Event::key).process(new CountPerKey()));
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "10ms")
        .set("restart-strategy.fixed-delay.delay", "1ms")
        .set("execution.fault-injection.failures", "5")
        .set("execution.fault-injection.seed", "7")
        .set("execution.fault-injection.mean-delay", "30ms");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    env.fromSource(new TestEventSource(EVENTS, KEYS), WatermarkStrategy.noWatermarks(), "events")
        .map(new Slow())
        .keyBy(Event::key).process(new CountPerKey())
        .sinkTo(sink);
    JobExecutionResult result = env.execute("random failures");
    // The moments are random: a short job may end before the last ones; each one that hit is one restart.
    assertThat(result.counter("numInjectedFailures")).isBetween(3L, 5L);
    assertThat(result.counter("numRestarts")).isEqualTo(result.counter("numInjectedFailures"));
    List<String> actual = new ArrayList<>(sink.committed());
    actual.sort(null);
    assertThat(actual).isEqualTo(expected);
  }

  static final class CountWindow extends ProcessWindowFunction<Event, String, Integer, TimeWindow> {
    @Override
    public void process(Integer key, Context ctx, Iterable<Event> elements, Collector<String> out) {
      long sum = 0;
      for (Event e : elements) sum += e.value();
      out.collect(key + "@" + ctx.window().getStart() + "=" + sum);
    }
  }

  @Test
  @Timeout(120)
  void keyedCountsAreExactlyOnceUnderTenFailures() throws Exception {
    Function<DataStream<Event>, DataStream<String>> job = s -> s.keyBy(Event::key).process(new CountPerKey());
    List<String> expected = run(2, 0, job);
    assertThat(expected).hasSize((int) EVENTS);
    assertThat(run(2, 10, job)).isEqualTo(expected);
  }

  @Test
  @Timeout(120)
  void windowedSumsAreExactlyOnceUnderTenFailures() throws Exception {
    Function<DataStream<Event>, DataStream<String>> job = s -> s.keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(500))).process(new CountWindow());
    List<String> expected = run(2, 0, job);
    assertThat(expected).isNotEmpty();
    assertThat(run(3, 10, job)).isEqualTo(expected);
  }
}
