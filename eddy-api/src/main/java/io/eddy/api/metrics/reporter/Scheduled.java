package io.eddy.api.metrics.reporter;

/**
 * A reporter whose {@link #report()} the runtime calls every {@code metrics.reporter.<name>.interval},
 * and once more when a job ends (while its tasks' metrics still hold their final values).
 */
public interface Scheduled {
  void report();
}
