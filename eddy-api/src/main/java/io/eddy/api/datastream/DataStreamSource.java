package io.eddy.api.datastream;

import io.eddy.api.graph.SourceTransformation;

/**
 * The stream a source produces. A source that cannot be split ({@code maxParallelism() == 1},
 * e.g. {@code fromElements}) runs at parallelism 1 and refuses {@code setParallelism(n > 1)},
 * as Flink's non-parallel sources do.
 */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

  public DataStreamSource(StreamEnvironment environment, SourceTransformation<T> transformation) {
    super(environment, transformation);
    if (transformation.getSource().maxParallelism() == 1) {
      transformation.setNonParallel();
    }
  }

  @Override
  public DataStreamSource<T> setParallelism(int parallelism) {
    super.setParallelism(parallelism);
    return this;
  }
}
