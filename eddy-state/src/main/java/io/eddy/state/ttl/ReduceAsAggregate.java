package io.eddy.state.ttl;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.ReduceFunction;

/** A reduce function seen as an aggregate whose accumulator is the reduced value (null = empty). */
record ReduceAsAggregate<T>(ReduceFunction<T> reducer) implements AggregateFunction<T, T, T> {
  @Override
  public T createAccumulator() {
    return null;
  }

  @Override
  public T add(T value, T accumulator) {
    try {
      return accumulator == null ? value : reducer.reduce(accumulator, value);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Reduce function failed", e);
    }
  }

  @Override
  public T getResult(T accumulator) {
    return accumulator;
  }

  @Override
  public T merge(T a, T b) {
    return add(b, a);
  }
}
