package io.eddy.api.datastream.internal;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializers;

/** KeyedStream.reduce: keeps the key's running reduction and emits it after every record. */
public final class RollingReduceFunction<K, T> extends KeyedProcessFunction<K, T, T> {
  private final ReduceFunction<T> reducer;
  private transient ValueState<T> current;

  public RollingReduceFunction(ReduceFunction<T> reducer) {
    this.reducer = reducer;
  }

  @Override
  public void open(OpenContext openContext) {
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("reduce", TypeSerializers.<T>generic()));
  }

  @Override
  public void processElement(T value, Context ctx, Collector<T> out) throws Exception {
    T previous = current.value();
    T next = previous == null ? value : reducer.reduce(previous, value);
    current.update(next);
    out.collect(next);
  }
}
