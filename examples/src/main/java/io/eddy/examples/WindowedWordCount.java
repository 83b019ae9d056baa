package io.eddy.examples;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.connectors.datagen.DataGenSource;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The classic first job: counts words per one-second window of event time over generated text.
 * Line i is stamped i * 10 ms, slightly out of order, so the bounded-out-of-orderness watermark
 * and the windows do real work. Shows sources with event time, flatMap, keyBy, windows with an
 * incremental reduce plus a window function, and collecting results.
 */
public final class WindowedWordCount {
  /** A count of one word in one window. */
  public record WordCount(long windowStart, String word, long count) {}

  private static final String[] WORDS = {
      "stream", "state", "window", "watermark", "checkpoint", "eddy", "key", "event", "time", "river",
      "current", "flow", "batch", "record", "timer", "join"};

  private WindowedWordCount() {}

  /** Line {@code i}: four to eight words picked by a hash of i. */
  public static String line(long i) {
    StringBuilder sb = new StringBuilder();
    long h = i * 0x9E3779B97F4A7C15L;
    int words = 4 + (int) ((h >>> 60) & 3) + (int) ((h >>> 58) & 1);
    for (int w = 0; w < words; w++) {
      h = Long.rotateLeft(h * 0xBF58476D1CE4E5B9L + w, 17);
      if (w > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[(int) ((h >>> 33) % WORDS.length)]);
    }
    return sb.toString();
  }

  /** Event time of line i: 10 ms apart, up to 30 ms out of order. */
  public static long timestamp(long i) {
    return i * 10 + (i * 7 % 4) * 10;
  }

  /** The job: (windowStart, word, count) for every word in every 1 s window. */
  public static DataStream<WordCount> build(StreamEnvironment env, long lines) {
    DataStream<Tuple2<Long, String>> text = env.fromSource(
        DataGenSource.of(lines, i -> Tuple2.of(timestamp(i), line(i))),
        WatermarkStrategy.<Tuple2<Long, String>>forBoundedOutOfOrderness(Duration.ofMillis(50))
            .withTimestampAssigner((t, ts) -> t.f0),
        "generated text");
    return text
        .flatMap((Tuple2<Long, String> t, Collector<Tuple2<String, Long>> out) -> {
          for (String word : t.f1.split(" ")) {
            out.collect(Tuple2.of(word, 1L));
          }
        })
        .keyBy(t -> t.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1), new ToWordCount())
        .name("count per word and window");
  }

  /** Attaches the window's start to the reduced count. */
  static final class ToWordCount extends ProcessWindowFunction<Tuple2<String, Long>, WordCount, String, TimeWindow> {
    @Override
    public void process(String word, Context ctx, Iterable<Tuple2<String, Long>> counts, Collector<WordCount> out) {
      out.collect(new WordCount(ctx.window().getStart(), word, counts.iterator().next().f1));
    }
  }

  /** Runs the job and prints a summary and the top counts. */
  public static List<WordCount> run(long lines, int parallelism, int top, PrintStream out) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    long start = System.nanoTime();
    List<WordCount> counts = new ArrayList<>();
    build(env, lines).executeAndCollect("windowed word count").forEachRemaining(counts::add);
    double seconds = (System.nanoTime() - start) / 1e9;
    long words = counts.stream().mapToLong(WordCount::count).sum();
    out.printf("windowed word count: %d lines, %d words in %d (window, word) counts, parallelism %d, %.2f s%n",
        lines, words, counts.size(), parallelism, seconds);
    counts.stream()
        .sorted(Comparator.comparingLong(WordCount::count).reversed()
            .thenComparingLong(WordCount::windowStart).thenComparing(WordCount::word))
        .limit(top)
        .forEach(c -> out.printf("  window %8d ms  %-10s %d%n", c.windowStart(), c.word(), c.count()));
    return counts;
  }

  public static void main(String[] args) {
    run(args.length > 0 ? Long.parseLong(args[0]) : 200_000, args.length > 1 ? Integer.parseInt(args[1]) : 2, 10,
        System.out);
  }
}
