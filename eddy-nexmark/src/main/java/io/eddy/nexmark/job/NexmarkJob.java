package io.eddy.nexmark.job;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.connector.CollectSink;
import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.connector.Source;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.queries.Change;
import io.eddy.nexmark.queries.NexmarkQuery;
import io.eddy.nexmark.queries.Queries;
import io.eddy.nexmark.queries.QueryContext;
import io.eddy.nexmark.result.ChangelogApplier;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.source.GeneratorSource;
import io.eddy.nexmark.source.JsonLinesSource;
import io.eddy.nexmark.source.NexmarkWatermarks;
import io.eddy.nexmark.source.ReadProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Runs one Nexmark query end to end in this process, as {@code eddy nexmark} does: source
 * (generator or JSON-lines file, with the Nexmark watermarks) -&gt; the query's DataStream
 * job -&gt; its changelog collected here and applied with {@link ChangelogApplier} -&gt; the
 * final {@link ResultTable}. With checkpointing configured
 * ({@code execution.checkpointing.interval}), only changes of completed checkpoints are
 * applied, so the table is exact across restarts.
 *
 * <p>Usage:
 * <pre>{@code
 * NexmarkJobResult r = NexmarkJob.run(NexmarkJobOptions.builder("q5").events(10_000_000).parallelism(4).build(),
 *         read -> System.err.printf("%d events%n", read));
 * r.table().writeCsv(Path.of("q5.csv"));
 * }</pre>
 * Thread-safe: each call runs its own job.
 */
public final class NexmarkJob {

    /** How often {@code progress} hears the number of events read. */
    public static final long PROGRESS_INTERVAL_MILLIS = 200;

    private NexmarkJob() {
    }

    /**
     * Runs the job to its end.
     *
     * @param progress called every {@value #PROGRESS_INTERVAL_MILLIS} ms from another thread, and
     *                 once at the end, with the events read so far
     * @throws IllegalArgumentException for an unknown query
     * @throws JobExecutionException    if the job fails; the message is the engine's (operator and
     *                                  cause; for bad input {@code file:line: reason})
     */
    public static NexmarkJobResult run(NexmarkJobOptions options, LongConsumer progress)
            throws JobExecutionException, InterruptedException {
        NexmarkQuery query = Queries.byName(options.query());
        String jobId = UUID.randomUUID().toString();
        AtomicLong read = ReadProgress.register(jobId);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nexmark progress " + options.query());
            t.setDaemon(true);
            return t;
        });
        try {
            Configuration conf = configuration(options);
            StreamEnvironment env = StreamEnvironment.create(conf);
            env.setParallelism(options.parallelism());
            DataStream<Event> events = env.fromSource(source(options, jobId), NexmarkWatermarks.strategy(),
                    "nexmark source");
            DataStream<Change> changes = query.build(events,
                    QueryContext.of(options.sideInput(), options.q10OutputDir()));
            long start = System.nanoTime();
            reporter.scheduleAtFixedRate(() -> progress.accept(read.get()), PROGRESS_INTERVAL_MILLIS,
                    PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            Outcome outcome = !options.collectResults() ? discarded(env, query, changes)
                    : conf.get(CheckpointingOptions.INTERVAL).isZero()
                    ? streamed(env, query, changes) : committed(env, query, changes);
            double seconds = (System.nanoTime() - start) / 1e9;
            reporter.shutdownNow();
            reporter.awaitTermination(1, TimeUnit.SECONDS); // the final report comes last
            progress.accept(read.get());
            return new NexmarkJobResult(outcome.table(), read.get(), seconds, outcome.changes(),
                    outcome.job().counter("numSkippedRecords"), outcome.job().skippedRecords());
        } finally {
            reporter.shutdownNow();
            ReadProgress.release(jobId);
        }
    }

    /** The final table, the number of changes applied, and the engine's report. */
    private record Outcome(ResultTable table, long changes, JobExecutionResult job) {
    }

    /** Throughput runs: the changelog goes to a blackhole sink; the table stays empty. */
    private static Outcome discarded(StreamEnvironment env, NexmarkQuery query, DataStream<Change> changes)
            throws JobExecutionException, InterruptedException {
        changes.sinkTo(new DiscardingSink<>()).name("blackhole " + query.name());
        JobExecutionResult result = env.executeAsync("nexmark " + query.name()).await();
        return new Outcome(new ChangelogApplier(query.columns()).table(), 0, result);
    }

    /**
     * Without checkpoints (so without restarts): the changelog streams to this thread through a
     * {@link CollectSink} and is applied as it arrives, holding only the table.
     */
    private static Outcome streamed(StreamEnvironment env, NexmarkQuery query, DataStream<Change> changes)
            throws JobExecutionException, InterruptedException {
        CollectSink<Change> sink = new CollectSink<>();
        try {
            changes.sinkTo(sink).name("collect " + query.name());
            JobClient job = env.executeAsync("nexmark " + query.name());
            ChangelogApplier applier = new ChangelogApplier(query.columns());
            long applied = drain(sink.queue(), job, applier);
            return new Outcome(applier.table(), applied, job.await());
        } finally {
            sink.release();
        }
    }

    /**
     * With checkpoints: a restart replays input, so only changes of completed checkpoints are
     * applied ({@link CommittedChangelogSink}), exactly once.
     */
    private static Outcome committed(StreamEnvironment env, NexmarkQuery query, DataStream<Change> changes)
            throws JobExecutionException, InterruptedException {
        CommittedChangelogSink sink = CommittedChangelogSink.open(query.columns());
        try {
            changes.sinkTo(sink).name("commit " + query.name());
            JobExecutionResult result = env.executeAsync("nexmark " + query.name()).await();
            return new Outcome(sink.table(), sink.changes(), result);
        } finally {
            sink.close();
        }
    }

    /** Applies changes as they arrive until the job is done and the queue is empty. */
    private static long drain(BlockingQueue<Change> queue, JobClient job, ChangelogApplier applier)
            throws InterruptedException {
        List<Change> batch = new ArrayList<>();
        long changes = 0;
        while (true) {
            boolean done = job.isDone();
            Change first = queue.poll(done ? 0 : 20, TimeUnit.MILLISECONDS);
            if (first == null) {
                if (done) {
                    return changes;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch);
            for (Change c : batch) {
                applier.apply(c.kind(), c.row());
            }
            changes += batch.size();
            batch.clear();
        }
    }

    private static Configuration configuration(NexmarkJobOptions options) {
        Configuration conf = new Configuration(options.configuration());
        conf.set(CoreOptions.STATE_BACKEND, options.stateBackend());
        conf.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        return conf;
    }

    private static Source<Event> source(NexmarkJobOptions options, String jobId) {
        if (options.input() != null) {
            return new JsonLinesSource(options.input(), options.skipBadRecords(), options.rate(), jobId);
        }
        return new GeneratorSource(options.seed(), options.events(), options.rate(), jobId);
    }
}
