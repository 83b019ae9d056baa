package io.eddy.examples.logistics;

import io.eddy.api.functions.MapFunction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts records of a running job for its live summary: the job's subtasks run in this process,
 * so a {@link #counting} map adds to a counter here that the summary thread reads. Counts
 * include the records replayed after a restart; the final tables do not.
 */
final class LiveCounters {
  private static final Map<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();

  private LiveCounters() {}

  /** A pass-through map that counts into counter {@code name} of run {@code run}. */
  static <T> MapFunction<T, T> counting(String run, String name) {
    String key = run + "/" + name;
    return value -> {
      COUNTERS.computeIfAbsent(key, k -> new LongAdder()).increment();
      return value;
    };
  }

  static long get(String run, String name) {
    LongAdder adder = COUNTERS.get(run + "/" + name);
    return adder == null ? 0 : adder.sum();
  }

  /** Forgets the counters of a finished run. */
  static void release(String run) {
    COUNTERS.keySet().removeIf(k -> k.startsWith(run + "/"));
  }
}
