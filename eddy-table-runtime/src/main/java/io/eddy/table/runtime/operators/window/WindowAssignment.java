package io.eddy.table.runtime.operators.window;

import java.io.Serializable;
import java.util.function.LongConsumer;

/**
 * The windows of a window table function (TUMBLE, HOP, CUMULATE) over event time in epoch
 * milliseconds: which windows contain a timestamp, identified by their end (exclusive), and the
 * start of a window by its end. Within one assignment no two windows share an end. Windows are
 * aligned to the epoch plus {@code offset}, as in Flink. Immutable.
 *
 * <p>Time is also cut into slices (Flink's SliceAssigners): intervals aligned like the windows
 * (TUMBLE's size, HOP's gcd of slide and size, CUMULATE's step), so that every window is a run of
 * whole slices and every slice lies in whole in each window that contains one of its instants. A
 * slice is identified by its end too.
 */
public sealed interface WindowAssignment extends Serializable {

  /** Calls {@code windowEnds} with the end of every window containing {@code timestamp}. */
  void assign(long timestamp, LongConsumer windowEnds);

  long startOf(long windowEnd);

  /** The end of the slice containing {@code timestamp}. */
  long sliceEnd(long timestamp);

  /** The end of the last window containing the slice ending at {@code sliceEnd}. */
  long lastWindowOfSlice(long sliceEnd);

  /** Calls {@code windowEnds} with the end of every window containing the slice ending at {@code sliceEnd}. */
  default void windowsOfSlice(long sliceEnd, LongConsumer windowEnds) {
    assign(sliceEnd - 1, windowEnds);
  }

  /** Whether the slice ending at {@code sliceEnd} is one of the window ending at {@code windowEnd}. */
  default boolean sliceInWindow(long sliceEnd, long windowEnd) {
    return sliceEnd > startOf(windowEnd) && sliceEnd <= windowEnd;
  }

  /** {@code TUMBLE(size)}: windows [k*size, (k+1)*size). */
  record Tumble(long size, long offset) implements WindowAssignment {
    public Tumble {
      requirePositive(size, "TUMBLE size");
    }

    @Override
    public void assign(long timestamp, LongConsumer windowEnds) {
      windowEnds.accept(alignedStart(timestamp, offset, size) + size);
    }

    @Override
    public long startOf(long windowEnd) {
      return windowEnd - size;
    }

    @Override
    public long sliceEnd(long timestamp) {
      return alignedStart(timestamp, offset, size) + size;
    }

    @Override
    public long lastWindowOfSlice(long sliceEnd) {
      return sliceEnd;
    }
  }

  /** {@code HOP(slide, size)}: windows of length size starting every slide. */
  record Hop(long slide, long size, long offset) implements WindowAssignment {
    public Hop {
      requirePositive(slide, "HOP slide");
      requirePositive(size, "HOP size");
    }

    @Override
    public void assign(long timestamp, LongConsumer windowEnds) {
      long lastStart = alignedStart(timestamp, offset, slide);
      for (long start = lastStart; start > timestamp - size; start -= slide) {
        windowEnds.accept(start + size);
      }
    }

    @Override
    public long startOf(long windowEnd) {
      return windowEnd - size;
    }

    @Override
    public long sliceEnd(long timestamp) {
      long slice = size % slide == 0 ? slide : gcd(slide, size); // per row: the common case without a loop
      return alignedStart(timestamp, offset, slice) + slice;
    }

    @Override
    public long lastWindowOfSlice(long sliceEnd) {
      return alignedStart(sliceEnd - 1, offset, slide) + size;
    }
  }

  /** {@code CUMULATE(step, size)}: windows [k*size, k*size + n*step) for n = 1 .. size/step. */
  record Cumulate(long step, long size, long offset) implements WindowAssignment {
    public Cumulate {
      requirePositive(step, "CUMULATE step");
      requirePositive(size, "CUMULATE size");
      if (size % step != 0) {
        throw new IllegalArgumentException("CUMULATE size " + size + " ms must be a multiple of the step " + step + " ms");
      }
    }

    @Override
    public void assign(long timestamp, LongConsumer windowEnds) {
      long start = alignedStart(timestamp, offset, size);
      for (long end = alignedStart(timestamp, start, step) + step; end <= start + size; end += step) {
        windowEnds.accept(end);
      }
    }

    @Override
    public long startOf(long windowEnd) {
      return alignedStart(windowEnd - 1, offset, size);
    }

    @Override
    public long sliceEnd(long timestamp) {
      return alignedStart(timestamp, offset, step) + step;
    }

    @Override
    public long lastWindowOfSlice(long sliceEnd) {
      return startOf(sliceEnd) + size;
    }
  }

  /**
   * Windows assigned upstream (Flink's window-attached strategy, for a window aggregation over a
   * window join, aggregation or Top-N): the "timestamp" is the row's window_end, its one window.
   */
  record Attached(WindowAssignment upstream) implements WindowAssignment {
    @Override
    public void assign(long windowEnd, LongConsumer windowEnds) {
      windowEnds.accept(windowEnd);
    }

    @Override
    public long startOf(long windowEnd) {
      return upstream.startOf(windowEnd);
    }

    /** Each window is a slice of its own. */
    @Override
    public long sliceEnd(long windowEnd) {
      return windowEnd;
    }

    @Override
    public long lastWindowOfSlice(long sliceEnd) {
      return sliceEnd;
    }

    @Override
    public void windowsOfSlice(long sliceEnd, LongConsumer windowEnds) {
      windowEnds.accept(sliceEnd);
    }

    @Override
    public boolean sliceInWindow(long sliceEnd, long windowEnd) {
      return sliceEnd == windowEnd;
    }

    @Override
    public String toString() {
      return upstream.toString();
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  /** The largest {@code offset + k*length <= timestamp}. */
  static long alignedStart(long timestamp, long offset, long length) {
    return timestamp - Math.floorMod(timestamp - offset, length);
  }

  private static void requirePositive(long millis, String what) {
    if (millis <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + millis + " ms");
    }
  }
}
