package io.eddy.runtime.graph;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.graph.Partitioning;

/**
 * A connection between two nodes: the side output it carries (null for the main output), how
 * records are partitioned, and which input (0 or 1) of the target it feeds.
 */
public record StreamEdge(StreamNode source, StreamNode target, OutputTag<?> tag, Partitioning partitioning,
    int inputIndex) {

  /** Chained edges become direct method calls inside one task. */
  public boolean isChainable() {
    return partitioning instanceof Partitioning.Forward
        && source.parallelism == target.parallelism
        && target.inEdges.size() == 1
        && (target.kind == StreamNode.Kind.ONE_INPUT || target.kind == StreamNode.Kind.SINK);
  }

  @Override
  public String toString() {
    return source + " -> " + target + (tag == null ? "" : " [" + tag.getId() + "]");
  }
}
