package io.eddy.cli.bench;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.datagen.DataGenSource;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The runtime's throughput on two jobs: (a) source -> map -> filter -> discard, which measures
 * the per-record cost of sources and chained operators, and (b) keyBy -> count per key over
 * many distinct keys on the hashmap backend, which adds the shuffle between tasks and a state
 * read and write per record. Reports the best of several runs per parallelism.
 */
public final class PipelineBenchmark {
  private static final List<String> JOBS = List.of("map-filter-discard", "keyby-count");
  private final long records;
  private final int keys;
  private final List<Integer> parallelisms;
  private final int repeat;
  private final PrintStream out;

  /** Further configuration (e.g. execution.batch-size) comes from the context ({@code eddy bench pipeline -D}). */
  public PipelineBenchmark(long records, int keys, List<Integer> parallelisms, int repeat, PrintStream out) {
    this.records = records;
    this.keys = keys;
    this.parallelisms = parallelisms;
    this.repeat = repeat;
    this.out = out;
  }

  public int run() throws Exception {
    out.printf(Locale.ROOT, "%-28s %11s %12s %9s %16s %20s%n",
        "job", "parallelism", "records", "seconds", "records/s", "records/s per core");
    for (String job : JOBS) {
      runJob(job);
    }
    return 0;
  }

  /** Records all runs read: each job at each parallelism {@code repeat} times (for a progress bar). */
  public long totalRecords() {
    return records * JOBS.size() * parallelisms.size() * repeat;
  }

  private void runJob(String job) throws Exception {
    for (int p : parallelisms) {
      double best = Double.MAX_VALUE;
      for (int i = 0; i < repeat; i++) {
        double seconds = runOnce(job, p);
        best = Math.min(best, seconds);
      }
      double rate = records / best;
      int cores = Math.min(p, Runtime.getRuntime().availableProcessors());
      out.printf(Locale.ROOT, "%-28s %11d %12d %9.2f %16.0f %20.0f%n", job, p, records, best, rate, rate / cores);
    }
  }

  private double runOnce(String job, int parallelism) throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    var numbers = env.fromSource(DataGenSource.sequence(0, records - 1), WatermarkStrategy.noWatermarks(), "numbers");
    if (job.equals("map-filter-discard")) {
      numbers.map(x -> x * 3).filter(x -> (x & 7) != 0).sinkTo(new DiscardingSink<>());
    } else {
      long keyCount = keys;
      numbers.keyBy(x -> x % keyCount).process(new CountPerKey()).sinkTo(new DiscardingSink<>());
    }
    long start = System.nanoTime();
    env.execute(job);
    return (System.nanoTime() - start) / 1e9;
  }

  /** Keeps a count per key in value state; emits nothing. */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
      Long c = count.value();
      count.update(c == null ? 1L : c + 1);
    }
  }
}
