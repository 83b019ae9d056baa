package io.eddy.cli.bench;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple3;
import io.eddy.cep.CEP;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import io.eddy.connectors.datagen.DataGenSource;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CEP throughput on a keyed pattern, {@code a followedBy b within W}, over generated events:
 * event i is (key, kind, timestamp i ms) with key and kind (a, b or c) from a hash of i, so per
 * key a partial match starts at every a and most end at the next b. The twin harness in
 * benchmarks/flink-cep runs the same pattern on the same events with Flink 2.3's CEP library;
 * both print the number of matches, which must agree. Reports the best of several runs.
 */
public final class CepBenchmark {
  private static final AtomicLong MATCHES = new AtomicLong();
  private final long events;
  private final int keys;
  private final Duration within;
  private final int parallelism;
  private final List<String> backends;
  private final int repeat;
  private final PrintStream out;

  public CepBenchmark(long events, int keys, Duration within, int parallelism, List<String> backends, int repeat,
      PrintStream out) {
    this.events = events;
    this.keys = keys;
    this.within = within;
    this.parallelism = parallelism;
    this.backends = backends;
    this.repeat = repeat;
    this.out = out;
  }

  /** Event i: (key, kind 0..2, timestamp i); the same function as the Flink harness's. */
  static Tuple3<Long, Integer, Long> event(long i, int keys) {
    long h = (i + 1) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return Tuple3.of(Math.floorMod(h, (long) keys), (int) Math.floorMod(h >>> 40, 3L), i);
  }

  public int run() throws Exception {
    for (String backend : backends) {
      double best = Double.MAX_VALUE;
      long matches = 0;
      for (int r = 0; r < repeat; r++) {
        MATCHES.set(0);
        best = Math.min(best, runOnce(backend));
        matches = MATCHES.get();
      }
      out.printf(Locale.ROOT, "eddy cep backend=%s parallelism=%d events=%d keys=%d within_ms=%d seconds=%.3f "
              + "events_per_second=%.0f matches=%d%n", backend, parallelism, events, keys, within.toMillis(), best,
          events / best, matches);
    }
    return 0;
  }

  /** Events all runs read (for a progress bar). */
  public long totalEvents() {
    return events * backends.size() * repeat;
  }

  private double runOnce(String backend) throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration().set("state.backend.type", backend);
    long keyCount = keys;
    var source = env.fromSource(DataGenSource.of(events, i -> event(i, (int) keyCount)),
        WatermarkStrategy.<Tuple3<Long, Integer, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f2),
        "events");
    Pattern<Tuple3<Long, Integer, Long>, ?> pattern = Pattern.<Tuple3<Long, Integer, Long>>begin("a")
        .where(SimpleCondition.of(e -> e.f1 == 0))
        .followedBy("b").where(SimpleCondition.of(e -> e.f1 == 1))
        .within(within);
    CEP.pattern(source.keyBy(e -> e.f0), pattern).process(new CountMatches()).sinkTo(new DiscardingSink<>());
    long start = System.nanoTime();
    env.execute("cep benchmark");
    return (System.nanoTime() - start) / 1e9;
  }

  /** Counts matches (emits nothing): per subtask, added to the run's total when it closes. */
  static final class CountMatches extends PatternProcessFunction<Tuple3<Long, Integer, Long>, Long> {
    private long matches;

    @Override
    public void processMatch(Map<String, List<Tuple3<Long, Integer, Long>>> match, Context ctx, Collector<Long> out) {
      matches++;
    }

    @Override
    public void close() {
      MATCHES.addAndGet(matches);
      matches = 0;
    }
  }
}
