package io.eddy.examples.logistics;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the logistics job ({@code eddy run logistics}). Immutable; the {@code with...}
 * methods return a copy.
 *
 * @param orders             orders generated (each with its shipping updates)
 * @param seed               generator seed: the same seed gives the same input, so the same tables
 * @param rate               records per second over all sources; 0 = as fast as possible
 * @param parallelism        parallelism of every operator
 * @param backend            state.backend.type
 * @param checkpointInterval null: no checkpoints (and no restarts)
 * @param injectFailures     injected failures (with checkpoints, every second if no interval is set)
 * @param stateDir           working folder: checkpoints, committed results, RocksDB's files
 * @param output             folder for alerts.csv and delivery_stats.csv; null: none written
 * @param sql                run the SQL form of the job (logistics/logistics.sql) instead of the DataStream one
 */
public record LogisticsOptions(long orders, long seed, double rate, int parallelism, String backend,
    Duration checkpointInterval, int injectFailures, Path stateDir, Path output, boolean sql) {

  public LogisticsOptions {
    if (orders < 0 || rate < 0 || parallelism < 1 || injectFailures < 0) {
      throw new IllegalArgumentException("orders, rate and injected failures must not be negative, "
          + "parallelism at least 1");
    }
  }

  public static LogisticsOptions defaults() {
    return new LogisticsOptions(100_000, 0, 0, 2, "hashmap", null, 0, Path.of("eddy-data"), null, false);
  }

  public LogisticsOptions withOrders(long n) {
    return new LogisticsOptions(n, seed, rate, parallelism, backend, checkpointInterval, injectFailures, stateDir, output, sql);
  }

  public LogisticsOptions withSeed(long s) {
    return new LogisticsOptions(orders, s, rate, parallelism, backend, checkpointInterval, injectFailures, stateDir, output, sql);
  }

  public LogisticsOptions withRate(double r) {
    return new LogisticsOptions(orders, seed, r, parallelism, backend, checkpointInterval, injectFailures, stateDir, output, sql);
  }

  public LogisticsOptions withParallelism(int p) {
    return new LogisticsOptions(orders, seed, rate, p, backend, checkpointInterval, injectFailures, stateDir, output, sql);
  }

  public LogisticsOptions withBackend(String b) {
    return new LogisticsOptions(orders, seed, rate, parallelism, b, checkpointInterval, injectFailures, stateDir, output, sql);
  }

  public LogisticsOptions withCheckpointInterval(Duration d) {
    return new LogisticsOptions(orders, seed, rate, parallelism, backend, d, injectFailures, stateDir, output, sql);
  }

  public LogisticsOptions withInjectedFailures(int n) {
    return new LogisticsOptions(orders, seed, rate, parallelism, backend, checkpointInterval, n, stateDir, output, sql);
  }

  public LogisticsOptions withStateDir(Path dir) {
    return new LogisticsOptions(orders, seed, rate, parallelism, backend, checkpointInterval, injectFailures, dir, output, sql);
  }

  public LogisticsOptions withSql(boolean s) {
    return new LogisticsOptions(orders, seed, rate, parallelism, backend, checkpointInterval, injectFailures, stateDir, output, s);
  }

  public LogisticsOptions withOutput(Path dir) {
    return new LogisticsOptions(orders, seed, rate, parallelism, backend, checkpointInterval, injectFailures, stateDir, dir, sql);
  }
}
