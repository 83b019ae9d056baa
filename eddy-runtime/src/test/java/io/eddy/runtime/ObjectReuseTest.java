package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.functions.MapFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink's object reuse rules ({@code pipeline.object-reuse}, ExecutionConfig#enableObjectReuse):
 * off (the default), every chained operator gets its own copy of a record, so a function
 * changing its input does not change what another consumer or the producer sees, and a
 * producer may emit one object it changes in between; on, chained operators get the record
 * itself. Across tasks every consumer gets a copy in both modes (Flink serializes there).
 */
class ObjectReuseTest {

  /** A mutable POJO, as Flink users write them. */
  public static final class Counter implements java.io.Serializable {
    public long value;

    public Counter() {}

    Counter(long value) {
      this.value = value;
    }
  }

  /** Emits 1..n into one Counter it changes in between (legal in Flink without object reuse, and across tasks). */
  static final class ReusingEmitter implements FlatMapFunction<Long, Counter> {
    private final Counter reuse = new Counter();

    @Override
    public void flatMap(Long n, Collector<Counter> out) {
      for (long i = 1; i <= n; i++) {
        reuse.value = i;
        out.collect(reuse);
      }
    }
  }

  /** Keeps every input object it got and emits, at each, the values they hold now. */
  static final class KeepsInputs implements MapFunction<Counter, String> {
    private final List<Counter> seen = new ArrayList<>();

    @Override
    public String map(Counter c) {
      seen.add(c);
      return seen.stream().map(s -> String.valueOf(s.value)).collect(Collectors.joining(","));
    }
  }

  private static StreamEnvironment env(boolean objectReuse) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
    if (objectReuse) {
      env.getConfig().enableObjectReuse();
    }
    return env;
  }

  @Test
  void withoutObjectReuseAChainedConsumerChangingItsInputDoesNotChangeWhatTheOtherConsumerSees() {
    StreamEnvironment env = env(false);
    DataStream<Counter> counters = env.fromElements(new Counter(1), new Counter(2));
    DataStream<String> changing = counters.map(c -> {
      c.value *= 10;
      return "changed " + c.value;
    });
    DataStream<String> reading = counters.map(c -> "read " + c.value);

    List<String> out = changing.union(reading).executeAndCollect(Integer.MAX_VALUE);

    assertThat(out).containsExactlyInAnyOrder("changed 10", "changed 20", "read 1", "read 2");
  }

  @Test
  void withoutObjectReuseAProducerMayEmitOneObjectItChangesInBetween() {
    List<String> out = env(false).fromElements(3L).flatMap(new ReusingEmitter()).map(new KeepsInputs())
        .executeAndCollect(Integer.MAX_VALUE);

    assertThat(out).containsExactly("1", "1,2", "1,2,3");
  }

  @Test
  void withObjectReuseAChainedConsumerGetsTheEmittedObjectItself() {
    List<String> out = env(true).fromElements(3L).flatMap(new ReusingEmitter()).map(new KeepsInputs())
        .executeAndCollect(Integer.MAX_VALUE);

    assertThat(out).containsExactly("1", "2,2", "3,3,3");
  }

  @ParameterizedTest(name = "object reuse {0}")
  @ValueSource(booleans = {false, true})
  void everyConsumerTaskGetsItsOwnCopyOfAnObjectTheProducerChangesAfterEmitting(boolean objectReuse) {
    StreamEnvironment env = env(objectReuse);
    List<Long> out = env.fromElements(1_000L).flatMap(new ReusingEmitter())
        .broadcast().map(c -> c.value).setParallelism(2)
        .executeAndCollect(Integer.MAX_VALUE);

    List<Long> expected = new ArrayList<>();
    LongStream.rangeClosed(1, 1_000).forEach(v -> {
      expected.add(v);
      expected.add(v);
    });
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Emits a new Counter per value and remembers each object it emitted. */
  static final class ReadOnlyEmitter implements FlatMapFunction<Long, Counter>, io.eddy.api.functions.ReadOnlyRecords {
    static final java.util.Set<Counter> EMITTED = java.util.Collections.newSetFromMap(
        new java.util.concurrent.ConcurrentHashMap<>());

    @Override
    public void flatMap(Long n, Collector<Counter> out) {
      Counter c = new Counter(n);
      EMITTED.add(c); // Counter does not override equals: an identity set
      out.collect(c);
    }
  }

  /** Says whether it got the very object the emitter emitted. */
  static final class ReadOnlyReceiver implements MapFunction<Counter, String>, io.eddy.api.functions.ReadOnlyRecords {
    @Override
    public String map(Counter c) {
      return c.value + (ReadOnlyEmitter.EMITTED.contains(c) ? " shared" : " copied");
    }
  }

  @Test
  void readOnlyFunctionsShareRecordsAcrossTasksOthersGetCopies() {
    StreamEnvironment env = env(false);
    DataStream<Counter> counters = env.fromElements(1L, 2L, 3L).flatMap(new ReadOnlyEmitter()).rebalance();
    DataStream<String> readOnly = counters.map(new ReadOnlyReceiver());
    DataStream<String> plain = counters.map(c -> c.value + (ReadOnlyEmitter.EMITTED.contains(c) ? " shared" : " copied"));
    assertThat(readOnly.union(plain).executeAndCollect(Integer.MAX_VALUE)).containsExactlyInAnyOrder(
        "1 shared", "2 shared", "3 shared", "1 copied", "2 copied", "3 copied");
  }

  /** A watermark strategy that promises to read records only. */
  static final class ReadOnlyStrategy implements io.eddy.api.time.WatermarkStrategy<Counter>,
      io.eddy.api.functions.ReadOnlyRecords {
    @Override
    public io.eddy.api.time.WatermarkGenerator<Counter> createWatermarkGenerator(
        io.eddy.api.time.WatermarkGeneratorContext context) {
      return io.eddy.api.time.WatermarkStrategy.<Counter>noWatermarks().createWatermarkGenerator(context);
    }
  }

  /** A watermark assigner between two read-only functions passes their records on as they are if its strategy reads only. */
  @Test
  void aReadOnlyWatermarkStrategyKeepsRecordsShared() {
    StreamEnvironment env = env(false);
    DataStream<Counter> counters = env.fromElements(1L, 2L).flatMap(new ReadOnlyEmitter());
    DataStream<String> readOnly = counters.assignTimestampsAndWatermarks(new ReadOnlyStrategy())
        .map(new ReadOnlyReceiver());
    DataStream<String> plain = counters.assignTimestampsAndWatermarks(
        io.eddy.api.time.WatermarkStrategy.<Counter>noWatermarks()).map(new ReadOnlyReceiver());
    assertThat(readOnly.union(plain).executeAndCollect(Integer.MAX_VALUE)).containsExactlyInAnyOrder(
        "1 shared", "2 shared", "1 copied", "2 copied");
  }
}
