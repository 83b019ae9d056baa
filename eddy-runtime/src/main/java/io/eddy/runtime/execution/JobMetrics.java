package io.eddy.runtime.execution;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one job run, shared by all its tasks: late records dropped, bad records skipped
 * (with their descriptions), and whatever operators count; and distributions whose quantiles
 * become counters (checkpoint durations). Thread-safe.
 */
public final class JobMetrics {
  /** How many skipped-record descriptions are kept; the count covers them all. */
  public static final int MAX_SKIPPED_DESCRIPTIONS = 100;

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final List<String> skipped = new CopyOnWriteArrayList<>();
  private final Map<String, StatsSummary> summaries = new ConcurrentHashMap<>();

  public void increment(String counter) {
    counters.computeIfAbsent(counter, c -> new LongAdder()).increment();
  }

  public void add(String counter, long delta) {
    counters.computeIfAbsent(counter, c -> new LongAdder()).add(delta);
  }

  /** Sets a counter to {@code value} (a last value, such as the last checkpoint's duration). */
  public synchronized void set(String counter, long value) {
    LongAdder adder = counters.computeIfAbsent(counter, c -> new LongAdder());
    adder.reset();
    adder.add(value);
  }

  /** The value of {@code counter}, or {@code absent} if nothing counted it yet. */
  public long get(String counter, long absent) {
    LongAdder adder = counters.get(counter);
    return adder == null ? absent : adder.sum();
  }

  /** Raises a counter to {@code value} if it is below (a high-water mark). */
  public synchronized void max(String counter, long value) {
    LongAdder adder = counters.computeIfAbsent(counter, c -> new LongAdder());
    long current = adder.sum();
    if (value > current) {
      adder.add(value - current);
    }
  }

  /** The distribution named {@code name} (latest 10,000 values), shared by the job's attempts. */
  public StatsSummary summary(String name) {
    return summaries.computeIfAbsent(name, n -> new StatsSummary(10_000));
  }

  public void reportSkipped(String description) {
    increment("numSkippedRecords");
    if (skipped.size() < MAX_SKIPPED_DESCRIPTIONS) {
      skipped.add(description);
    }
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> result = new TreeMap<>();
    counters.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }

  public List<String> skippedRecords() {
    return List.copyOf(skipped);
  }
}
