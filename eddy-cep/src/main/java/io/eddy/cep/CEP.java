package io.eddy.cep;

import io.eddy.api.datastream.DataStream;
import io.eddy.cep.pattern.Pattern;

/** Entry point of complex event processing: detect a {@link Pattern} in a stream. */
public final class CEP {
  private CEP() {}

  /** The matches of {@code pattern} in {@code input} (per key if {@code input} is keyed). */
  public static <T> PatternStream<T> pattern(DataStream<T> input, Pattern<T, ?> pattern) {
    return new PatternStream<>(input, pattern, null, null, false);
  }

  /**
   * The matches of a set of patterns that {@code updates} add, replace and remove while the job
   * runs (Eddy's extension; Flink proposed but never shipped it). Keep {@code updates} at
   * parallelism 1 so that every subtask applies the updates in the same order.
   */
  public static <T> io.eddy.cep.dynamic.DynamicPatternStream<T> dynamicPatterns(
      io.eddy.api.datastream.KeyedStream<T, ?> input,
      DataStream<io.eddy.cep.dynamic.PatternUpdate<T>> updates) {
    return new io.eddy.cep.dynamic.DynamicPatternStream<>(input, updates, null);
  }

  /** As {@link #pattern(DataStream, Pattern)}, ordering events with equal timestamps by {@code comparator}. */
  public static <T> PatternStream<T> pattern(DataStream<T> input, Pattern<T, ?> pattern,
      EventComparator<T> comparator) {
    return new PatternStream<>(input, pattern, java.util.Objects.requireNonNull(comparator, "comparator"), null,
        false);
  }
}
