package io.eddy.api.datastream;

import io.eddy.api.graph.ChainingStrategy;
import io.eddy.api.graph.SinkTransformation;

/** A sink added to the job, with the sink operator's settings (Flink's names and checks). */
public final class DataStreamSink<T> {
  private final SinkTransformation<T> transformation;

  DataStreamSink(SinkTransformation<T> transformation) {
    this.transformation = transformation;
  }

  public SinkTransformation<T> getTransformation() {
    return transformation;
  }

  public DataStreamSink<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  /** The sink's stable identity for matching its state on restore; unique within the job. */
  public DataStreamSink<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  public DataStreamSink<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
    transformation.setMaxParallelism(maxParallelism);
    return this;
  }

  /** Runs the sink in a task of its own instead of chaining it to its input. */
  public DataStreamSink<T> disableChaining() {
    transformation.setChainingStrategy(ChainingStrategy.NEVER);
    return this;
  }

  /** Puts the sink into a slot-sharing group; operators of different groups never chain. */
  public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
    transformation.setSlotSharingGroup(slotSharingGroup);
    return this;
  }
}
