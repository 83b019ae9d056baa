package io.eddy.api.state.v2;

import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;

/** Describes a {@link ReducingState}. */
public final class ReducingStateDescriptor<T> extends StateDescriptor<T> {
  public ReducingStateDescriptor(String stateId, ReduceFunction<T> reduceFunction, Class<T> type) {
    super(new io.eddy.api.state.ReducingStateDescriptor<>(stateId, reduceFunction, type));
  }

  public ReducingStateDescriptor(String stateId, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
    this(stateId, reduceFunction, typeInfo.createSerializer());
  }

  public ReducingStateDescriptor(String stateId, ReduceFunction<T> reduceFunction, TypeSerializer<T> serializer) {
    super(new io.eddy.api.state.ReducingStateDescriptor<>(stateId, reduceFunction, serializer));
  }

  public ReduceFunction<T> getReduceFunction() {
    return synchronousDescriptor().getReduceFunction();
  }

  @Override
  public io.eddy.api.state.ReducingStateDescriptor<T> synchronousDescriptor() {
    return (io.eddy.api.state.ReducingStateDescriptor<T>) super.synchronousDescriptor();
  }
}
