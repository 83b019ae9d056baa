package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamExecutionEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DataStream jobs written as a Flink user writes them (Flink's docs style): only the imports
 * differ from the Flink job. Expected outputs follow from Flink's documented semantics: a keyed
 * running aggregate emits one updated value per input record, in the key's input order.
 */
@Timeout(120)
class FlinkStyleJobsTest {

  /** The tokenizer of Flink's WordCount example. */
  public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
    @Override
    public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
      for (String token : value.toLowerCase().split("\\W+")) {
        if (!token.isEmpty()) {
          out.collect(new Tuple2<>(token, 1));
        }
      }
    }
  }

  @Test
  void wordCountWithKeyByAndSum() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    DataStream<String> text = env.fromData("To be, or not to be,", "that is the question");
    List<Tuple2<String, Integer>> counts = text.flatMap(new Tokenizer())
        .name("tokenizer")
        .keyBy(value -> value.f0)
        .sum(1)
        .name("counter")
        .executeAndCollect(100);
    assertThat(counts).containsExactlyInAnyOrder(
        Tuple2.of("to", 1), Tuple2.of("be", 1), Tuple2.of("or", 1), Tuple2.of("not", 1), Tuple2.of("to", 2),
        Tuple2.of("be", 2), Tuple2.of("that", 1), Tuple2.of("is", 1), Tuple2.of("the", 1), Tuple2.of("question", 1));
  }

  /** Keeps a running sum per key in ValueState (the reported job: timestamps assigned first). */
  public static final class RunningSum extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>> {
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext openContext) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Tuple2<String, Long> value, Context ctx, Collector<Tuple2<String, Long>> out)
        throws Exception {
      Long current = sum.value();
      long next = (current == null ? 0 : current) + value.f1;
      sum.update(next);
      out.collect(Tuple2.of(value.f0, next));
    }
  }

  @Test
  void runningSumBehindTimestampAssignerAtParallelismTwo() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Tuple2<String, Long>> out = env.fromElements(
            Tuple2.of("a", 1L), Tuple2.of("b", 10L), Tuple2.of("a", 2L), Tuple2.of("a", 3L),
            Tuple2.of("b", 20L), Tuple2.of("a", 4L), Tuple2.of("b", 30L), Tuple2.of("a", 5L))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
                Duration.ofMillis(5))
            .withTimestampAssigner((event, timestamp) -> event.f1))
        .keyBy(event -> event.f0)
        .process(new RunningSum())
        .executeAndCollect(100);
    // Flink: a 1, 3, 6, 10, 15 and b 10, 30, 60, each key in input order
    assertThat(out.stream().filter(t -> t.f0.equals("a")).map(t -> t.f1).toList()).containsExactly(1L, 3L, 6L, 10L, 15L);
    assertThat(out.stream().filter(t -> t.f0.equals("b")).map(t -> t.f1).toList()).containsExactly(10L, 30L, 60L);
  }
}
