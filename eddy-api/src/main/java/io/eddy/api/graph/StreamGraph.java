package io.eddy.api.graph;

import io.eddy.api.config.Configuration;
import java.util.List;

/** A job as submitted: its name, its configuration and the sinks the plan leads to. */
public record StreamGraph(String jobName, Configuration configuration, List<SinkTransformation<?>> sinks) {
  public StreamGraph {
    sinks = List.copyOf(sinks);
    if (sinks.isEmpty()) {
      throw new IllegalStateException("The job has no sinks: add one with sinkTo(), print() or executeAndCollect()");
    }
  }
}
