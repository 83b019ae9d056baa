package io.eddy.runtime.asyncprocessing;

import io.eddy.api.config.AsyncStateOptions;
import io.eddy.api.config.Configuration;
import java.time.Duration;

/**
 * How an {@link AsyncExecutionController} batches and bounds its work ({@code
 * execution.async-state.*}).
 *
 * @param bufferSize requests per batch sent to the state executor (>= 1)
 * @param bufferTimeout longest wait of a request in a partly filled batch (> 0)
 * @param inFlightRecordsLimit records started and not finished before processing waits (>= 1)
 */
public record AsyncStateSettings(int bufferSize, Duration bufferTimeout, int inFlightRecordsLimit) {
  public AsyncStateSettings {
    require(bufferSize >= 1, AsyncStateOptions.BUFFER_SIZE.key() + " must be at least 1: " + bufferSize);
    require(bufferTimeout.toNanos() > 0, AsyncStateOptions.BUFFER_TIMEOUT.key() + " must be positive: " + bufferTimeout);
    require(inFlightRecordsLimit >= 1,
        AsyncStateOptions.IN_FLIGHT_RECORDS_LIMIT.key() + " must be at least 1: " + inFlightRecordsLimit);
  }

  public static AsyncStateSettings from(Configuration conf) {
    return new AsyncStateSettings(conf.get(AsyncStateOptions.BUFFER_SIZE), conf.get(AsyncStateOptions.BUFFER_TIMEOUT),
        conf.get(AsyncStateOptions.IN_FLIGHT_RECORDS_LIMIT));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
