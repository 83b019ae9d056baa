package io.eddy.api.datastream;

import io.eddy.api.datastream.internal.CoGroupWindowFunction;
import io.eddy.api.functions.CoGroupFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.MapFunction;
import io.eddy.api.windowing.Evictor;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;
import java.io.Serializable;
import java.time.Duration;

/**
 * Builds a window coGroup of two streams: {@code a.coGroup(b).where(k1).equalTo(k2).window(w)
 * .apply(f)} calls f once per key and window with the records of both sides (either side may be
 * empty). As in Flink it is a keyed window over the union of both inputs, each record tagged with
 * its side ({@link TaggedUnion}); triggers and evictors see the tagged records.
 */
public final class CoGroupedStreams<T1, T2> {
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.input1 = input1;
    this.input2 = input2;
  }

  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    if (keySelector == null) {
      throw new IllegalArgumentException("coGroup: the first input's key selector must not be null");
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
        throw new IllegalArgumentException("coGroup: the second input's key selector must not be null");
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
        return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, null, null, null);
      }
    }
  }

  /** A coGroup with its window; optionally a trigger, an evictor and allowed lateness, then the function. */
  public static final class WithWindow<T1, T2, KEY, W extends Window> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;
    private final KeySelector<T1, KEY> keySelector1;
    private final KeySelector<T2, KEY> keySelector2;
    private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
    private final Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
    private final Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
    private final Duration allowedLateness;

    WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1,
        KeySelector<T2, KEY> keySelector2, WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner,
        Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger,
        Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor, Duration allowedLateness) {
      this.input1 = input1;
      this.input2 = input2;
      this.keySelector1 = keySelector1;
      this.keySelector2 = keySelector2;
      this.assigner = assigner;
      this.trigger = trigger;
      this.evictor = evictor;
      this.allowedLateness = allowedLateness;
    }

    public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
      return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, newTrigger, evictor,
          allowedLateness);
    }

    public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
      return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, trigger, newEvictor,
          allowedLateness);
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
      return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner, trigger, evictor, newLateness);
    }

    public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
      KeySelector<T1, KEY> key1 = keySelector1;
      KeySelector<T2, KEY> key2 = keySelector2;
      DataStream<TaggedUnion<T1, T2>> tagged1 = tag(input1, TaggedUnion::one);
      DataStream<TaggedUnion<T1, T2>> tagged2 = tag(input2, TaggedUnion::two);
      WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = tagged1.union(tagged2)
          .keyBy((KeySelector<TaggedUnion<T1, T2>, KEY>) union ->
              union.isOne() ? key1.getKey(union.getOne()) : key2.getKey(union.getTwo()))
          .window(assigner);
      if (trigger != null) {
        windowed.trigger(trigger);
      }
      if (evictor != null) {
        windowed.evictor(evictor);
      }
      if (allowedLateness != null) {
        windowed.allowedLateness(allowedLateness);
      }
      return windowed.process(new CoGroupWindowFunction<T1, T2, T, KEY, W>(function));
    }

    /** Tags one input's records with their side, at that input's parallelism. */
    private static <X, T1, T2> DataStream<TaggedUnion<T1, T2>> tag(
        DataStream<X> input, MapFunction<X, TaggedUnion<T1, T2>> tagger) {
      SingleOutputStreamOperator<TaggedUnion<T1, T2>> tagged = input.map(tagger);
      tagged.getTransformation().setParallelism(input.getTransformation().getParallelism());
      return tagged;
    }
  }

  /** A record of either coGroup input, tagged with its side. */
  public static final class TaggedUnion<T1, T2> implements Serializable {
    private final T1 one;
    private final T2 two;

    private TaggedUnion(T1 one, T2 two) {
      this.one = one;
      this.two = two;
    }

    public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
      return new TaggedUnion<>(value, null);
    }

    public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
      return new TaggedUnion<>(null, value);
    }

    public boolean isOne() {
      return one != null;
    }

    public boolean isTwo() {
      return two != null;
    }

    public T1 getOne() {
      return one;
    }

    public T2 getTwo() {
      return two;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TaggedUnion<?, ?> other && java.util.Objects.equals(one, other.one)
          && java.util.Objects.equals(two, other.two);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(one, two);
    }

    @Override
    public String toString() {
      return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
    }
  }
}
