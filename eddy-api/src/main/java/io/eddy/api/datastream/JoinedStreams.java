package io.eddy.api.datastream;

import io.eddy.api.datastream.CoGroupedStreams.TaggedUnion;
import io.eddy.api.datastream.internal.FlatJoinCoGroupFunction;
import io.eddy.api.datastream.internal.JoinCoGroupFunction;
import io.eddy.api.functions.FlatJoinFunction;
import io.eddy.api.functions.JoinFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.windowing.Evictor;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;
import java.time.Duration;

/**
 * Builds a window join of two streams: {@code a.join(b).where(k1).equalTo(k2).window(w).apply(f)}
 * calls f for every pair of records of one key, one from each side, that fall into the same
 * window (an inner join per window). Built, as in Flink, on {@link CoGroupedStreams}.
 */
public final class JoinedStreams<T1, T2> {
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.input1 = input1;
    this.input2 = input2;
  }

  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    if (keySelector == null) {
      throw new IllegalArgumentException("join: the first input's key selector must not be null");
    }
    return new Where<>(keySelector);
  }

  /** The first input's key is set; the second's comes next. */
  public final class Where<KEY> {
    private final KeySelector<T1, KEY> keySelector1;

    private Where(KeySelector<T1, KEY> keySelector1) {
      this.keySelector1 = keySelector1;
    }

    public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
      if (keySelector == null) {
        throw new IllegalArgumentException("join: the second input's key selector must not be null");
      }
      return new EqualTo(keySelector);
    }

    /** Both keys are set; the window comes next. */
    public final class EqualTo {
      private final KeySelector<T2, KEY> keySelector2;

      private EqualTo(KeySelector<T2, KEY> keySelector2) {
        this.keySelector2 = keySelector2;
      }

      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(input1.coGroup(input2).where(keySelector1).equalTo(keySelector2).window(assigner));
      }
    }
  }

  /** A join with its window; optionally a trigger, an evictor and allowed lateness, then the function. */
  public static final class WithWindow<T1, T2, KEY, W extends Window> {
    private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

    WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
      this.coGroup = coGroup;
    }

    public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
      return new WithWindow<>(coGroup.trigger(newTrigger));
    }

    public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
      return new WithWindow<>(coGroup.evictor(newEvictor));
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
      return new WithWindow<>(coGroup.allowedLateness(newLateness));
    }

    public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
      return coGroup.apply(new JoinCoGroupFunction<>(function));
    }

    public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
      return coGroup.apply(new FlatJoinCoGroupFunction<>(function));
    }
  }
}
