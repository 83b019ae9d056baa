package io.eddy.api.datastream;

import io.eddy.api.functions.BroadcastProcessFunction;
import io.eddy.api.functions.KeyedBroadcastProcessFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.TwoInputTransformation;

/**
 * A stream connected with a {@link BroadcastStream}: processed by a {@link
 * BroadcastProcessFunction} if the first stream is not keyed, or a {@link
 * KeyedBroadcastProcessFunction} if it is. The operator's watermark is the minimum of both inputs.
 */
public final class BroadcastConnectedStream<IN1, IN2> {
  private final StreamEnvironment environment;
  private final DataStream<IN1> first;
  private final BroadcastStream<IN2> broadcast;

  BroadcastConnectedStream(StreamEnvironment environment, DataStream<IN1> first, BroadcastStream<IN2> broadcast) {
    this.environment = environment;
    this.first = first;
    this.broadcast = broadcast;
  }

  public DataStream<IN1> getFirstInput() {
    return first;
  }

  public BroadcastStream<IN2> getSecondInput() {
    return broadcast;
  }

  public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
    if (first.stateKeySelector() != null) {
      throw new IllegalArgumentException("A BroadcastProcessFunction can only be used on a non-keyed stream: "
          + "use a KeyedBroadcastProcessFunction after keyBy");
    }
    return transform("Co-Process-Broadcast",
        new OperatorSpec.BroadcastProcessSpec(function, broadcast.getBroadcastStateDescriptors()));
  }

  public <KS, OUT> SingleOutputStreamOperator<OUT> process(
      KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
    if (first.stateKeySelector() == null) {
      throw new IllegalArgumentException("A KeyedBroadcastProcessFunction can only be used on a keyed stream: "
          + "call keyBy before connect, or use a BroadcastProcessFunction");
    }
    return transform("Co-Process-Broadcast-Keyed",
        new OperatorSpec.KeyedBroadcastProcessSpec(function, broadcast.getBroadcastStateDescriptors()));
  }

  private <OUT> SingleOutputStreamOperator<OUT> transform(String name, OperatorSpec spec) {
    return new SingleOutputStreamOperator<>(environment, new TwoInputTransformation<>(name,
        first.getTransformation(), broadcast.getTransformation(), spec, -1, first.stateKeySelector(), null));
  }
}
