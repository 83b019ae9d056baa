package io.eddy.runtime.operators;

import io.eddy.api.config.Configuration;
import io.eddy.api.config.PipelineOptions;
import io.eddy.api.execution.JobParameters;
import io.eddy.runtime.asyncprocessing.AsyncStateSettings;
import io.eddy.api.functions.TaskInfo;
import io.eddy.runtime.execution.EndOfInputCommits;
import io.eddy.runtime.execution.JobMetrics;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.time.ProcessingTimeService;
import io.eddy.state.KeyedStateBackend;
import java.util.List;
import java.util.Map;
import io.eddy.runtime.asyncprocessing.MailboxExecutor;

/**
 * What the runtime gives an operator: where it runs, its task's processing-time service, its
 * keyed state backend (null on non-keyed streams; already restored when the job was), the
 * job's counters, its share of restored operator state (null on a fresh start), and where
 * two-phase-commit sinks leave their last committables at the end of input, its task's
 * {@code mailbox}: work handed to it from any thread (it never blocks) runs on the task thread
 * between records, also while the task waits for input; its exceptions fail the task; its metric
 * group; the job's configuration (for what functions read of it, such as the global job
 * parameters); and whether its keyed work runs in the asynchronous execution model ({@code
 * execution.async-state.enabled}, or the keyed stream's {@code enableAsyncState()}) with which
 * settings.
 */
public record OperatorContext(
    TaskInfo taskInfo,
    ProcessingTimeService processingTimeService,
    KeyedStateBackend<Object> keyedStateBackend,
    JobMetrics metrics,
    Map<String, List<Object>> restoredLists,
    EndOfInputCommits endOfInputCommits,
    MailboxExecutor mailbox,
    InternalOperatorMetricGroup metricGroup,
    Configuration jobConfiguration,
    AsyncStateSettings asyncStateSettings,
    boolean asyncStateEnabled) {

  /**
   * The same context with the asynchronous execution model on (the stream called
   * enableAsyncState()) or off (an operator Flink only runs synchronously).
   */
  public OperatorContext withAsyncState(boolean enabled) {
    return new OperatorContext(taskInfo, processingTimeService, keyedStateBackend, metrics, restoredLists,
        endOfInputCommits, mailbox, metricGroup, jobConfiguration, asyncStateSettings, enabled);
  }

  public String name() {
    return taskInfo.taskName();
  }

  /** The global job parameters (ExecutionConfig#setGlobalJobParameters), empty when none were set. */
  public Map<String, String> globalJobParameters() {
    return JobParameters.parse(jobConfiguration.get(PipelineOptions.GLOBAL_JOB_PARAMETERS));
  }

  public boolean isRestored() {
    return restoredLists != null;
  }

  /** The restored entries of one list state (empty on a fresh start). */
  public List<Object> restoredList(String name) {
    return restoredLists == null ? List.of() : restoredLists.getOrDefault(name, List.of());
  }
}
