package io.eddy.runtime.graph;

import io.eddy.api.config.Configuration;
import java.util.List;

/** The physical plan of a job: its nodes, edges and the chains (vertices) that become tasks. */
public record JobPlan(String jobName, Configuration configuration, int maxParallelism, List<StreamNode> nodes,
    List<JobVertex> vertices) {

  /** The vertex whose chain contains the node. */
  public JobVertex vertexOf(StreamNode node) {
    for (JobVertex v : vertices) {
      if (v.nodes().contains(node)) {
        return v;
      }
    }
    throw new IllegalArgumentException("Node not in plan: " + node);
  }

  /** A readable outline of the chains and their connections, for logs and tests. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (JobVertex v : vertices) {
      sb.append('[').append(v.name()).append("] p=").append(v.parallelism()).append('\n');
    }
    return sb.toString();
  }
}
