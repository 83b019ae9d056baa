package io.eddy.runtime.metrics;

import java.util.Map;

/**
 * The metrics of a job as a whole (restarts, checkpoints), in scope {@code metrics.scope.jm.job};
 * it lives as long as the job, across restarts. It is also the parent whose variables
 * ({@code <job_id>}, {@code <job_name>}) the tasks' groups inherit.
 */
public final class JobMetricGroup extends AbstractMetricGroup {
  JobMetricGroup(MetricRegistry registry, String[] scope, Map<String, String> variables) {
    super(registry, null, scope, "jobmanager.job", variables);
  }

  /** A task's group for subtask {@code subtask} of the chain {@code taskName} in attempt {@code attempt}. */
  public TaskMetricGroup addTask(String taskName, int subtask, int attempt) {
    Map<String, String> variables = new java.util.LinkedHashMap<>(getAllVariables());
    Map<String, String> own = Map.of("<tm_id>", MetricRegistry.TM_ID, "<task_name>", taskName,
        "<subtask_index>", String.valueOf(subtask), "<attempt_num>", String.valueOf(attempt));
    variables.putAll(own);
    return new TaskMetricGroup(registry, this, registry.taskScope().format(variables), own);
  }
}
