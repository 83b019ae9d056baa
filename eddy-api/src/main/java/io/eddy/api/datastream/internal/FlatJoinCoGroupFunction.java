package io.eddy.api.datastream.internal;

import io.eddy.api.functions.CoGroupFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.FlatJoinFunction;

/** A window flat join as a coGroup: every pair of the window's records of one key from both sides, first side outer. */
public final class FlatJoinCoGroupFunction<T1, T2, T> extends WrappingFunction<FlatJoinFunction<T1, T2, T>>
    implements CoGroupFunction<T1, T2, T> {

  public FlatJoinCoGroupFunction(FlatJoinFunction<T1, T2, T> function) {
    super(function);
  }

  @Override
  public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
    for (T1 left : first) {
      for (T2 right : second) {
        wrappedFunction.join(left, right, out);
      }
    }
  }
}
