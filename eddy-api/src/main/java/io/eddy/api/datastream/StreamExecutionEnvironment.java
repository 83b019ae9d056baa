package io.eddy.api.datastream;

import io.eddy.api.execution.CheckpointingMode;
import io.eddy.api.execution.RuntimeExecutionMode;
import io.eddy.api.config.Configuration;
import io.eddy.api.config.CoreOptions;

/**
 * Flink's name for the environment, with Flink's factories, so a Flink job compiles with only
 * its imports changed. Everything else is {@link StreamEnvironment}'s; this class only adds
 * the static factories and narrows the return type of the setters a Flink job chains.
 * Like every environment, it starts from the context's configuration (e.g. {@code eddy run}'s
 * {@code -p} and {@code -D}).
 */
public class StreamExecutionEnvironment extends StreamEnvironment {

  protected StreamExecutionEnvironment(Configuration configuration) {
    super(configuration);
  }

  /** The environment of the context the job runs in: local, with the context's configuration. */
  public static StreamExecutionEnvironment getExecutionEnvironment() {
    return new StreamExecutionEnvironment(new Configuration());
  }

  /** As {@link #getExecutionEnvironment()}, with {@code configuration} over the context's. */
  public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
    return new StreamExecutionEnvironment(configuration);
  }

  /** A local environment at the default parallelism. */
  public static StreamExecutionEnvironment createLocalEnvironment() {
    return getExecutionEnvironment();
  }

  /** A local environment running operators at {@code parallelism} unless they set their own. */
  public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
    return getExecutionEnvironment().setParallelism(parallelism);
  }

  /** A local environment with {@code configuration} over the context's. */
  public static StreamExecutionEnvironment createLocalEnvironment(Configuration configuration) {
    return getExecutionEnvironment(configuration);
  }

  @Override
  public StreamExecutionEnvironment setParallelism(int parallelism) {
    super.setParallelism(parallelism);
    return this;
  }

  @Override
  public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
    super.setMaxParallelism(maxParallelism);
    return this;
  }

  @Override
  public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
    super.enableCheckpointing(intervalMillis);
    return this;
  }

  @Override
  public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
    super.enableCheckpointing(intervalMillis, mode);
    return this;
  }

  @Override
  public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
    super.setRuntimeMode(mode);
    return this;
  }

  @Override
  public StreamExecutionEnvironment disableOperatorChaining() {
    super.disableOperatorChaining();
    return this;
  }

  /** True unless {@link #disableOperatorChaining()} was called. */
  public boolean isChainingEnabled() {
    return getConfiguration().get(CoreOptions.OPERATOR_CHAINING);
  }
}
