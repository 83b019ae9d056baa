package io.eddy.nexmark.job;

import io.eddy.api.metrics.Gauge;
import io.eddy.api.metrics.Histogram;
import io.eddy.api.metrics.HistogramStatistics;
import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.metrics.reporter.MetricConfig;
import io.eddy.api.metrics.reporter.MetricReporter;
import io.eddy.api.metrics.reporter.Scheduled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects, for a Nexmark run in the asynchronous model, the async execution controllers'
 * in-flight occupancy (the {@code numInFlightRecords} gauges sampled at every report) and batch
 * sizes (the {@code batchSize} histograms, read at every report and when an operator's metrics
 * are removed, so that restarts and the end of the job lose nothing). The runtime creates it from
 * {@code metrics.reporter.<name>.class} and passes the run's id as {@code job}; {@link #register}
 * and {@link #release} bracket the run. A process-wide registry keyed by run id, because the
 * runtime creates reporters by class name. Thread-safe.
 */
public final class AsyncStateReporter implements MetricReporter, Scheduled {

    private static final Map<String, Runs> RUNS = new ConcurrentHashMap<>();

    /** What is gathered for one run, per operator name. */
    static final class Runs {
        private final Map<String, Occupancy> operators = new LinkedHashMap<>();

        synchronized Occupancy of(String operator) {
            return operators.computeIfAbsent(operator, o -> new Occupancy());
        }

        synchronized List<AsyncStateStats> stats() {
            List<AsyncStateStats> all = new ArrayList<>();
            operators.forEach((name, o) -> all.add(o.stats(name)));
            return all;
        }
    }

    /** One operator's samples and batch statistics. Guarded by itself. */
    private static final class Occupancy {
        private final Map<Object, Histogram> live = new LinkedHashMap<>();
        private final Map<Object, long[]> finals = new LinkedHashMap<>();
        private long samples;
        private long inFlightSum;
        private long inFlightMax;

        synchronized void sample(int inFlight) {
            samples++;
            inFlightSum += inFlight;
            inFlightMax = Math.max(inFlightMax, inFlight);
        }

        synchronized void add(Object subtask, Histogram batches) {
            live.put(subtask, batches);
        }

        /** Keeps what a removed histogram held: {count, sum of kept sizes, kept, max, p50}. */
        synchronized void remove(Object subtask, Histogram batches) {
            if (live.remove(subtask) == batches) {
                finals.put(subtask, summary(batches));
            }
        }

        private static long[] summary(Histogram h) {
            HistogramStatistics s = h.getStatistics();
            return new long[] {h.getCount(), Math.round(s.getMean() * s.size()), s.size(), s.size() == 0 ? 0 : s.getMax(),
                    s.size() == 0 ? 0 : Math.round(s.getQuantile(0.5))};
        }

        synchronized AsyncStateStats stats(String name) {
            List<long[]> all = new ArrayList<>(finals.values());
            live.values().forEach(h -> all.add(summary(h)));
            long batches = 0;
            long sum = 0;
            long kept = 0;
            long max = 0;
            long[] busiest = null;
            for (long[] s : all) {
                batches += s[0];
                sum += s[1];
                kept += s[2];
                max = Math.max(max, s[3]);
                busiest = busiest == null || s[0] > busiest[0] ? s : busiest;
            }
            return new AsyncStateStats(name, samples == 0 ? 0 : (double) inFlightSum / samples, inFlightMax, batches,
                    kept == 0 ? 0 : (double) sum / kept, busiest == null ? 0 : busiest[4], max);
        }
    }

    private final Map<Object, Gauge<?>> inFlight = new ConcurrentHashMap<>();
    private final Map<Object, String> operatorOf = new ConcurrentHashMap<>();
    private Runs run;

    /** Starts collecting for run {@code runId}. */
    public static void register(String runId) {
        RUNS.put(runId, new Runs());
    }

    /** What was collected for {@code runId} (empty if nothing ran asynchronously), and forgets the run. */
    public static List<AsyncStateStats> release(String runId) {
        Runs runs = RUNS.remove(runId);
        return runs == null ? List.of() : runs.stats();
    }

    @Override
    public void open(MetricConfig config) {
        run = RUNS.get(config.getString("job", ""));
    }

    @Override
    public void close() {
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (run == null) {
            return;
        }
        String operator = group.getAllVariables().getOrDefault("<operator_name>", "?");
        Object subtask = group; // one group per operator subtask and attempt
        if (metricName.equals("numInFlightRecords") && metric instanceof Gauge<?> gauge) {
            inFlight.put(subtask, gauge);
            operatorOf.put(subtask, operator);
        } else if (metricName.equals("batchSize") && metric instanceof Histogram histogram) {
            run.of(operator).add(subtask, histogram);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        if (run == null) {
            return;
        }
        if (metricName.equals("numInFlightRecords")) {
            inFlight.remove(group);
            operatorOf.remove(group);
        } else if (metricName.equals("batchSize") && metric instanceof Histogram histogram) {
            run.of(group.getAllVariables().getOrDefault("<operator_name>", "?")).remove(group, histogram);
        }
    }

    @Override
    public void report() {
        if (run == null) {
            return;
        }
        inFlight.forEach((subtask, gauge) -> {
            String operator = operatorOf.get(subtask);
            if (operator != null && gauge.getValue() instanceof Number n) {
                run.of(operator).sample(n.intValue());
            }
        });
    }
}
