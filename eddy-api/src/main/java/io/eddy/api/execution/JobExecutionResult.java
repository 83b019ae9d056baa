package io.eddy.api.execution;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a finished job reports: how long it ran, its counters (records in and out per operator,
 * late records dropped, ...) and the bad records it skipped.
 */
public record JobExecutionResult(
    String jobName, Duration netRuntime, Map<String, Long> counters, List<String> skippedRecords) {

  public JobExecutionResult {
    counters = Map.copyOf(counters);
    skippedRecords = List.copyOf(skippedRecords);
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
