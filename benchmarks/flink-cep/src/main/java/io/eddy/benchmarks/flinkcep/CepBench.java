package io.eddy.benchmarks.flinkcep;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The Flink 2.3 side of {@code eddy bench cep} (eddy-cli, io.eddy.cli.bench.CepBenchmark): the
 * same keyed pattern, {@code a followedBy b within W}, over the same generated events (the same
 * {@link #event} function), on a local MiniCluster, no checkpoints. Prints one line per backend:
 * {@code flink cep backend=B parallelism=P events=N ... seconds=S events_per_second=R matches=M}.
 * Arguments: --events N --keys K --within MS --parallelism P --backend hashmap,forst --repeat R.
 */
public final class CepBench {
  private static final AtomicLong MATCHES = new AtomicLong();

  private CepBench() {}

  /** Event i: (key, kind 0..2, timestamp i); the same function as Eddy's CepBenchmark.event. */
  static Tuple3<Long, Integer, Long> event(long i, int keys) {
    long h = (i + 1) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return Tuple3.of(Math.floorMod(h, (long) keys), (int) Math.floorMod(h >>> 40, 3L), i);
  }

  public static void main(String[] args) throws Exception {
    long events = 5_000_000;
    int keys = 1_000;
    long within = 10_000;
    int parallelism = 1;
    int repeat = 2;
    List<String> backends = List.of("hashmap");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[i + 1]);
        case "--keys" -> keys = Integer.parseInt(args[i + 1]);
        case "--within" -> within = Long.parseLong(args[i + 1]);
        case "--parallelism" -> parallelism = Integer.parseInt(args[i + 1]);
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        case "--backend" -> backends = List.of(args[i + 1].split(","));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    for (String backend : backends) {
      double best = Double.MAX_VALUE;
      long matches = 0;
      for (int r = 0; r < repeat; r++) {
        MATCHES.set(0);
        best = Math.min(best, runOnce(events, keys, within, parallelism, backend));
        matches = MATCHES.get();
      }
      System.out.printf(Locale.ROOT, "flink cep backend=%s parallelism=%d events=%d keys=%d within_ms=%d seconds=%.3f "
          + "events_per_second=%.0f matches=%d%n", backend, parallelism, events, keys, within, best, events / best, matches);
    }
  }

  private static double runOnce(long events, int keys, long within, int parallelism, String backend) throws Exception {
    Configuration conf = new Configuration();
    conf.setString("state.backend.type", backend);
    conf.setString("pipeline.object-reuse", "true");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    int keyCount = keys;
    DataGeneratorSource<Tuple3<Long, Integer, Long>> source = new DataGeneratorSource<>(
        i -> event(i, keyCount), events, Types.TUPLE(Types.LONG, Types.INT, Types.LONG));
    DataStream<Tuple3<Long, Integer, Long>> stream = env.fromSource(source,
        WatermarkStrategy.<Tuple3<Long, Integer, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f2),
        "events");
    Pattern<Tuple3<Long, Integer, Long>, ?> pattern = Pattern.<Tuple3<Long, Integer, Long>>begin("a")
        .where(SimpleCondition.of(e -> e.f1 == 0))
        .followedBy("b").where(SimpleCondition.of(e -> e.f1 == 1))
        .within(Duration.ofMillis(within));
    CEP.pattern(stream.keyBy(e -> e.f0), pattern).process(new CountMatches()).returns(Types.LONG)
        .sinkTo(new DiscardingSink<>());
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
    public void close() throws Exception {
      MATCHES.addAndGet(matches);
      matches = 0;
      super.close();
    }
  }
}
