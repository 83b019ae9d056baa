package io.eddy.runtime.graph;

import java.util.List;

/**
 * A chain of nodes that runs as one task per subtask: the head reads the task's input (or a
 * source), the others are reached by chained edges. Nodes are in topological order, head first.
 */
public record JobVertex(int index, List<StreamNode> nodes) {
  public StreamNode head() {
    return nodes.get(0);
  }

  public int parallelism() {
    return head().parallelism;
  }

  public String name() {
    StringBuilder sb = new StringBuilder();
    for (StreamNode n : nodes) {
      if (sb.length() > 0) {
        sb.append(" -> ");
      }
      sb.append(n.name);
    }
    return sb.toString();
  }
}
