package io.eddy.api.config;

import java.time.Duration;

/**
 * The keys of the asynchronous execution model (State V2): how the async execution controller of
 * a keyed operator batches state requests and bounds the records it has in flight.
 */
public final class AsyncStateOptions {
  private AsyncStateOptions() {}

  public static final ConfigOption<Boolean> ENABLED = ConfigOption.booleanOption(
      "execution.async-state.enabled", false,
      "Runs every keyed stateful operator of the job (windows, keyed process, reduce/aggregate, interval join, "
          + "keyed co-process) in the asynchronous execution model, as keyBy(...).enableAsyncState() does per stream.");

  public static final ConfigOption<Integer> BUFFER_SIZE = ConfigOption.intOption(
      "execution.async-state.buffer-size", 1000,
      "State requests collected before they are sent to the state executor as one batch.");

  public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOption.durationOption(
      "execution.async-state.buffer-timeout", Duration.ofSeconds(1),
      "Longest time a state request waits in a partly filled batch before the batch is sent.");

  public static final ConfigOption<Integer> IN_FLIGHT_RECORDS_LIMIT = ConfigOption.intOption(
      "execution.async-state.in-flight-records-limit", 6000,
      "Records an operator may have in flight (started, not finished); beyond it the task waits (backpressure).");
}
