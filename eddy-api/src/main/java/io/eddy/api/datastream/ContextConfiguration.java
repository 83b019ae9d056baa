package io.eddy.api.datastream;

import io.eddy.api.config.Configuration;
import java.util.concurrent.Callable;

/**
 * The configuration that every {@link StreamEnvironment} created while {@link #runWith} runs
 * (on that thread or threads it starts) begins with: how {@code eddy run JOB.jar} hands
 * {@code -p}, {@code -D} and conf/eddy.yaml to a job's main method, as Flink's context
 * environment does for {@code flink run}. What the job's code sets (a configuration passed to
 * {@code create}, {@code setParallelism}) wins over these defaults.
 */
public final class ContextConfiguration {
  private static final InheritableThreadLocal<Configuration> CURRENT = new InheritableThreadLocal<>();

  private ContextConfiguration() {}

  /** Runs {@code action} with {@code defaults} as the starting configuration of the environments it creates. */
  public static <T> T runWith(Configuration defaults, Callable<T> action) throws Exception {
    Configuration previous = CURRENT.get();
    CURRENT.set(defaults.copy());
    try {
      return action.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The context defaults overridden by {@code explicit}; a fresh copy. */
  static Configuration withDefaults(Configuration explicit) {
    Configuration defaults = CURRENT.get();
    if (defaults == null) {
      return explicit.copy();
    }
    Configuration merged = defaults.copy();
    explicit.toMap().forEach(merged::set);
    return merged;
  }
}
