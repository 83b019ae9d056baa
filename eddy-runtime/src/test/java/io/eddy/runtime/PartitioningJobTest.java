package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Whole jobs at parallelism 2 showing where each partitioning sends records, and per-key order. */
class PartitioningJobTest {
  private final StreamEnvironment env = StreamEnvironment.create().setParallelism(2);

  /** Tags each value with the subtask that saw it: (subtask, value). */
  static final class Where extends RichMapFunction<Long, Tuple2<Integer, Long>> {
    @Override
    public Tuple2<Integer, Long> map(Long value) {
      return Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), value);
    }
  }

  /** Running sum per key in ValueState; emits "key:value=sum". */
  static final class RunningSum extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Tuple2<String, Long> in, Context ctx, Collector<String> out) throws Exception {
      long s = (sum.value() == null ? 0 : sum.value()) + in.f1;
      sum.update(s);
      out.collect(in.f0 + ":" + in.f1 + "=" + s);
    }
  }

  /** The reported job: its timestamp assigner ran at p=2 behind a rebalance and reordered each key. */
  @Test
  void keyedRunningSumBehindTimestampAssignerKeepsPerKeyOrder() {
    List<Tuple2<String, Long>> input = new ArrayList<>();
    for (long i = 0; i < 2000; i++) {
      input.add(Tuple2.of("k" + (i % 7), i * 3 % 11));
    }
    List<String> out = env.fromCollection(input)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
            .withTimestampAssigner((t, ts) -> 0L))
        .keyBy(t -> t.f0)
        .process(new RunningSum())
        .executeAndCollect(Integer.MAX_VALUE);
    Map<String, Long> model = new HashMap<>();
    List<String> expected = new ArrayList<>();
    for (Tuple2<String, Long> t : input) {
      expected.add(t.f0 + ":" + t.f1 + "=" + model.merge(t.f0, t.f1, Long::sum));
    }
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  private List<Tuple2<Integer, Long>> run(DataStream<Long> partitioned, int parallelism) {
    return partitioned.map(new Where()).setParallelism(parallelism).executeAndCollect(Integer.MAX_VALUE);
  }

  private static Map<Integer, List<Long>> bySubtask(List<Tuple2<Integer, Long>> out) {
    return out.stream().collect(Collectors.groupingBy(t -> t.f0,
        Collectors.mapping(t -> t.f1, Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().sorted().toList()))));
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void globalSendsEverythingToSubtaskZero() {
    Map<Integer, List<Long>> got = bySubtask(run(env.fromSequence(1, 100).global(), 2));
    assertThat(got).containsOnlyKeys(0);
    assertThat(got.get(0)).isEqualTo(range(1, 100));
  }

  @Test
  void forwardKeepsTheSubtask() {
    // fromSequence: subtask 0 reads 1..50, subtask 1 reads 51..100
    Map<Integer, List<Long>> got = bySubtask(run(env.fromSequence(1, 100).forward(), 2));
    assertThat(got).containsEntry(0, range(1, 50)).containsEntry(1, range(51, 100));
  }

  @Test
  void rescaleRoundRobinsWithinEachProducersOwnConsumers() {
    Map<Integer, List<Long>> got = bySubtask(run(env.fromSequence(1, 100).rescale(), 4));
    assertThat(got.get(0)).hasSize(25).allMatch(v -> v <= 50);
    assertThat(got.get(1)).hasSize(25).allMatch(v -> v <= 50);
    assertThat(got.get(2)).hasSize(25).allMatch(v -> v > 50);
    assertThat(got.get(3)).hasSize(25).allMatch(v -> v > 50);
  }

  @Test
  void rescaleToFewerConsumersMergesProducers() {
    DataStream<Long> source = env.fromSequence(1, 100).setParallelism(4);
    Map<Integer, List<Long>> got = bySubtask(run(source.rescale(), 2));
    assertThat(got).containsEntry(0, range(1, 50)).containsEntry(1, range(51, 100));
  }

  @Test
  void rebalanceSpreadsEvenly() {
    Map<Integer, List<Long>> got = bySubtask(run(env.fromElements(1L, 2L, 3L, 4L, 5L, 6L).rebalance(), 2));
    assertThat(got.get(0)).hasSize(3);
    assertThat(got.get(1)).hasSize(3);
  }

  @Test
  void broadcastReachesEverySubtask() {
    Map<Integer, List<Long>> got = bySubtask(run(env.fromElements(1L, 2L, 3L).broadcast(), 3));
    assertThat(got).containsOnlyKeys(0, 1, 2);
    got.values().forEach(values -> assertThat(values).containsExactly(1L, 2L, 3L));
  }

  @Test
  void shuffleDeliversEveryRecordOnce() {
    List<Tuple2<Integer, Long>> out = run(env.fromSequence(1, 1000).shuffle(), 2);
    assertThat(out.stream().map(t -> t.f1).sorted().toList()).isEqualTo(range(1, 1000));
    assertThat(bySubtask(out)).containsOnlyKeys(0, 1);
  }

  @Test
  void partitionCustomUsesThePartitionersChoice() {
    Map<Integer, List<Long>> got = bySubtask(run(
        env.fromSequence(1, 30).partitionCustom((Long key, int n) -> key % 3 == 0 ? 2 : 0, v -> v), 3));
    assertThat(got).containsOnlyKeys(0, 2);
    assertThat(got.get(2)).isEqualTo(LongStream.rangeClosed(1, 10).map(i -> i * 3).boxed().toList());
  }
}
