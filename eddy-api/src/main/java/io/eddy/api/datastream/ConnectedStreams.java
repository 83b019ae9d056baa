package io.eddy.api.datastream;

import io.eddy.api.functions.CoFlatMapFunction;
import io.eddy.api.functions.CoMapFunction;
import io.eddy.api.functions.CoProcessFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.TwoInputTransformation;

/** Two streams processed by one function that sees both, sharing its state between them. */
public final class ConnectedStreams<T1, T2> {
  private final StreamEnvironment environment;
  private final DataStream<T1> first;
  private final DataStream<T2> second;

  ConnectedStreams(StreamEnvironment environment, DataStream<T1> first, DataStream<T2> second) {
    this.environment = environment;
    this.first = first;
    this.second = second;
  }

  public DataStream<T1> getFirstInput() {
    return first;
  }

  public DataStream<T2> getSecondInput() {
    return second;
  }

  /** Partitions both sides by key, so that equal keys meet in the same subtask. */
  public <K> ConnectedStreams<T1, T2> keyBy(KeySelector<T1, K> key1, KeySelector<T2, K> key2) {
    return new ConnectedStreams<>(environment, first.keyBy(key1), second.keyBy(key2));
  }

  /** Maps both inputs to one output type; on keyed connected streams the function has keyed state. */
  public <R> SingleOutputStreamOperator<R> map(CoMapFunction<T1, T2, R> mapper) {
    return transform("Co-Map", new OperatorSpec.CoMapSpec(mapper));
  }

  /** Zero or more outputs per record of either input; on keyed connected streams the function has keyed state. */
  public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<T1, T2, R> flatMapper) {
    return transform("Co-Flat Map", new OperatorSpec.CoFlatMapSpec(flatMapper));
  }

  public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<T1, T2, R> function) {
    return transform("Co-Process", new OperatorSpec.CoProcessSpec(function));
  }

  public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, T1, T2, R> function) {
    if (first.stateKeySelector() == null || second.stateKeySelector() == null) {
      throw new IllegalStateException("A KeyedCoProcessFunction needs both inputs keyed: call keyBy first");
    }
    return transform("Keyed Co-Process", new OperatorSpec.KeyedCoProcessSpec(function));
  }

  private <R> SingleOutputStreamOperator<R> transform(String name, OperatorSpec spec) {
    return new SingleOutputStreamOperator<>(environment, new TwoInputTransformation<>(name,
        first.getTransformation(), second.getTransformation(), spec, -1,
        first.stateKeySelector(), second.stateKeySelector()));
  }
}
