package io.eddy.api.datastream.internal;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.windowing.Window;

/** Emits a window's pre-aggregated value as is (reduce or aggregate without a window function). */
public final class PassThroughWindowFunction<K, W extends Window, T> extends ProcessWindowFunction<T, T, K, W> {
  @Override
  public void process(K key, Context context, Iterable<T> elements, Collector<T> out) {
    for (T element : elements) {
      out.collect(element);
    }
  }
}
