package io.eddy.api.datastream;

import io.eddy.api.functions.ProcessJoinFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.TwoInputTransformation;
import java.time.Duration;

/**
 * Builds an interval join: a left record at time t matches right records of the same key with
 * timestamps in [t + lower, t + upper] (bounds inclusive unless made exclusive).
 */
public final class IntervalJoin<T1, T2, K> {
  private final KeyedStream<T1, K> left;
  private final KeyedStream<T2, K> right;

  IntervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right) {
    this.left = left;
    this.right = right;
  }

  public Bounded between(Duration lowerBound, Duration upperBound) {
    return new Bounded(lowerBound.toMillis(), upperBound.toMillis());
  }

  /** An interval join with its bounds set. */
  public final class Bounded {
    private long lower;
    private long upper;

    private Bounded(long lower, long upper) {
      if (lower > upper) {
        throw new IllegalArgumentException("Lower bound " + lower + " is above upper bound " + upper);
      }
      this.lower = lower;
      this.upper = upper;
    }

    public Bounded lowerBoundExclusive() {
      lower++;
      return this;
    }

    public Bounded upperBoundExclusive() {
      upper--;
      return this;
    }

    /** In the asynchronous model when either side called enableAsyncState(). */
    private OperatorSpec asyncState(OperatorSpec spec) {
      return left.isAsyncStateEnabled() || right.isAsyncStateEnabled() ? new OperatorSpec.AsyncStateSpec(spec) : spec;
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<T1, T2, OUT> function) {
      return new SingleOutputStreamOperator<>(left.getExecutionEnvironment(),
          new TwoInputTransformation<>("Interval Join", left.getTransformation(), right.getTransformation(),
              asyncState(new OperatorSpec.IntervalJoinSpec(lower, upper, function)), -1,
              left.getKeySelector(), right.getKeySelector()));
    }
  }
}
