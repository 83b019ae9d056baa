package io.eddy.api.state;

import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;

/** Describes a {@link ReducingState}. */
public final class ReducingStateDescriptor<T> extends StateDescriptor<T> {
  private final ReduceFunction<T> reduceFunction;

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
    this(name, reduceFunction, TypeSerializers.of(type));
  }

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
    this(name, reduceFunction, typeInfo.createSerializer());
  }

  public ReducingStateDescriptor(
      String name, ReduceFunction<T> reduceFunction, TypeSerializer<T> serializer) {
    super(name, serializer);
    this.reduceFunction = reduceFunction;
  }

  public ReduceFunction<T> getReduceFunction() {
    return reduceFunction;
  }

  @Override
  public Kind kind() {
    return Kind.REDUCING;
  }
}
