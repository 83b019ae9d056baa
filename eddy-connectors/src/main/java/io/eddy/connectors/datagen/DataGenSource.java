package io.eddy.connectors.datagen;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A parallel source of generated records, for tests, demos and benchmarks. Record {@code i} is
 * {@code generator.generate(i)}; the indexes are split among the subtasks (see
 * {@link IndexSlice}), so every record is produced exactly once and the same records come out at
 * every parallelism. Bounded ({@link #of}, {@link #sequence}) or unbounded ({@link #unbounded}),
 * optionally paced to a total rate ({@link #withRate}). Checkpoints each subtask's position, so
 * a restored job continues where it stopped, also at another parallelism. Immutable; the
 * {@code with...} methods return a new source.
 *
 * <pre>{@code
 * env.fromSource(DataGenSource.sequence(1, 100), WatermarkStrategy.noWatermarks(), "numbers");
 * DataGenSource<Order> orders = DataGenSource
 *     .of(1_000_000, GeneratorFunction.random(42, (random, i) -> new Order(i, random.nextInt(100))))
 *     .withRate(10_000);
 * }</pre>
 */
public final class DataGenSource<T> implements Source<T> {
  private final GeneratorFunction<T> generator;
  /** How many records in all; -1 when unbounded. */
  private final long count;
  /** Records per second over all subtasks; 0 when not paced. */
  private final double recordsPerSecond;

  private DataGenSource(GeneratorFunction<T> generator, long count, double recordsPerSecond) {
    this.generator = generator;
    this.count = count;
    this.recordsPerSecond = recordsPerSecond;
  }

  /** The records {@code generator.generate(0) ... generator.generate(count - 1)}. */
  public static <T> DataGenSource<T> of(long count, GeneratorFunction<T> generator) {
    if (count < 0) {
      throw new IllegalArgumentException("Record count must not be negative, got " + count);
    }
    return new DataGenSource<>(generator, count, 0);
  }

  /** The records {@code generator.generate(0), generator.generate(1), ...} until cancelled. */
  public static <T> DataGenSource<T> unbounded(GeneratorFunction<T> generator) {
    return new DataGenSource<>(generator, -1, 0);
  }

  /** The numbers {@code from} to {@code to}, both included (as Flink's NumberSequenceSource). */
  public static DataGenSource<Long> sequence(long from, long to) {
    if (to < from || to - from < 0 || to - from == Long.MAX_VALUE) { // empty, or more than Long.MAX_VALUE numbers
      throw new IllegalArgumentException("Cannot generate the sequence " + from + ".." + to);
    }
    return of(to - from + 1, index -> from + index);
  }

  /** Paces the source to about {@code recordsPerSecond} in all, each subtask taking its share. */
  public DataGenSource<T> withRate(double recordsPerSecond) {
    if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
      throw new IllegalArgumentException("Rate must be a positive number of records per second, got "
          + recordsPerSecond);
    }
    return new DataGenSource<>(generator, count, recordsPerSecond);
  }

  @Override
  public Boundedness getBoundedness() {
    return count < 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    int subtask = context.subtaskIndex();
    int parallelism = context.parallelism();
    List<IndexSlice> slices = new ArrayList<>();
    if (context.isRestored()) {
      context.restoredState().forEach(p -> slices.add(IndexSlice.resume((IndexSlice.Position) p)));
    } else {
      slices.add(count < 0 ? IndexSlice.strided(subtask, parallelism) : IndexSlice.range(count, subtask, parallelism));
    }
    RateLimiter limiter = recordsPerSecond > 0 ? new RateLimiter(recordsPerSecond / parallelism) : null;
    return new DataGenReader<>(generator, slices, limiter, context);
  }
}
