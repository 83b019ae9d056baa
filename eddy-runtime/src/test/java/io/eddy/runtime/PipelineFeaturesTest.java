package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.api.windowing.TumblingProcessingTimeWindows;
import io.eddy.runtime.execution.LocalJobExecutor;
import io.eddy.runtime.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole jobs exercising side outputs, union, rebalance, idleness and processing time. */
class PipelineFeaturesTest {

  static final class Splitter extends ProcessFunction<Long, Long> {
    static final OutputTag<String> BIG = new OutputTag<>("big");

    @Override
    public void processElement(Long v, Context ctx, Collector<Long> out) {
      if (v >= 90) {
        ctx.output(BIG, "big:" + v);
      } else {
        out.collect(v);
      }
    }
  }

  @Test
  void sideOutputsAndUnionAcrossTasks() {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(3);
    DataStream<Long> numbers = env.fromSource(new TestEventSource(100, 1), WatermarkStrategy.noWatermarks(), "n")
        .map(e -> e.value());
    SingleOutputStreamOperator<Long> small = numbers.rebalance().process(new Splitter()).setParallelism(2);
    DataStream<String> all = small.map(v -> "small:" + v).union(small.getSideOutput(Splitter.BIG));
    List<String> out = new ArrayList<>();
    all.executeAndCollect().forEachRemaining(out::add);
    assertThat(out).hasSize(100).contains("small:0", "small:89", "big:90", "big:99").doesNotHaveDuplicates();
  }

  /** Subtask 0 emits events 0..9 at times 0..9 s; subtask 1 emits nothing and idles forever. */
  record HalfIdleSource() implements Source<Long> {
    @Override
    public Boundedness getBoundedness() {
      return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<Long> createReader(SourceReaderContext context) {
      return new SourceReader<>() {
        long next;

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) throws InterruptedException {
          if (context.subtaskIndex() == 0 && next < 10) {
            output.collect(next, next * 1000);
            next++;
            return InputStatus.MORE_AVAILABLE;
          }
          Thread.sleep(1);
          return InputStatus.NOTHING_AVAILABLE;
        }
      };
    }
  }

  static final class CountWindow extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
    @Override
    public void process(Long key, Context ctx, Iterable<Long> elements, Collector<String> out) {
      int n = 0;
      for (Long ignored : elements) n++;
      out.collect(ctx.window().getStart() + ":" + n);
    }
  }

  @Test
  @Timeout(30)
  void idleSourceSubtaskDoesNotHoldBackEventTime() {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration().set("pipeline.auto-watermark-interval", "10ms");
    List<String> windows = env.fromSource(new HalfIdleSource(),
            WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ZERO).withIdleness(Duration.ofMillis(50)), "s")
        .keyBy(v -> 0L)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .process(new CountWindow())
        .executeAndCollect(1);
    assertThat(windows).containsExactly("0:5");
  }

  /** Emits 10 records at once, then waits until the clock reaches 100 s and ends. */
  record ClockedSource() implements Source<Long> {
    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long> createReader(SourceReaderContext context) {
      return new SourceReader<>() {
        long next;

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) throws InterruptedException {
          if (next < 10) {
            output.collect(next++);
            return InputStatus.MORE_AVAILABLE;
          }
          if (context.currentProcessingTime() >= 100_000) {
            return InputStatus.END_OF_INPUT;
          }
          Thread.sleep(1);
          return InputStatus.NOTHING_AVAILABLE;
        }
      };
    }
  }

  @Test
  @Timeout(60)
  void processingTimeWindowsFollowTheJobClock() throws Exception {
    ManualClock clock = new ManualClock(1_000);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(1).setExecutor(new LocalJobExecutor(clock));
    var results = env.fromSource(new ClockedSource(), WatermarkStrategy.noWatermarks(), "clocked")
        .keyBy(v -> 0L)
        .window(TumblingProcessingTimeWindows.of(Duration.ofSeconds(10)))
        .process(new CountWindow())
        .executeAndCollect();
    List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> results.forEachRemaining(out::add));
    reader.start();
    while (out.isEmpty() && clock.currentTimeMillis() < 90_000) {
      Thread.sleep(20);
      clock.advance(1_000); // a window fires only once the job's clock passes its end
    }
    clock.setTime(100_000);
    reader.join();
    assertThat(out).hasSize(1);
    assertThat(out.get(0)).matches("(\\d*0000|0):10");
  }
}
