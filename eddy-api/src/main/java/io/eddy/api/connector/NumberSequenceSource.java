package io.eddy.api.connector;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, parallel source of the numbers from {@code from} to {@code to} (both inclusive),
 * each emitted once (fromSequence); the range holds at most Long.MAX_VALUE numbers. Subtask i of p reads the i-th of p contiguous ranges, in
 * ascending order. Its checkpoint is the rest of each range, so it rescales.
 */
public final class NumberSequenceSource implements Source<Long> {
  private final long from;
  private final long count;

  /** The numbers of [next, end] still to emit. */
  private record Remaining(long next, long end) implements Serializable {}

  public NumberSequenceSource(long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException("Start of sequence must not be greater than the end: " + from + " > " + to);
    }
    if (to - from < 0 || to - from == Long.MAX_VALUE) {
      throw new IllegalArgumentException("A sequence holds at most Long.MAX_VALUE numbers: " + from + " to " + to);
    }
    this.from = from;
    this.count = to - from + 1;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Long> createReader(SourceReaderContext context) {
    List<Remaining> ranges = new ArrayList<>();
    if (context.isRestored()) {
      for (Serializable entry : context.restoredState()) {
        ranges.add((Remaining) entry);
      }
    } else {
      long start = from + offset(count, context.subtaskIndex(), context.parallelism());
      long end = from + offset(count, context.subtaskIndex() + 1, context.parallelism()) - 1;
      if (start <= end) {
        ranges.add(new Remaining(start, end));
      }
    }
    return new SourceReader<>() {
      private int range;
      private long next = ranges.isEmpty() ? 0 : ranges.get(0).next;

      @Override
      public InputStatus pollNext(ReaderOutput<Long> output) {
        if (range == ranges.size()) {
          return InputStatus.END_OF_INPUT;
        }
        long value = next;
        output.collect(value);
        if (value == ranges.get(range).end) {
          range++;
          next = range < ranges.size() ? ranges.get(range).next : 0;
        } else {
          next = value + 1;
        }
        return range < ranges.size() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
      }

      @Override
      public List<Remaining> snapshotState(long checkpointId) {
        List<Remaining> rest = new ArrayList<>();
        for (int i = range; i < ranges.size(); i++) {
          rest.add(i == range ? new Remaining(next, ranges.get(i).end) : ranges.get(i));
        }
        return rest;
      }
    };
  }

  /** Where subtask {@code index}'s share of {@code count} numbers starts; shares differ by at most one. */
  private static long offset(long count, int index, int parallelism) {
    return count / parallelism * index + Math.min(index, count % parallelism);
  }
}
