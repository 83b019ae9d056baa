package io.eddy.connectors.recovery;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.datagen.DataGenSource;
import io.eddy.connectors.file.FileSink;
import java.nio.file.Path;

/**
 * The job of the process-kill test: paced generated numbers, a running count per key in keyed
 * state, written as "key,count" lines by the exactly-once file sink, with checkpoints. Its main
 * runs it in a process of its own: {@code CountingJob <checkpoint dir> <output dir> <records>
 * <records per second> <resume: true|false> <parallelism>}.
 */
public final class CountingJob {
  static final int KEYS = 50;

  private CountingJob() {}

  /** Emits (key, n) for the n-th record of each key. */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long c = count.value() == null ? 1 : count.value() + 1;
      count.update(c);
      out.collect(ctx.getCurrentKey() + "," + c);
    }
  }

  static void run(Path checkpoints, Path output, long records, double rate, boolean resume, int parallelism)
      throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "50ms")
        .set("state.checkpoints.dir", checkpoints.toString())
        .set("execution.checkpointing.resume", String.valueOf(resume));
    DataGenSource<Long> numbers = DataGenSource.of(records, i -> i);
    env.fromSource(rate > 0 ? numbers.withRate(rate) : numbers, WatermarkStrategy.noWatermarks(), "numbers")
        .keyBy(i -> i % KEYS)
        .process(new CountPerKey()).uid("count-per-key")
        .sinkTo(FileSink.csv(output, line -> line.split(",")));
    env.execute("counting");
  }

  public static void main(String[] args) throws Exception {
    run(Path.of(args[0]), Path.of(args[1]), Long.parseLong(args[2]), Double.parseDouble(args[3]),
        Boolean.parseBoolean(args[4]), Integer.parseInt(args[5]));
  }
}
