package io.eddy.connectors.datagen;

/**
 * The record indexes one subtask of a {@link DataGenSource} generates, as a cursor. A bounded
 * source of {@code count} records gives each subtask one contiguous range (the first
 * {@code count % parallelism} subtasks get one extra index); an unbounded source gives subtask
 * {@code i} the indexes {@code i, i + parallelism, i + 2 * parallelism, ...}. Either way every
 * index belongs to exactly one subtask. Its {@link Position} is what a checkpoint stores.
 * Not thread-safe: used by one reader.
 */
final class IndexSlice {
  /** Where a slice stands: the next index, the end (exclusive) and the step. */
  record Position(long next, long end, long stride) implements java.io.Serializable {}

  private long next;
  private final long end;
  private final long stride;

  private IndexSlice(long next, long end, long stride) {
    this.next = next;
    this.end = end;
    this.stride = stride;
  }

  /** Subtask {@code subtask}'s contiguous share of the indexes {@code [0, count)}. */
  static IndexSlice range(long count, int subtask, int parallelism) {
    long base = count / parallelism;
    long extra = count % parallelism;
    long start = base * subtask + Math.min(subtask, extra);
    long size = base + (subtask < extra ? 1 : 0);
    return new IndexSlice(start, start + size, 1);
  }

  /** Subtask {@code subtask}'s interleaved share of the indexes {@code [0, Long.MAX_VALUE)}. */
  static IndexSlice strided(int subtask, int parallelism) {
    return new IndexSlice(subtask, Long.MAX_VALUE, parallelism);
  }

  static IndexSlice resume(Position position) {
    return new IndexSlice(position.next(), position.end(), position.stride());
  }

  Position position() {
    return new Position(next, end, stride);
  }

  boolean hasNext() {
    return next < end;
  }

  /** REQUIRES: {@link #hasNext()}. */
  long next() {
    long index = next;
    next = end - next > stride ? next + stride : end;
    return index;
  }
}
