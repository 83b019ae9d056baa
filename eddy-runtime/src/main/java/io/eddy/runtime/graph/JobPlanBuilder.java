package io.eddy.runtime.graph;

import io.eddy.api.config.Configuration;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.connector.Sink;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.graph.ChainingStrategy;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.PartitionTransformation;
import io.eddy.api.graph.Partitioning;
import io.eddy.api.graph.SideOutputTransformation;
import io.eddy.api.graph.SinkTransformation;
import io.eddy.api.graph.SourceTransformation;
import io.eddy.api.config.PipelineOptions;
import io.eddy.api.connector.Boundedness;
import io.eddy.api.execution.RuntimeExecutionMode;
import io.eddy.api.graph.StreamGraph;
import io.eddy.api.graph.Transformation;
import io.eddy.api.graph.TwoInputTransformation;
import io.eddy.api.graph.UnionTransformation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the API's logical plan into the physical one, with Flink's rules: operators with
 * resolved parallelism (the environment's default unless set), max parallelism and
 * slot-sharing group (set, else the inputs' common group, else "default"); edges with their
 * partitioning (virtual partition, union and side-output steps folded into edges; without an
 * explicit partitioning, forward at equal parallelism and rebalance otherwise); and chains of
 * operators that run in one task. Refuses duplicate uids and forward edges between different
 * parallelisms.
 */
public final class JobPlanBuilder {
  /** The slot-sharing group of operators that neither set one nor inherit one. */
  public static final String DEFAULT_SLOT_SHARING_GROUP = "default";

  private final int defaultParallelism;
  private final int maxParallelism;
  private final boolean chainingEnabled;
  private final Map<Integer, StreamNode> nodesByTransformation = new HashMap<>();
  private final Map<String, StreamNode> nodesByUid = new HashMap<>();
  private final List<StreamNode> nodes = new ArrayList<>();
  private boolean allSourcesBounded = true;

  private record Endpoint(StreamNode node, OutputTag<?> tag, Partitioning partitioning) {}

  private JobPlanBuilder(Configuration configuration) {
    this.defaultParallelism = configuration.get(CoreOptions.DEFAULT_PARALLELISM);
    this.maxParallelism = configuration.get(CoreOptions.MAX_PARALLELISM);
    this.chainingEnabled = configuration.get(CoreOptions.OPERATOR_CHAINING);
  }

  public static JobPlan build(StreamGraph graph) {
    JobPlanBuilder builder = new JobPlanBuilder(graph.configuration());
    for (SinkTransformation<?> sink : graph.sinks()) {
      builder.node(sink);
    }
    builder.checkRuntimeMode(graph.configuration().get(PipelineOptions.RUNTIME_MODE));
    return new JobPlan(graph.jobName(), graph.configuration(), builder.maxParallelism, List.copyOf(builder.nodes),
        builder.chain());
  }

  /**
   * Refuses Flink's batch execution, which Eddy does not run: in BATCH mode (and AUTOMATIC mode
   * over bounded sources only) Flink emits final results only, which a streaming run would not.
   */
  private void checkRuntimeMode(String mode) {
    RuntimeExecutionMode parsed;
    try {
      parsed = RuntimeExecutionMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("execution.runtime-mode must be STREAMING, BATCH or AUTOMATIC, got '" + mode + "'");
    }
    if (parsed == RuntimeExecutionMode.BATCH || (parsed == RuntimeExecutionMode.AUTOMATIC && allSourcesBounded)) {
      throw new UnsupportedOperationException("execution.runtime-mode " + parsed
          + (parsed == RuntimeExecutionMode.AUTOMATIC ? " over bounded sources means BATCH, which" : ",")
          + " Eddy does not run yet; use STREAMING (the default), which gives every intermediate result as well");
    }
  }

  private List<Endpoint> resolve(Transformation<?> t) {
    return switch (t) {
      case PartitionTransformation<?> p -> resolve(p.getInput()).stream()
          .map(e -> new Endpoint(e.node, e.tag, p.getPartitioning())).toList();
      case UnionTransformation<?> u -> u.getInputs().stream().flatMap(i -> resolve(i).stream()).toList();
      case SideOutputTransformation<?> s -> resolve(s.getInput()).stream()
          .map(e -> new Endpoint(e.node, s.getTag(), e.partitioning)).toList();
      default -> List.of(new Endpoint(node(t), null, null));
    };
  }

  private StreamNode node(Transformation<?> t) {
    StreamNode existing = nodesByTransformation.get(t.getId());
    if (existing != null) {
      return existing;
    }
    int p = t.getParallelism() == -1 ? defaultParallelism : t.getParallelism();
    if (t instanceof SourceTransformation<?> s && s.getSource().getBoundedness() != Boundedness.BOUNDED) {
      allSourcesBounded = false;
    }
    StreamNode node = switch (t) {
      case SourceTransformation<?> s -> create(t, StreamNode.Kind.SOURCE, Math.min(p, s.getSource().maxParallelism()),
          List.of(), s, null, null, null, null);
      case OneInputTransformation<?, ?> o -> {
        List<Endpoint> in = resolve(o.getInput());
        StreamNode n = create(t, StreamNode.Kind.ONE_INPUT, p, in, null, o.getSpec(), null,
            o.getStateKeySelector(), null);
        connectAll(in, n, 0);
        yield n;
      }
      case TwoInputTransformation<?, ?, ?> o -> {
        List<Endpoint> in1 = resolve(o.getInput1());
        List<Endpoint> in2 = resolve(o.getInput2());
        StreamNode n = create(t, StreamNode.Kind.TWO_INPUT, p, Stream.concat(in1.stream(), in2.stream()).toList(),
            null, o.getSpec(), null, o.getStateKeySelector1(), o.getStateKeySelector2());
        connectAll(in1, n, 0);
        connectAll(in2, n, 1);
        yield n;
      }
      case SinkTransformation<?> s -> {
        List<Endpoint> in = resolve(s.getInput());
        StreamNode n = create(t, StreamNode.Kind.SINK, p, in, null, null, s.getSink(), null, null);
        connectAll(in, n, 0);
        yield n;
      }
      default -> throw new IllegalStateException("Unexpected transformation " + t);
    };
    nodesByTransformation.put(t.getId(), node);
    return node;
  }

  private StreamNode create(Transformation<?> t, StreamNode.Kind kind, int parallelism, List<Endpoint> inputs,
      SourceTransformation<?> source, OperatorSpec spec, Sink<?> sink, KeySelector<?, ?> key1,
      KeySelector<?, ?> key2) {
    int maxP = t.getMaxParallelism() == -1 ? maxParallelism : t.getMaxParallelism();
    if (parallelism > maxP && (t.getMaxParallelism() != -1 || key1 != null || key2 != null)) {
      throw new IllegalArgumentException("Operator '" + t.getName() + "' has parallelism " + parallelism
          + " above its max parallelism " + maxP
          + (t.getMaxParallelism() == -1 ? " (pipeline.max-parallelism)" : " (setMaxParallelism)"));
    }
    StreamNode node = new StreamNode(nodes.size() + 1, t, kind, parallelism, maxP, slotSharingGroup(t, inputs),
        source == null ? null : source.getSource(), source == null ? null : source.getWatermarkStrategy(),
        spec, sink, key1, key2);
    if (node.uid != null) {
      StreamNode other = nodesByUid.putIfAbsent(node.uid, node);
      if (other != null) {
        throw new IllegalArgumentException("Duplicate uid '" + node.uid + "' on operators '" + other.name + "' and '"
            + node.name + "': every uid(...) in a job must be unique, as it identifies the operator's state");
      }
    }
    nodes.add(node);
    return node;
  }

  /** The group set on the operator, else its inputs' group if they all share one, else "default". */
  private static String slotSharingGroup(Transformation<?> t, List<Endpoint> inputs) {
    if (t.getSlotSharingGroup() != null) {
      return t.getSlotSharingGroup();
    }
    List<String> groups = inputs.stream().map(e -> e.node.slotSharingGroup).distinct().toList();
    return groups.size() == 1 ? groups.get(0) : DEFAULT_SLOT_SHARING_GROUP;
  }

  private void connectAll(List<Endpoint> inputs, StreamNode target, int inputIndex) {
    for (Endpoint e : inputs) {
      Partitioning partitioning = e.partitioning;
      if (partitioning == null) {
        partitioning = e.node.parallelism == target.parallelism ? new Partitioning.Forward() : new Partitioning.Rebalance();
      } else if (partitioning instanceof Partitioning.Forward && e.node.parallelism != target.parallelism) {
        throw new UnsupportedOperationException("Forward partitioning does not allow a change of parallelism: "
            + e.node + " to " + target + ". Use another partitioning, such as rebalance, rescale, shuffle, broadcast"
            + " or global.");
      }
      StreamEdge edge = new StreamEdge(e.node, target, e.tag, partitioning, inputIndex,
          chainingAllowed(e.node, target, partitioning));
      e.node.outEdges.add(edge);
      target.inEdges.add(edge);
    }
  }

  private boolean chainingAllowed(StreamNode source, StreamNode target, Partitioning partitioning) {
    return chainingEnabled
        && partitioning instanceof Partitioning.Forward
        && source.parallelism == target.parallelism
        && source.slotSharingGroup.equals(target.slotSharingGroup)
        && source.chainingStrategy != ChainingStrategy.NEVER
        && target.chainingStrategy == ChainingStrategy.ALWAYS;
  }

  private List<JobVertex> chain() {
    List<JobVertex> vertices = new ArrayList<>();
    for (StreamNode node : nodes) {
      boolean chainedIntoOther = node.inEdges.size() == 1 && node.inEdges.get(0).isChainable();
      if (!chainedIntoOther) {
        List<StreamNode> members = new ArrayList<>();
        collect(node, members);
        members.sort((a, b) -> Integer.compare(a.id, b.id));
        vertices.add(new JobVertex(vertices.size(), List.copyOf(members)));
      }
    }
    return vertices;
  }

  private void collect(StreamNode node, List<StreamNode> members) {
    members.add(node);
    for (StreamEdge e : node.outEdges) {
      if (e.isChainable()) {
        collect(e.target(), members);
      }
    }
  }
}
