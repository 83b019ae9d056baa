package io.eddy.cli;

import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.metrics.reporter.MetricConfig;
import io.eddy.api.metrics.reporter.MetricReporter;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the records the sources of running jobs emit (their {@code numRecordsOut}), so that
 * {@link EventProgress#followSources} can show events/s for commands that build their own jobs
 * (the benchmarks). The runtime builds reporters from a class name, so each instance finds its
 * {@link Tally} by the id in its {@code tally} parameter, in a process-wide registry. A tally
 * keeps the counters of ended jobs and attempts: their records stay counted. Thread-safe.
 */
public final class SourceRecordsReporter implements MetricReporter {
  /** The reporter's name in {@code metrics.reporter.<name>.*}. */
  static final String NAME = "eddy-progress";

  private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

  private Tally tally;

  /** The source counters of every job started with one configuration. */
  static final class Tally implements AutoCloseable {
    private final String id = UUID.randomUUID().toString();
    private final Set<Counter> counters = ConcurrentHashMap.newKeySet();

    private Tally() {}

    /** Records emitted by all sources so far; a counter may lag behind its task thread a little. */
    long records() {
      long sum = 0;
      for (Counter c : counters) {
        sum += c.getCount();
      }
      return sum;
    }

    /** The reporter keys that make every job of a configuration count into this tally. */
    Map<String, String> configuration() {
      String prefix = "metrics.reporter." + NAME + ".";
      return Map.of(prefix + "class", SourceRecordsReporter.class.getName(), prefix + "tally", id);
    }

    @Override
    public void close() {
      TALLIES.remove(id);
    }
  }

  /** A new tally, registered until closed. */
  static Tally newTally() {
    Tally tally = new Tally();
    TALLIES.put(tally.id, tally);
    return tally;
  }

  @Override
  public void open(MetricConfig config) {
    String id = config.getString("tally", "");
    tally = TALLIES.get(id);
    if (tally == null) {
      throw new IllegalStateException("metrics.reporter." + NAME + ".tally: no progress tally '" + id
          + "' in this process (the reporter only counts for the eddy command that configured it)");
    }
  }

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    if (metricName.equals("numRecordsOut") && metric instanceof Counter counter
        && group instanceof InternalOperatorMetricGroup operator && operator.isSource()) {
      tally.counters.add(counter);
    }
  }

  /** Keeps the counter: the records of an ended attempt were emitted all the same. */
  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {}
}
