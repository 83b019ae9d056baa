package io.eddy.runtime.execution;

import io.eddy.api.config.ConfigOptionRegistry;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutor;
import io.eddy.api.graph.StreamGraph;
import io.eddy.runtime.graph.JobPlanBuilder;
import io.eddy.runtime.time.Clock;

/** Runs jobs in this process, one thread per task; what {@code StreamEnvironment.execute} uses. */
public final class LocalJobExecutor implements JobExecutor {
  private final Clock clock;

  /** The executor found by ServiceLoader: wall-clock processing time. */
  public LocalJobExecutor() {
    this(Clock.SYSTEM);
  }

  /** An executor whose processing time follows the given clock (tests). */
  public LocalJobExecutor(Clock clock) {
    this.clock = clock;
  }

  /** Every option of the modules on the class path, read once. */
  private static final class Registry {
    static final ConfigOptionRegistry INSTANCE = ConfigOptionRegistry.load();
  }

  /** Checks the configuration first: an unknown key in Eddy's namespaces or a bad value fails here, named. */
  @Override
  public JobClient submit(StreamGraph graph) {
    Registry.INSTANCE.validate(graph.configuration());
    boolean resume = graph.configuration().get(io.eddy.api.config.CheckpointingOptions.RESUME);
    return new LocalJob(JobPlanBuilder.build(graph), clock, resume).start();
  }
}
