package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.DescriptiveStatisticsHistogram;
import io.eddy.api.metrics.Gauge;
import io.eddy.api.metrics.Histogram;
import io.eddy.api.metrics.HistogramStatistics;
import io.eddy.api.metrics.Metric;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.it.FailAfterCheckpoint;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metrics as a Flink user meets them: a user function's counter, gauge and histogram from
 * {@code getRuntimeContext().getMetricGroup()}, the records in and out of every operator, the
 * scopes a reporter sees, and after restarts counters that start again from zero in each
 * attempt (Flink does not restore metrics; the job's own numRestarts does go on).
 */
@Timeout(120)
class MetricsConformanceTest {
  private static final long EVENTS = 6_000;
  private static final String JOB = "metrics job";
  private static final String OPERATOR_SCOPE = "localhost.taskmanager.local." + JOB + ".";
  /** Records the measured function saw, per attempt: the model of its counter. */
  private static final Map<Integer, AtomicLong> SEEN_PER_ATTEMPT = new ConcurrentHashMap<>();

  @TempDir
  Path dir;

  @BeforeEach
  void reset() {
    RecordingReporter.reset();
    SEEN_PER_ATTEMPT.clear();
  }

  /** Counts events, shows the last value, and keeps every value in a histogram. */
  static final class Measured extends RichMapFunction<Event, Event> {
    private transient Counter events;
    private transient Histogram values;
    private transient long last = -1;
    private transient AtomicLong seen;

    @Override
    public void open(OpenContext context) {
      events = getRuntimeContext().getMetricGroup().counter("events");
      getRuntimeContext().getMetricGroup().gauge("lastValue", (Gauge<Long>) () -> last);
      values = getRuntimeContext().getMetricGroup().addGroup("stats")
          .histogram("values", new DescriptiveStatisticsHistogram((int) EVENTS));
      seen = SEEN_PER_ATTEMPT.computeIfAbsent(getRuntimeContext().getTaskInfo().getAttemptNumber(),
          a -> new AtomicLong());
    }

    @Override
    public Event map(Event e) {
      events.inc();
      values.update(e.value());
      last = e.value();
      seen.incrementAndGet();
      return e;
    }
  }

  private static StreamEnvironment withReporter(StreamEnvironment env) {
    env.getConfiguration()
        .set("metrics.reporter.rec.factory.class", RecordingReporter.Factory.class.getName())
        .set("metrics.reporter.rec.interval", "1 h")
        .set("metrics.reporter.rec.color", "blue");
    return env;
  }

  private static Metric added(String identifier) {
    Metric metric = RecordingReporter.ADDED.get(identifier);
    assertThat(metric).as(identifier + " among " + RecordingReporter.ADDED.keySet()).isNotNull();
    return metric;
  }

  @Test
  void userAndBuiltInMetricsCountEveryRecordAtParallelismTwo() throws Exception {
    StreamEnvironment env = withReporter(StreamEnvironment.create().setParallelism(2));
    long thirds = LongStream.range(0, EVENTS).filter(v -> v % 3 == 0).count();
    env.fromSource(new TestEventSource(EVENTS, 8),
            WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.timestamp()), "events")
        .map(new Measured()).name("measured")
        .filter(e -> e.value() % 3 == 0).name("every third")
        .keyBy(Event::key)
        .map(e -> e).name("after keyBy")
        .sinkTo(new ExactlyOnceSink<>()).name("sink");
    JobExecutionResult result = env.execute(JOB);

    assertThat(result.counter("measured.events")).isEqualTo(EVENTS);
    assertThat(result.counter("events.numRecordsOut")).isEqualTo(EVENTS);
    assertThat(result.counter("measured.numRecordsIn")).isEqualTo(EVENTS);
    assertThat(result.counter("measured.numRecordsOut")).isEqualTo(EVENTS);
    assertThat(result.counter("every third.numRecordsIn")).isEqualTo(EVENTS);
    assertThat(result.counter("every third.numRecordsOut")).isEqualTo(thirds);
    assertThat(result.counter("after keyBy.numRecordsIn")).isEqualTo(thirds);
    assertThat(result.counter("after keyBy.numRecordsOut")).isEqualTo(thirds);
    assertThat(result.counter("sink.numRecordsIn")).isEqualTo(thirds);

    List<Long> allValues = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      String scope = OPERATOR_SCOPE + "measured." + subtask + ".";
      Counter events = (Counter) added(scope + "events");
      HistogramStatistics stats = ((Histogram) added(scope + "stats.values")).getStatistics();
      assertThat(((Histogram) added(scope + "stats.values")).getCount()).isEqualTo(events.getCount());
      assertThat(stats.size()).isEqualTo((int) events.getCount());
      // each subtask reads every second value in increasing order: the last one is its maximum
      assertThat(((Gauge<?>) added(scope + "lastValue")).getValue()).isEqualTo(stats.getMax());
      assertThat(RecordingReporter.VARIABLES.get(scope + "events"))
          .containsEntry("<operator_name>", "measured").containsEntry("<subtask_index>", String.valueOf(subtask))
          .containsEntry("<job_name>", JOB);
      for (long v : stats.getValues()) {
        allValues.add(v);
      }
      assertThat(RecordingReporter.LAST_REPORTED_COUNTS.get(scope + "events")).isEqualTo(events.getCount());
      assertThat(RecordingReporter.REMOVED).containsKey(scope + "events");
    }
    allValues.sort(null);
    assertThat(allValues).isEqualTo(LongStream.range(0, EVENTS).boxed().toList());

    String sourceTask = OPERATOR_SCOPE + "events -> measured -> every third.";
    assertThat(((Counter) added(sourceTask + "0.numRecordsOut")).getCount()
        + ((Counter) added(sourceTask + "1.numRecordsOut")).getCount()).isEqualTo(thirds);
    assertThat(((Gauge<?>) added(OPERATOR_SCOPE + "after keyBy.0.currentInputWatermark")).getValue())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(((Gauge<?>) added(OPERATOR_SCOPE + "measured.1.currentOutputWatermark")).getValue())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(added("localhost.jobmanager." + JOB + ".numRestarts")).isNotNull();
    assertThat(RecordingReporter.CONFIG).containsEntry("color", "blue").containsEntry("interval", "1 h");
    assertThat(RecordingReporter.closed).isTrue();
  }

  @Test
  void countersStartFromZeroInEveryAttemptAfterRestarts() throws Exception {
    FailAfterCheckpoint.plan(2, EVENTS);
    StreamEnvironment env = withReporter(ConformanceJobs.restarting(2, dir));
    env.fromSource(new TestEventSource(EVENTS, 8), WatermarkStrategy.noWatermarks(), "events")
        .map(new Throttle<>(5)).name("throttle")
        .map(new FailAfterCheckpoint()).name("failures")
        .map(new Measured()).name("measured")
        .map(Event::value).name("values")
        .sinkTo(new ExactlyOnceSink<>()).name("sink");
    JobExecutionResult result = env.execute(JOB);

    assertThat(result.counter("numRestarts")).isEqualTo(2);
    assertThat(SEEN_PER_ATTEMPT.keySet()).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(SEEN_PER_ATTEMPT.get(0).get()).isPositive();
    long lastAttempt = SEEN_PER_ATTEMPT.get(2).get();
    assertThat(result.counter("measured.events")).isEqualTo(lastAttempt);
    assertThat(result.counter("measured.numRecordsIn")).isEqualTo(lastAttempt);
    assertThat(((Gauge<?>) added("localhost.jobmanager." + JOB + ".numRestarts")).getValue()).isEqualTo(2L);
    assertThat(((Gauge<?>) added("localhost.jobmanager." + JOB + ".numberOfCompletedCheckpoints")).getValue())
        .isEqualTo(result.counter("numCompletedCheckpoints"));
    assertThat((Long) ((Gauge<?>) added("localhost.jobmanager." + JOB + ".lastCheckpointDuration")).getValue())
        .isNotNegative();
  }
}
