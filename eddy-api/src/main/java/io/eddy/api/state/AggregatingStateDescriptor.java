package io.eddy.api.state;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;

/** Describes an {@link AggregatingState}; the serializer is the accumulator's. */
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
    this(name, aggregateFunction, TypeSerializers.of(accumulatorType));
  }

  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeInformation<ACC> accumulatorTypeInfo) {
    this(name, aggregateFunction, accumulatorTypeInfo.createSerializer());
  }

  public AggregatingStateDescriptor(
      String name,
      AggregateFunction<IN, ACC, OUT> aggregateFunction,
      TypeSerializer<ACC> accumulatorSerializer) {
    super(name, accumulatorSerializer);
    this.aggregateFunction = aggregateFunction;
  }

  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }

  @Override
  public Kind kind() {
    return Kind.AGGREGATING;
  }
}
