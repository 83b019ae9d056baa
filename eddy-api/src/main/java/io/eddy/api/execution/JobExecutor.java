package io.eddy.api.execution;

import io.eddy.api.graph.StreamGraph;
import java.util.ServiceLoader;

/**
 * Runs a job. The API finds the implementation (eddy-runtime's local executor) through
 * {@link ServiceLoader}, so user code depends on eddy-api only.
 */
public interface JobExecutor {
  JobClient submit(StreamGraph graph);

  static JobExecutor load() {
    return ServiceLoader.load(JobExecutor.class)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "No Eddy runtime on the class path: add the eddy-runtime module to run jobs"));
  }
}
