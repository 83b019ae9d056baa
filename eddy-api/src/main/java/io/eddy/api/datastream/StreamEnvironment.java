package io.eddy.api.datastream;

import io.eddy.api.config.PipelineOptions;
import io.eddy.api.execution.CheckpointConfig;
import io.eddy.api.execution.CheckpointingMode;
import io.eddy.api.execution.ExecutionConfig;
import io.eddy.api.execution.RuntimeExecutionMode;
import io.eddy.api.types.TypeInformation;
import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.connector.CollectionSource;
import io.eddy.api.connector.NumberSequenceSource;
import io.eddy.api.connector.Source;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.execution.JobExecutor;
import io.eddy.api.graph.SinkTransformation;
import io.eddy.api.graph.SourceTransformation;
import io.eddy.api.graph.StreamGraph;
import io.eddy.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where a job is built and started: sources come from here, and {@link #execute} runs every
 * sink added since the last execution. The equivalent of Flink's StreamExecutionEnvironment.
 */
public class StreamEnvironment {
  private final Configuration configuration;
  private final List<SinkTransformation<?>> sinks = new ArrayList<>();
  private JobExecutor executor;

  /** Starts from the context's defaults ({@link ContextConfiguration}), overridden by {@code configuration}. */
  protected StreamEnvironment(Configuration configuration) {
    this.configuration = ContextConfiguration.withDefaults(configuration);
  }

  public static StreamEnvironment create() {
    return new StreamEnvironment(new Configuration());
  }

  public static StreamEnvironment create(Configuration configuration) {
    return new StreamEnvironment(configuration);
  }

  public Configuration getConfiguration() {
    return configuration;
  }

  public StreamEnvironment setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, got " + parallelism);
    }
    configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    return this;
  }

  public int getParallelism() {
    return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
  }

  /** Takes a checkpoint every {@code intervalMillis} (execution.checkpointing.interval). */
  public StreamEnvironment enableCheckpointing(long intervalMillis) {
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("The checkpoint interval must be positive, got " + intervalMillis + " ms");
    }
    configuration.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(intervalMillis));
    return this;
  }

  /** Takes a checkpoint every {@code intervalMillis} with the given guarantee (execution.checkpointing.mode). */
  public StreamEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
    enableCheckpointing(intervalMillis);
    getCheckpointConfig().setCheckpointingConsistencyMode(mode);
    return this;
  }

  /** Flink's ExecutionConfig: a view of this environment's configuration. */
  public ExecutionConfig getConfig() {
    return new ExecutionConfig(configuration);
  }

  /** Flink's CheckpointConfig: a view of this environment's checkpoint settings. */
  public CheckpointConfig getCheckpointConfig() {
    return new CheckpointConfig(configuration);
  }

  /**
   * Sets execution.runtime-mode. Eddy runs jobs in STREAMING mode; a job in BATCH mode, or in
   * AUTOMATIC mode whose sources are all bounded, is refused when submitted, because Flink's
   * batch results (final values only, no intermediate updates) differ from streaming ones.
   */
  public StreamEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
    configuration.set(PipelineOptions.RUNTIME_MODE, mode.name());
    return this;
  }

  /** Runs every operator in a task of its own (pipeline.operator-chaining.enabled: false). */
  public StreamEnvironment disableOperatorChaining() {
    configuration.set(CoreOptions.OPERATOR_CHAINING, false);
    return this;
  }

  /** Sets the number of key groups, the upper bound for rescaling keyed state. */
  public StreamEnvironment setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > 32768) {
      throw new IllegalArgumentException("Max parallelism must be in [1, 32768], got " + maxParallelism);
    }
    configuration.set(CoreOptions.MAX_PARALLELISM, maxParallelism);
    return this;
  }

  public int getMaxParallelism() {
    return configuration.get(CoreOptions.MAX_PARALLELISM);
  }

  /** A bounded, non-parallel stream of the elements in order, without timestamps. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromElements(T... elements) {
    if (elements.length == 0) {
      throw new IllegalArgumentException("fromElements needs at least one element as argument");
    }
    return fromCollection(Arrays.asList(elements));
  }

  /** A bounded, non-parallel stream of the elements in order, without timestamps. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromData(T... elements) {
    if (elements.length == 0) {
      throw new IllegalArgumentException("fromData needs at least one element as argument");
    }
    return fromData(Arrays.asList(elements));
  }

  /** A bounded, non-parallel stream of the collection's elements in order, without timestamps. */
  public <T> DataStreamSource<T> fromData(Collection<T> elements) {
    return fromCollection(elements);
  }

  /** As {@link #fromData(Object[])}, with the element type declared. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromData(TypeInformation<T> typeInfo, T... elements) {
    return declare(fromData(elements), typeInfo);
  }

  /** As {@link #fromData(Collection)}, with the element type declared. */
  public <T> DataStreamSource<T> fromData(Collection<T> elements, TypeInformation<T> typeInfo) {
    return declare(fromData(elements), typeInfo);
  }

  /** As {@link #fromCollection(Collection)}, with the element type declared. */
  public <T> DataStreamSource<T> fromCollection(Collection<T> elements, TypeInformation<T> typeInfo) {
    return declare(fromCollection(elements), typeInfo);
  }

  /** A bounded stream of the elements in order; runs with parallelism 1, without timestamps. */
  public <T> DataStreamSource<T> fromCollection(Collection<T> elements) {
    Objects.requireNonNull(elements, "Collection must not be null");
    return fromSource(new CollectionSource<>(elements), WatermarkStrategy.noWatermarks(), "Collection Source");
  }

  /** A bounded, parallel stream of the numbers from {@code from} to {@code to}, both inclusive. */
  public DataStreamSource<Long> fromSequence(long from, long to) {
    return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence Source");
  }

  /**
   * A stream read from the source, at the default parallelism (1 if the source cannot be
   * split), with timestamps and watermarks from the strategy.
   */
  public <T> DataStreamSource<T> fromSource(Source<T> source, WatermarkStrategy<T> watermarkStrategy, String name) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(watermarkStrategy, "watermarkStrategy");
    return new DataStreamSource<>(this, new SourceTransformation<>(name, source, watermarkStrategy, -1));
  }

  /** As {@link #fromSource(Source, WatermarkStrategy, String)}, with the element type declared. */
  public <T> DataStreamSource<T> fromSource(Source<T> source, WatermarkStrategy<T> watermarkStrategy, String name,
      TypeInformation<T> typeInfo) {
    return declare(fromSource(source, watermarkStrategy, name), typeInfo);
  }

  private static <T> DataStreamSource<T> declare(DataStreamSource<T> stream, TypeInformation<T> typeInfo) {
    stream.getTransformation().setOutputType(Objects.requireNonNull(typeInfo, "type information"));
    return stream;
  }

  /**
   * Runs this environment's jobs with the given executor instead of the one found on the class
   * path (e.g. a local executor with a manual clock in tests).
   */
  public StreamEnvironment setExecutor(JobExecutor executor) {
    this.executor = executor;
    return this;
  }

  void addSink(SinkTransformation<?> sink) {
    sinks.add(sink);
  }

  public JobExecutionResult execute() throws JobExecutionException, InterruptedException {
    return execute("Eddy Job");
  }

  /** Runs the job to completion (bounded sources) or failure; sinks added so far are consumed. */
  public JobExecutionResult execute(String jobName) throws JobExecutionException, InterruptedException {
    return executeAsync(jobName).await();
  }

  public JobClient executeAsync(String jobName) {
    return (executor != null ? executor : JobExecutor.load()).submit(getStreamGraph(jobName));
  }

  /**
   * The job made of the sinks added since the last execution, which it consumes: what
   * {@link #execute} submits, for inspecting a plan without running it.
   */
  public StreamGraph getStreamGraph(String jobName) {
    StreamGraph graph = new StreamGraph(jobName, configuration.copy(), sinks);
    sinks.clear();
    return graph;
  }
}
