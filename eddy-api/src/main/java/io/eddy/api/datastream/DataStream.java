package io.eddy.api.datastream;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.connector.CollectSink;
import io.eddy.api.connector.PrintSink;
import io.eddy.api.connector.Sink;
import io.eddy.api.functions.FilterFunction;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.MapFunction;
import io.eddy.api.functions.Partitioner;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.PartitionTransformation;
import io.eddy.api.graph.Partitioning;
import io.eddy.api.graph.SinkTransformation;
import io.eddy.api.graph.Transformation;
import io.eddy.api.graph.UnionTransformation;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.windowing.CountEvictor;
import io.eddy.api.windowing.CountTrigger;
import io.eddy.api.windowing.GlobalWindow;
import io.eddy.api.windowing.GlobalWindows;
import io.eddy.api.windowing.PurgingTrigger;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A stream of records of type T and the operations that make new streams from it. */
public class DataStream<T> {
  protected final StreamEnvironment environment;
  protected final Transformation<T> transformation;

  public DataStream(StreamEnvironment environment, Transformation<T> transformation) {
    this.environment = environment;
    this.transformation = transformation;
  }

  public StreamEnvironment getExecutionEnvironment() {
    return environment;
  }

  public Transformation<T> getTransformation() {
    return transformation;
  }

  public int getParallelism() {
    int p = transformation.getParallelism();
    return p == -1 ? environment.getParallelism() : p;
  }

  /** The key selector of keyed state, for operators applied to this stream; null if not keyed. */
  protected KeySelector<T, ?> stateKeySelector() {
    return null;
  }

  /**
   * The declared type of this stream's elements. Eddy serializes by the values themselves and
   * does not extract types from functions, so this is known where the job declared it
   * ({@code returns(...)}, a typed source, a typed overload such as {@code map(f, type)}).
   */
  public TypeInformation<T> getType() {
    TypeInformation<T> type = transformation.getOutputType();
    if (type == null) {
      throw new IllegalStateException("The element type of '" + transformation.getName()
          + "' was not declared: add .returns(...) to the operator that produces it");
    }
    return type;
  }

  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
    return transform("Map", new OperatorSpec.MapSpec(mapper));
  }

  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
    return map(mapper).returns(outputType);
  }

  public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
    return transform("Filter", new OperatorSpec.FilterSpec(filter));
  }

  public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    return transform("Flat Map", new OperatorSpec.FlatMapSpec(flatMapper));
  }

  public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
    return flatMap(flatMapper).returns(outputType);
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
    return transform("Process", new OperatorSpec.ProcessSpec(function));
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function, TypeInformation<R> outputType) {
    return process(function).returns(outputType);
  }

  /**
   * Assigns timestamps and watermarks here, replacing any watermarks from upstream. Runs at its
   * input's parallelism, so that it chains to it and keeps each input subtask's order.
   */
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    return new SingleOutputStreamOperator<>(environment, new OneInputTransformation<>("Timestamps/Watermarks",
        transformation, new OperatorSpec.TimestampsAndWatermarksSpec(strategy), transformation.getParallelism(), null));
  }

  protected <R> SingleOutputStreamOperator<R> transform(String name, OperatorSpec spec) {
    return new SingleOutputStreamOperator<>(environment,
        new OneInputTransformation<>(name, transformation, spec, -1, stateKeySelector()));
  }

  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
    return new KeyedStream<>(this, keySelector);
  }

  /** Keys by the selector; the key type is declared for Flink compatibility (keys serialize by value). */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
    java.util.Objects.requireNonNull(keyType, "key type");
    return keyBy(keySelector);
  }

  /** Distributes records round-robin over the next operator's subtasks. */
  public DataStream<T> rebalance() {
    return partition(new Partitioning.Rebalance());
  }

  /**
   * Distributes records round-robin over a local subset of the next operator's subtasks: with
   * 2 producers and 4 consumers, producer 0 feeds consumers 0-1 and producer 1 feeds 2-3.
   */
  public DataStream<T> rescale() {
    return partition(new Partitioning.Rescale());
  }

  /** Sends each record to a uniformly random subtask of the next operator. */
  public DataStream<T> shuffle() {
    return partition(new Partitioning.Shuffle());
  }

  /** Sends every record to every subtask of the next operator. */
  public DataStream<T> broadcast() {
    return partition(new Partitioning.Broadcast());
  }

  /** Sends every record to subtask 0 of the next operator. */
  public DataStream<T> global() {
    return partition(new Partitioning.Global());
  }

  /**
   * Sends the records of subtask i to subtask i of the next operator, which must have the same
   * parallelism (the job fails to build otherwise).
   */
  public DataStream<T> forward() {
    return partition(new Partitioning.Forward());
  }

  /** Sends each record to the subtask {@code partitioner} picks for its key. */
  public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
    return partition(new Partitioning.Custom(
        Objects.requireNonNull(partitioner, "partitioner"), Objects.requireNonNull(keySelector, "keySelector")));
  }

  private DataStream<T> partition(Partitioning partitioning) {
    return new DataStream<>(environment, new PartitionTransformation<>(transformation, partitioning));
  }

  /**
   * Makes this a broadcast stream: every element goes to every subtask of the operator it is
   * connected to, which keeps the given broadcast states.
   */
  public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
    return new BroadcastStream<>(environment, transformation, List.of(broadcastStateDescriptors));
  }

  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... others) {
    List<Transformation<T>> inputs = new ArrayList<>();
    inputs.add(transformation);
    for (DataStream<T> other : others) {
      inputs.add(other.getTransformation());
    }
    return new DataStream<>(environment, new UnionTransformation<>(inputs));
  }

  public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
    return new ConnectedStreams<>(environment, this, other);
  }

  /** Connects this stream with a broadcast stream; process it with a (Keyed)BroadcastProcessFunction. */
  public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
    return new BroadcastConnectedStream<>(environment, this, broadcastStream);
  }

  /** Windows over the whole stream, evaluated by one subtask (parallelism 1). */
  public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
    return new AllWindowedStream<>(this, assigner);
  }

  /** Windows of {@code size} elements of the whole stream: fires and purges every {@code size} elements. */
  public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
    return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
  }

  /** Sliding count windows of the whole stream: every {@code slide} elements, evaluates the last {@code size}. */
  public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
    return windowAll(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
  }

  /** Starts a window join with another stream: {@code join(b).where(k1).equalTo(k2).window(w).apply(f)}. */
  public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
    return new JoinedStreams<>(this, other);
  }

  /** Starts a window coGroup with another stream: {@code coGroup(b).where(k1).equalTo(k2).window(w).apply(f)}. */
  public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
    return new CoGroupedStreams<>(this, other);
  }

  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    SinkTransformation<T> t = new SinkTransformation<>("Sink", transformation, sink, -1);
    environment.addSink(t);
    return new DataStreamSink<>(t);
  }

  public DataStreamSink<T> print() {
    return sinkTo(new PrintSink<>()).name("Print to Std. Out");
  }

  /** Runs the job in the background and returns its results as they arrive. */
  public CloseableIterator<T> executeAndCollect() {
    return executeAndCollect("Collect Job");
  }

  public CloseableIterator<T> executeAndCollect(String jobName) {
    CollectSink<T> sink = new CollectSink<>();
    sinkTo(sink).name("Collect");
    return new CollectIterator<>(sink, environment.executeAsync(jobName));
  }

  /** Runs the job and returns at most {@code limit} results, then stops it. */
  public List<T> executeAndCollect(int limit) {
    List<T> out = new ArrayList<>();
    try (CloseableIterator<T> it = executeAndCollect()) {
      while (out.size() < limit && it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }
}
