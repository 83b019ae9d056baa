package io.eddy.runtime.operators;

import io.eddy.api.functions.TaskInfo;
import io.eddy.runtime.execution.JobMetrics;
import io.eddy.runtime.time.ProcessingTimeService;
import io.eddy.state.KeyedStateBackend;

/**
 * What the runtime gives an operator: where it runs, its task's processing-time service, its
 * keyed state backend (null on non-keyed streams) and the job's counters.
 */
public record OperatorContext(
    TaskInfo taskInfo,
    ProcessingTimeService processingTimeService,
    KeyedStateBackend<Object> keyedStateBackend,
    JobMetrics metrics) {

  public String name() {
    return taskInfo.taskName();
  }
}
