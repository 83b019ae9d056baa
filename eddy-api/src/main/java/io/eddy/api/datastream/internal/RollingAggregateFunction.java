package io.eddy.api.datastream.internal;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializers;

/** KeyedStream.aggregate: keeps the key's accumulator and emits its result after every record. */
public final class RollingAggregateFunction<K, T, ACC, R> extends KeyedProcessFunction<K, T, R> {
  private final AggregateFunction<T, ACC, R> aggregate;
  private transient ValueState<ACC> accumulator;

  public RollingAggregateFunction(AggregateFunction<T, ACC, R> aggregate) {
    this.aggregate = aggregate;
  }

  @Override
  public void open(OpenContext openContext) {
    accumulator = getRuntimeContext().getState(
        new ValueStateDescriptor<>("aggregate", TypeSerializers.<ACC>generic()));
  }

  @Override
  public void processElement(T value, Context ctx, Collector<R> out) throws Exception {
    ACC acc = accumulator.value();
    if (acc == null) {
      acc = aggregate.createAccumulator();
    }
    acc = aggregate.add(value, acc);
    accumulator.update(acc);
    out.collect(aggregate.getResult(acc));
  }
}
