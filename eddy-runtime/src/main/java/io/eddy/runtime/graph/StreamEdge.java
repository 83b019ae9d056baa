package io.eddy.runtime.graph;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.graph.Partitioning;

/**
 * A connection between two nodes: the side output it carries (null for the main output), how
 * records are partitioned, and which input (0 or 1) of the target it feeds.
 * {@code chainingAllowed} is the part of Flink's chaining rule known when the edge is made:
 * chaining enabled for the job, a forward edge, equal parallelism, the same slot-sharing
 * group, and neither end's chaining strategy forbidding it.
 */
public record StreamEdge(StreamNode source, StreamNode target, OutputTag<?> tag, Partitioning partitioning,
    int inputIndex, boolean chainingAllowed) {

  /** Chained edges become direct method calls inside one task; the target must have this one input. */
  public boolean isChainable() {
    return chainingAllowed
        && target.inEdges.size() == 1
        && (target.kind == StreamNode.Kind.ONE_INPUT || target.kind == StreamNode.Kind.SINK);
  }

  @Override
  public String toString() {
    return source + " -> " + target + (tag == null ? "" : " [" + tag.getId() + "]");
  }
}
