package io.eddy.api.state.v2;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;

/** Describes an {@link AggregatingState}; the serializer is the accumulator's. */
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
  public AggregatingStateDescriptor(String stateId, AggregateFunction<IN, ACC, OUT> aggregateFunction,
      Class<ACC> accumulatorType) {
    super(new io.eddy.api.state.AggregatingStateDescriptor<>(stateId, aggregateFunction, accumulatorType));
  }

  public AggregatingStateDescriptor(String stateId, AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeInformation<ACC> accumulatorTypeInfo) {
    this(stateId, aggregateFunction, accumulatorTypeInfo.createSerializer());
  }

  public AggregatingStateDescriptor(String stateId, AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeSerializer<ACC> accumulatorSerializer) {
    super(new io.eddy.api.state.AggregatingStateDescriptor<>(stateId, aggregateFunction, accumulatorSerializer));
  }

  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return synchronousDescriptor().getAggregateFunction();
  }

  @SuppressWarnings("unchecked")
  @Override
  public io.eddy.api.state.AggregatingStateDescriptor<IN, ACC, OUT> synchronousDescriptor() {
    return (io.eddy.api.state.AggregatingStateDescriptor<IN, ACC, OUT>) super.synchronousDescriptor();
  }
}
