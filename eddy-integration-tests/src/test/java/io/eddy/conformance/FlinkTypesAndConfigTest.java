package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamExecutionEnvironment;
import io.eddy.api.execution.CheckpointingMode;
import io.eddy.api.execution.RuntimeExecutionMode;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.tuple.Tuple4;
import io.eddy.api.types.TypeHint;
import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.Types;
import io.eddy.api.util.ParameterTool;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a Flink job declares about its types and configuration, ported with only the imports
 * changed: POJO events that are not Serializable kept in window contents and keyed state on
 * every backend (with checkpoints written), state descriptors built from {@code Types} and
 * {@link TypeHint}s, {@code returns(...)}, wide tuples, global job parameters from a
 * {@link ParameterTool}, ExecutionConfig/CheckpointConfig setters, and BATCH mode refused.
 */
@Timeout(120)
class FlinkTypesAndConfigTest {
  private static final int EVENTS = 2_000;

  @TempDir
  Path dir;

  /** A Flink POJO: public fields, public no-argument constructor, not Serializable. */
  public static class Click {
    public String user;
    public String page;
    public long time;

    public Click() {}

    Click(String user, String page, long time) {
      this.user = user;
      this.page = page;
      this.time = time;
    }
  }

  private static final long END_OF_INPUT = Long.MAX_VALUE - 1;

  /** Remembers each user's clicks and page counts in state declared with type informations. */
  public static final class ClickHistory extends KeyedProcessFunction<String, Click, String> {
    private transient ListState<Click> clicks;
    private transient ValueState<Long> count;
    private transient MapState<String, Tuple2<String, Long>> perPage;

    @Override
    public void open(OpenContext openContext) {
      clicks = getRuntimeContext().getListState(new ListStateDescriptor<>("clicks", Types.POJO(Click.class)));
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      perPage = getRuntimeContext().getMapState(new MapStateDescriptor<>("per-page", Types.STRING,
          TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {})));
    }

    @Override
    public void processElement(Click click, Context ctx, Collector<String> out) throws Exception {
      clicks.add(click);
      count.update(count.value() == null ? 1 : count.value() + 1);
      Tuple2<String, Long> page = perPage.get(click.page);
      perPage.put(click.page, Tuple2.of(click.page, page == null ? 1 : page.f1 + 1));
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
    }

    /** At the end of input (the final watermark), reports what the state holds: independent of arrival order. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      long sum = 0;
      for (Click c : clicks.get()) {
        sum += c.time;
      }
      out.collect(ctx.getCurrentKey() + "#" + count.value() + " timeSum=" + sum + " pages=" + toMap(perPage));
    }

    private static Map<String, Long> toMap(MapState<String, Tuple2<String, Long>> state) throws Exception {
      Map<String, Long> m = new TreeMap<>();
      for (Map.Entry<String, Tuple2<String, Long>> e : state.entries()) {
        m.put(e.getKey(), e.getValue().f1);
      }
      return m;
    }
  }

  /** Emits per window: user, number of clicks and the pages seen, reading the POJOs kept in window contents. */
  public static final class PagesPerWindow extends ProcessWindowFunction<Click, String, String, TimeWindow> {
    @Override
    public void process(String user, Context ctx, Iterable<Click> clicks, Collector<String> out) {
      List<String> pages = new ArrayList<>();
      for (Click c : clicks) {
        pages.add(c.page);
      }
      pages.sort(null);
      out.collect(user + "@" + ctx.window().getStart() + " " + pages);
    }
  }

  private static Click click(long i) {
    return new Click("u" + (i % 7), "p" + (i * 31 % 5), i);
  }

  private static List<String> model() {
    Map<String, List<String>> windows = new TreeMap<>();
    Map<String, long[]> perUser = new TreeMap<>();
    Map<String, Map<String, Long>> pages = new TreeMap<>();
    List<String> out = new ArrayList<>();
    for (long i = 0; i < EVENTS; i++) {
      Click c = click(i);
      windows.computeIfAbsent(c.user + "@" + (c.time / 100 * 100), k -> new ArrayList<>()).add(c.page);
      long[] s = perUser.computeIfAbsent(c.user, k -> new long[2]);
      s[0]++;
      s[1] += c.time;
      pages.computeIfAbsent(c.user, k -> new TreeMap<>()).merge(c.page, 1L, Long::sum);
    }
    perUser.forEach((user, s) -> out.add(user + "#" + s[0] + " timeSum=" + s[1] + " pages=" + pages.get(user)));
    windows.forEach((k, v) -> {
      v.sort(null);
      out.add(k + " " + v);
    });
    out.sort(null);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void pojoEventsInWindowsAndKeyedStateOnEveryBackend(String backend) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(20, CheckpointingMode.EXACTLY_ONCE);
    env.getConfiguration().set("state.backend.type", backend);
    env.getConfiguration().set("state.checkpoints.dir", dir.resolve("checkpoints").toString());
    env.getConfiguration().set("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString());
    DataStream<Click> clicks = env.fromSequence(0, EVENTS - 1)
        .map(FlinkTypesAndConfigTest::click)
        .returns(Click.class)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Click>forMonotonousTimestamps()
            .withTimestampAssigner((c, ts) -> c.time));
    DataStream<String> windows = clicks.keyBy(c -> c.user)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .process(new PagesPerWindow());
    DataStream<String> history = clicks.keyBy(c -> c.user).process(new ClickHistory());
    List<String> out = new ArrayList<>(windows.union(history).executeAndCollect(10_000));
    out.sort(null);
    assertThat(out).hasSizeGreaterThan(EVENTS / 100 + 7).isEqualTo(model());
  }

  /** Reads a global job parameter in every subtask. */
  public static final class Scale extends RichMapFunction<Long, Long> {
    private transient long factor;

    @Override
    public void open(OpenContext openContext) {
      factor = Long.parseLong(getRuntimeContext().getGlobalJobParameters().get("factor"));
    }

    @Override
    public Long map(Long value) {
      return value * factor;
    }
  }

  @Test
  void globalJobParametersFromArgumentsReachEveryFunction() throws Exception {
    ParameterTool params = ParameterTool.fromArgs(new String[] {"--factor", "3", "--verbose", "--name", "a:b,c"});
    assertThat(params.getInt("factor")).isEqualTo(3);
    assertThat(params.has("verbose")).isTrue();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    env.getConfig().setGlobalJobParameters(params);
    assertThat(env.getConfig().getGlobalJobParameters()).isEqualTo(params.toMap());
    List<Long> out = new ArrayList<>(env.fromSequence(1, 100).map(new Scale()).executeAndCollect(1000));
    out.sort(null);
    assertThat(out).isEqualTo(LongStream.rangeClosed(1, 100).map(v -> v * 3).boxed().toList());
  }

  @Test
  void wideTuplesWithDeclaredTypesAndFieldAggregation() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    var typed = env.fromSequence(0, 99)
        .map(i -> Tuple4.of("k" + (i % 3), i, i % 2 == 0, (double) i))
        .returns(Types.TUPLE(Types.STRING, Types.LONG, Types.BOOLEAN, Types.DOUBLE));
    assertThat(typed.getType().toString()).isEqualTo("Java Tuple4<String, Long, Boolean, Double>");
    List<Tuple4<String, Long, Boolean, Double>> sums = typed.keyBy(t -> t.f0).sum(3).executeAndCollect(1000);
    Map<String, Double> last = new TreeMap<>();
    for (Tuple4<String, Long, Boolean, Double> t : sums) {
      last.merge(t.f0, t.f3, Math::max);
    }
    assertThat(last).containsExactly(Map.entry("k0", 1683.0), Map.entry("k1", 1617.0), Map.entry("k2", 1650.0));
  }

  @Test
  void executionAndCheckpointConfigSetTheConfigurationKeys() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.getConfig().setAutoWatermarkInterval(50);
    env.getCheckpointConfig().setCheckpointInterval(2_000);
    env.getCheckpointConfig().setMinPauseBetweenCheckpoints(500);
    env.getCheckpointConfig().setCheckpointTimeout(60_000);
    env.getCheckpointConfig().setCheckpointingConsistencyMode(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(env.getConfiguration().toMap()).containsEntry("pipeline.auto-watermark-interval", "50 ms")
        .containsKey("execution.checkpointing.interval");
    assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000);
    assertThat(env.getCheckpointConfig().getMinPauseBetweenCheckpoints()).isEqualTo(500);
    assertThat(env.getCheckpointConfig().getCheckpointTimeout()).isEqualTo(60_000);
    assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThatThrownBy(() -> env.getCheckpointConfig().setMaxConcurrentCheckpoints(2))
        .hasMessageContaining("one checkpoint at a time");
  }

  @Test
  void batchExecutionIsRefusedWithAClearMessage() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.fromSequence(0, 9).print();
    assertThatThrownBy(env::execute).hasMessageContaining("execution.runtime-mode BATCH");
    StreamExecutionEnvironment automatic = StreamExecutionEnvironment.getExecutionEnvironment();
    automatic.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
    automatic.fromSequence(0, 9).print();
    assertThatThrownBy(automatic::execute).hasMessageContaining("over bounded sources means BATCH");
  }
}
