package io.eddy.runtime.execution;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.runtime.tasks.Task;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Injects failures for recovery drills ({@code execution.fault-injection.failures}): for each
 * attempt while failures are left, after a random delay it makes a random task fail from
 * inside its own thread, as a crashing operator would; a failure counts once the task has
 * actually thrown it. Seeded, so a run can be repeated.
 */
final class FailureInjector {
  /** The exception an injected failure throws. */
  static final class InjectedFailure extends RuntimeException {
    InjectedFailure(String message) {
      super(message);
    }
  }

  private final SplittableRandom random;
  private final long meanDelayMillis;
  private int left;
  private int injected;

  FailureInjector(Configuration configuration) {
    this.left = configuration.get(CheckpointingOptions.INJECT_FAILURES);
    this.random = new SplittableRandom(configuration.get(CheckpointingOptions.INJECT_FAILURES_SEED));
    this.meanDelayMillis = Math.max(1, configuration.get(CheckpointingOptions.INJECT_FAILURES_MEAN_DELAY).toMillis());
  }

  /** Schedules this attempt's failure, if any are left; returns the thread that will inject it, or null. */
  synchronized Thread arm(List<Task> tasks) {
    if (left <= 0 || tasks.isEmpty()) {
      return null;
    }
    long delay = random.nextLong(2 * meanDelayMillis + 1);
    Task victim = tasks.get(random.nextInt(tasks.size()));
    int number = injected + 1;
    Thread thread = new Thread(() -> {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        return;
      }
      victim.injectFailure(() -> {
        synchronized (this) {
          left--;
          injected++;
        }
        return new InjectedFailure("injected failure " + number + " in task " + victim.describe());
      });
    }, "Eddy failure injector");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  synchronized int injected() {
    return injected;
  }
}
