package io.eddy.api.datastream;

import io.eddy.api.graph.PartitionTransformation;
import io.eddy.api.graph.Partitioning;
import io.eddy.api.graph.Transformation;
import io.eddy.api.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream sent to every subtask of the operator it is connected to, together with the
 * broadcast states that operator keeps ({@link DataStream#broadcast(MapStateDescriptor[])}).
 * It can only be connected: {@code stream.connect(broadcastStream).process(...)}.
 */
public final class BroadcastStream<T> {
  private final StreamEnvironment environment;
  private final Transformation<T> transformation;
  private final List<MapStateDescriptor<?, ?>> descriptors;

  BroadcastStream(StreamEnvironment environment, Transformation<T> input, List<MapStateDescriptor<?, ?>> descriptors) {
    if (descriptors.isEmpty()) {
      throw new IllegalArgumentException("broadcast(...) needs at least one MapStateDescriptor for the broadcast state");
    }
    this.environment = environment;
    this.transformation = new PartitionTransformation<>(input, new Partitioning.Broadcast());
    this.descriptors = List.copyOf(descriptors);
  }

  public StreamEnvironment getExecutionEnvironment() {
    return environment;
  }

  public Transformation<T> getTransformation() {
    return transformation;
  }

  public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
    return descriptors;
  }
}
