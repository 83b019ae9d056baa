package io.eddy.api.datastream.internal;

import io.eddy.api.datastream.CoGroupedStreams.TaggedUnion;
import io.eddy.api.functions.CoGroupFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.windowing.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a window of the tagged union of both coGroup inputs: splits its records by side,
 * in arrival order, and hands both lists to the user's CoGroupFunction.
 */
public final class CoGroupWindowFunction<T1, T2, T, K, W extends Window>
    extends WrappingProcessWindowFunction<TaggedUnion<T1, T2>, T, K, W> {
  private final CoGroupFunction<T1, T2, T> function;

  public CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void process(K key, Context context, Iterable<TaggedUnion<T1, T2>> elements, Collector<T> out)
      throws Exception {
    List<T1> first = new ArrayList<>();
    List<T2> second = new ArrayList<>();
    for (TaggedUnion<T1, T2> element : elements) {
      if (element.isOne()) {
        first.add(element.getOne());
      } else {
        second.add(element.getTwo());
      }
    }
    function.coGroup(first, second, out);
  }
}
