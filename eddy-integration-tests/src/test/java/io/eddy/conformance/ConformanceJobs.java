package io.eddy.conformance;

import io.eddy.api.datastream.StreamEnvironment;
import java.nio.file.Path;

/**
 * The environments the conformance jobs run in: checkpoints every 10 ms into a folder, and
 * either restarts after failures, or none (the job dies) with a later run resuming from the
 * folder, possibly at another parallelism.
 */
final class ConformanceJobs {
  private ConformanceJobs() {}

  /** Restarts from the latest checkpoint after each failure. */
  static StreamEnvironment restarting(int parallelism, Path checkpoints) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "10ms")
        .set("state.checkpoints.dir", checkpoints.toString())
        .set("restart-strategy.type", "fixed-delay")
        .set("restart-strategy.fixed-delay.delay", "1ms");
    return env;
  }

  /** Dies at the first failure; with {@code resume}, starts from the latest checkpoint in the folder. */
  static StreamEnvironment dying(int parallelism, Path checkpoints, boolean resume) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration()
        .set("execution.checkpointing.interval", "10ms")
        .set("state.checkpoints.dir", checkpoints.toString())
        .set("state.checkpoints.num-retained", "2")
        .set("restart-strategy.type", "none")
        .set("execution.checkpointing.resume", String.valueOf(resume));
    return env;
  }
}
