package io.eddy.api.datastream;

import io.eddy.api.graph.SideOutputTransformation;
import io.eddy.api.graph.Transformation;

/** The stream an operator produces, whose operator can be named, given a uid and a parallelism. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

  public SingleOutputStreamOperator(StreamEnvironment environment, Transformation<T> transformation) {
    super(environment, transformation);
  }

  public SingleOutputStreamOperator<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  public SingleOutputStreamOperator<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  /** The records this operator emitted with {@code ctx.output(tag, value)}. */
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    return new DataStream<>(environment, new SideOutputTransformation<>(transformation, tag));
  }
}
