package io.eddy.runtime.tasks;

import io.eddy.api.config.AsyncStateOptions;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.config.PipelineOptions;
import io.eddy.runtime.asyncprocessing.AsyncStateSettings;
import io.eddy.api.connector.Source;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.TaskInfo;
import io.eddy.api.graph.Partitioning;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.runtime.asyncprocessing.MailboxExecutor;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.StreamEdge;
import io.eddy.runtime.graph.StreamNode;
import io.eddy.runtime.io.Channel;
import io.eddy.runtime.io.Partitioner;
import io.eddy.runtime.io.RecordWriter;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.api.metrics.SimpleCounter;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.metrics.TaskMetricGroup;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.OperatorFactory;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.SourceOperator;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.time.ProcessingTimeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one task (Flink's OperatorChain), built from the vertex's nodes tail first so
 * each operator gets its output: the next operator as a method call ({@link ChainingOutput}), or
 * a {@link RecordWriter} per non-chained edge, routed by side-output tag. Every user function is
 * a serialized copy, so subtasks share nothing. Also the task's outputs as a whole: flushing the
 * writers (when full, after {@code execution.buffer-timeout}, or when the task has nothing to
 * read), and broadcasting barriers and the end of data and of the partition. It registers the
 * task's and operators' metric groups; the outputs count records ({@code numRecordsOut} of the
 * producer, {@code numRecordsIn} of a chained consumer) with plain counters, no extra layer.
 *
 * <p>Built on the job's thread, then used on the task thread only.
 */
final class OperatorChain {
  private final TaskEnvironment env;
  private final JobVertex vertex;
  private final int subtask;
  private final List<StreamOperator> operators = new ArrayList<>();
  private final List<RecordWriter> writers = new ArrayList<>();
  private final long bufferTimeoutNanos;
  private long lastFlush = System.nanoTime();
  private final TaskMetricGroup metricGroup;
  private final Map<StreamNode, InternalOperatorMetricGroup> operatorMetrics = new HashMap<>();

  /**
   * @param mailboxOf the mailbox an operator's context hands work to (given the operator's name,
   *     so that what its mail throws names it)
   */
  OperatorChain(TaskEnvironment env, JobVertex vertex, int subtask, ProcessingTimeService timeService,
      TaskStateInitializer state, java.util.function.Function<String, MailboxExecutor> mailboxOf) {
    this.env = env;
    this.vertex = vertex;
    this.subtask = subtask;
    this.bufferTimeoutNanos = env.configuration().get(CoreOptions.BUFFER_TIMEOUT).toNanos();
    Map<StreamNode, StreamOperator> built = new HashMap<>();
    List<StreamNode> nodes = vertex.nodes();
    this.metricGroup = env.metricGroup().addTask(vertex.name(), subtask, env.attempt());
    List<InternalOperatorMetricGroup> tails = new ArrayList<>();
    for (StreamNode node : nodes) {
      InternalOperatorMetricGroup group = metricGroup.addOperator(node.stateId(), node.name(), switch (node.kind()) {
        case SOURCE -> InternalOperatorMetricGroup.Inputs.SOURCE;
        case TWO_INPUT -> InternalOperatorMetricGroup.Inputs.TWO;
        case ONE_INPUT, SINK -> InternalOperatorMetricGroup.Inputs.ONE;
      });
      operatorMetrics.put(node, group);
      if (node.outEdges().stream().anyMatch(e -> !e.isChainable())) {
        tails.add(group);
      }
    }
    metricGroup.registerTaskIO(operatorMetrics.get(nodes.get(0)), tails);
    try {
      for (int i = nodes.size() - 1; i >= 0; i--) {
        StreamNode node = nodes.get(i);
        built.put(node, build(node, outputOf(node, built), timeService, state, mailboxOf.apply(node.name())));
      }
    } catch (RuntimeException | Error e) {
      metricGroup.close();
      throw e;
    }
    for (StreamNode node : nodes) {
      operators.add(built.get(node));
    }
  }

  /** The metrics of the task and its operators; the job closes them when the attempt has ended. */
  TaskMetricGroup metricGroup() {
    return metricGroup;
  }

  InternalOperatorMetricGroup headMetrics() {
    return operatorMetrics.get(vertex.head());
  }

  StreamOperator head() {
    return operators.get(0);
  }

  /** In chain order, head first; the i-th runs {@code vertex.nodes().get(i)}. */
  List<StreamOperator> operators() {
    return operators;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private StreamOperator build(StreamNode node, Output<Object> output, ProcessingTimeService timeService,
      TaskStateInitializer state, MailboxExecutor mailbox) {
    String what = "The function of operator '" + node.name() + "'";
    OperatorContext context = new OperatorContext(
        new TaskInfo(node.name(), subtask, node.parallelism(), node.maxParallelism(), env.attempt()),
        timeService, state.keyedBackend(node), env.metrics(), state.restoredLists(node), env.endOfInputCommits(),
        mailbox, operatorMetrics.get(node), env.configuration(), AsyncStateSettings.from(env.configuration()),
        env.configuration().get(AsyncStateOptions.ENABLED));
    long wmInterval = env.configuration().get(CoreOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    return switch (node.kind()) {
      case SOURCE -> new SourceOperator<Object>(context, output, (Source) Serialization.copy(node.source(), what),
          (WatermarkStrategy) Serialization.copy(node.watermarkStrategy(), what), wmInterval);
      case ONE_INPUT -> OperatorFactory.oneInput(Serialization.copy(node.spec(), what), context, output,
          (KeySelector) Serialization.copy(node.keySelector1(), what), wmInterval);
      case TWO_INPUT -> OperatorFactory.twoInput(Serialization.copy(node.spec(), what), context, output,
          (KeySelector) Serialization.copy(node.keySelector1(), what), (KeySelector) Serialization.copy(node.keySelector2(), what));
      case SINK -> OperatorFactory.sink(Serialization.copy(node.sink(), what), context);
    };
  }

  @SuppressWarnings("unchecked")
  private Output<Object> outputOf(StreamNode node, Map<StreamNode, StreamOperator> built) {
    List<Output<Object>> main = new ArrayList<>();
    Map<OutputTag<?>, List<Output<Object>>> side = new LinkedHashMap<>();
    InternalOperatorMetricGroup metrics = operatorMetrics.get(node);
    boolean routed = node.outEdges().size() != 1 || node.outEdges().get(0).tag() != null;
    SimpleCounter numRecordsOut = routed ? new SimpleCounter() : metrics.numRecordsOut();
    for (StreamEdge edge : node.outEdges()) {
      Output<Object> out;
      if (edge.isChainable()) {
        out = new ChainingOutput((OneInputOperator<Object>) built.get(edge.target()), metrics, numRecordsOut,
            operatorMetrics.get(edge.target()), !env.configuration().get(PipelineOptions.OBJECT_REUSE)
                && !RecordSharing.mayShare(node, edge.target()));
      } else {
        RecordWriter writer = writer(edge, !RecordSharing.mayShare(node, edge.target()));
        writer.countFor(metrics, numRecordsOut);
        out = writer;
      }
      if (edge.tag() == null) {
        main.add(out);
      } else {
        side.computeIfAbsent(edge.tag(), t -> new ArrayList<>()).add(out);
      }
    }
    if (!routed) {
      return main.get(0);
    }
    return new RoutingOutput(main, side, metrics);
  }

  @SuppressWarnings("unchecked")
  private RecordWriter writer(StreamEdge edge, boolean copy) {
    Channel[] channels = env.channels(edge, subtask);
    Partitioner partitioner = switch (edge.partitioning()) {
      case Partitioning.Forward f -> new Partitioner.Forward();
      case Partitioning.Rebalance r -> new Partitioner.Rebalance(channels.length, subtask);
      case Partitioning.Rescale r -> new Partitioner.Rebalance(channels.length, 0);
      case Partitioning.Shuffle s -> new Partitioner.Shuffle(channels.length);
      case Partitioning.Global g -> new Partitioner.Global();
      case Partitioning.Broadcast b -> new Partitioner.Broadcast();
      case Partitioning.Keyed k -> new Partitioner.Keyed(
          (KeySelector<Object, ?>) Serialization.copy(k.keySelector(), "The key selector of keyBy"),
          edge.target().maxParallelism(), edge.target().parallelism());
      case Partitioning.Custom c -> new Partitioner.Custom(
          (io.eddy.api.functions.Partitioner<Object>) Serialization.copy(c.partitioner(), "The partitioner of partitionCustom"),
          (KeySelector<Object, ?>) Serialization.copy(c.keySelector(), "The key selector of partitionCustom"),
          channels.length);
    };
    RecordWriter writer = new RecordWriter(channels, partitioner, env.configuration().get(CoreOptions.BATCH_SIZE), copy);
    writers.add(writer);
    return writer;
  }

  /** Opens the operators, tail first, so each one's output is open before it emits. */
  void open() {
    for (int i = operators.size() - 1; i >= 0; i--) {
      StreamOperator op = operators.get(i);
      call(op, op::open);
    }
  }

  /** Finishes the operators at the end of input, head first (each may emit into the next). */
  void finish() {
    for (StreamOperator op : operators) {
      call(op, op::finish);
    }
  }

  /** Closes every operator; returns the first failure (naming its operator), or {@code failure}. */
  Throwable closeAll(Throwable failure) {
    for (StreamOperator op : operators) {
      try {
        op.close();
      } catch (Throwable t) {
        if (failure == null) {
          failure = new OperatorException(op.name(), t);
        }
      }
    }
    return failure;
  }

  void notifyCheckpointComplete(long checkpointId) {
    for (StreamOperator op : operators) {
      call(op, () -> op.notifyCheckpointComplete(checkpointId));
    }
  }

  void broadcastBarrier(long checkpointId) {
    for (RecordWriter writer : writers) {
      writer.broadcastBarrier(checkpointId);
    }
  }

  /** Sends the final watermark on every output edge, past the operators (a task restored as finished). */
  void emitFinalWatermark() {
    for (RecordWriter writer : writers) {
      writer.emitWatermark(Long.MAX_VALUE);
    }
  }

  void endOfData() {
    for (RecordWriter writer : writers) {
      writer.endOfData();
    }
  }

  void endOfPartition() {
    for (RecordWriter writer : writers) {
      writer.endOfPartition();
    }
  }

  /** Sends the partly filled batches if {@code execution.buffer-timeout} passed since the last flush. */
  void flushIfDue() {
    if (System.nanoTime() - lastFlush >= bufferTimeoutNanos) {
      flushAll();
    }
  }

  void flushAll() {
    lastFlush = System.nanoTime();
    for (RecordWriter writer : writers) {
      writer.flush();
    }
  }

  String describe() {
    return "'" + vertex.name() + "' (subtask " + (subtask + 1) + "/" + vertex.parallelism() + ")";
  }

  /** Runs operator code, naming the operator in whatever it throws. */
  static void call(StreamOperator op, Mailbox.Mail action) {
    try {
      action.run();
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(op.name(), e);
    }
  }
}
