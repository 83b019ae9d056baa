package io.eddy.nexmark.job;

import io.eddy.api.time.WatermarkStrategy;
import io.eddy.nexmark.sql.NexmarkSql;
import io.eddy.api.config.AsyncStateOptions;
import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.config.CoreOptions;
import io.eddy.api.config.PipelineOptions;
import io.eddy.api.config.StateRecoveryOptions;
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
import io.eddy.runtime.checkpoint.CheckpointStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Runs one Nexmark query end to end in this process, as {@code eddy nexmark} does: source
 * (generator or JSON-lines file, with the Nexmark watermarks) -&gt; the query's DataStream
 * job -&gt; its changelog -&gt; the final {@link ResultTable}. Without checkpoints the changelog
 * is collected here and applied as it arrives ({@link ChangelogApplier}). With checkpoints
 * ({@code execution.checkpointing.interval}) or a resume, it goes through the exactly-once file
 * sink into {@link NexmarkJobOptions#changelogDir()} ({@link ChangelogFiles}) and the table is
 * rebuilt from every committed part at the end, so it is exact across restarts, and across the
 * death of the process followed by a resume ({@code execution.checkpointing.resume}) at any
 * parallelism. A fresh (not resumed) checkpointed run first forgets the checkpoints and the
 * changelog an earlier run left in the same folders.
 *
 * <p>Usage:
 * <pre>{@code
 * NexmarkJobResult r = NexmarkJob.run(NexmarkJobOptions.builder("q5").events(10_000_000).parallelism(4).build(),
 *         read -> System.err.printf("%d events%n", read));
 * r.table().writeCsv(Path.of("q5.csv"));
 * }</pre>
 * Thread-safe: each call runs its own job (calls sharing folders must not overlap).
 */
public final class NexmarkJob {

    /** How often {@code progress} hears the number of events read. */
    public static final long PROGRESS_INTERVAL_MILLIS = 200;

    /** How often the async execution controllers' records in flight are sampled. */
    private static final String ASYNC_SAMPLE_INTERVAL = "100ms";

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
        AsyncStateReporter.register(jobId);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nexmark progress " + options.query());
            t.setDaemon(true);
            return t;
        });
        try {
            Configuration conf = configuration(options, jobId);
            boolean durable = options.collectResults() && (!conf.get(CheckpointingOptions.INTERVAL).isZero()
                    || conf.get(CheckpointingOptions.RESUME) || fromSavepoint(conf));
            Path changelog = durable ? changelogDir(options, conf) : null;
            try {
                Optional<NexmarkJobResult> finished = prepareFolders(conf, changelog, query);
                if (finished.isPresent()) {
                    progress.accept(0);
                    return finished.get();
                }
                StreamEnvironment env = StreamEnvironment.create(conf);
                env.setParallelism(options.parallelism());
                // SQL: the watermarks come from the table's WATERMARK clause, as in Flink
                DataStream<Event> events = env.fromSource(source(options, jobId),
                        options.sql() ? WatermarkStrategy.noWatermarks() : NexmarkWatermarks.strategy(), "nexmark source");
                QueryContext context = QueryContext.of(options.sideInput(), options.q10OutputDir());
                DataStream<Change> changes = options.sql()
                        ? NexmarkSql.changes(query.name(), events, conf, !options.collectResults(), context)
                        : query.build(events, context);
                long start = System.nanoTime();
                reporter.scheduleAtFixedRate(() -> progress.accept(read.get()), PROGRESS_INTERVAL_MILLIS,
                        PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                Outcome outcome = !options.collectResults() ? discarded(env, query, changes)
                        : durable ? committed(env, query, changes, changelog) : streamed(env, query, changes);
                double seconds = (System.nanoTime() - start) / 1e9;
                reporter.shutdownNow();
                reporter.awaitTermination(1, TimeUnit.SECONDS); // the final report comes last
                progress.accept(read.get());
                return new NexmarkJobResult(outcome.table(), read.get(), seconds, outcome.changes(),
                        outcome.job().counter("numSkippedRecords"), outcome.job().skippedRecords(),
                        outcome.job().counter("numRestarts"), AsyncStateReporter.release(jobId));
            } finally {
                if (changelog != null && options.changelogDir() == null) {
                    deleteTree(changelog);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("nexmark " + options.query() + ": " + e.getMessage(), e);
        } finally {
            reporter.shutdownNow();
            ReadProgress.release(jobId);
            AsyncStateReporter.release(jobId);
        }
    }

    /**
     * Readies the checkpoint and changelog folders. A fresh run forgets what an earlier run left
     * there; a resume keeps it, and if the run it resumes had already finished (the process died
     * after the job's end, before its table was written) there is nothing to run: the result is
     * the committed changelog's table. A start from a savepoint ({@code
     * execution.state-recovery.path}) forgets the checkpoints but keeps the changelog: the table
     * continues that of the run stopped with the savepoint ({@code eddy stop JOB --savepoint}).
     */
    private static Optional<NexmarkJobResult> prepareFolders(Configuration conf, Path changelog, NexmarkQuery query)
            throws IOException {
        boolean resume = conf.get(CheckpointingOptions.RESUME);
        boolean checkpointsExist = false;
        if (!conf.get(CheckpointingOptions.DIRECTORY).isEmpty()) {
            CheckpointStorage storage = CheckpointStorage.fromConfiguration(conf);
            if (!resume) {
                storage.discardAll();
            } else if (changelog != null && storage.isFinished()) {
                ChangelogFiles.prepare(changelog, true, true);
                ChangelogFiles.Folded folded = ChangelogFiles.fold(changelog, query.columns());
                return Optional.of(new NexmarkJobResult(folded.table(), 0, 0, folded.changes(), 0, List.of(), 0,
                        List.of()));
            } else {
                checkpointsExist = !storage.completedIds().isEmpty();
            }
        }
        if (changelog != null) {
            // a start from a savepoint continues the table of the run that stopped with it
            ChangelogFiles.prepare(changelog, resume || fromSavepoint(conf), checkpointsExist || fromSavepoint(conf));
        }
        return Optional.empty();
    }

    private static boolean fromSavepoint(Configuration conf) {
        return !conf.get(StateRecoveryOptions.PATH).isEmpty();
    }

    private static Path changelogDir(NexmarkJobOptions options, Configuration conf) throws IOException {
        if (options.changelogDir() != null) {
            return options.changelogDir();
        }
        if (conf.get(CheckpointingOptions.RESUME)) {
            throw new IllegalArgumentException("a resumed run needs the changelog folder of the run it resumes"
                    + " (NexmarkJobOptions.changelogDir)");
        }
        return Files.createTempDirectory("eddy-nexmark-changelog");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
     * With checkpoints: a restart replays input, so the changelog goes through the exactly-once
     * file sink, and the table is rebuilt from every part committed (by this process and the
     * ones it resumes).
     */
    private static Outcome committed(StreamEnvironment env, NexmarkQuery query, DataStream<Change> changes,
                                     Path changelog) throws JobExecutionException, InterruptedException, IOException {
        changes.sinkTo(ChangelogFiles.sink(changelog)).name("commit " + query.name());
        JobExecutionResult result = env.executeAsync("nexmark " + query.name()).await();
        ChangelogFiles.Folded folded = ChangelogFiles.fold(changelog, query.columns());
        return new Outcome(folded.table(), folded.changes(), result);
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

    /** The job's configuration; in the asynchronous model with the reporter of the controllers' occupancy. */
    private static Configuration configuration(NexmarkJobOptions options, String jobId) {
        Configuration conf = new Configuration(options.configuration());
        conf.set(CoreOptions.STATE_BACKEND, options.stateBackend());
        conf.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        if (conf.get(AsyncStateOptions.ENABLED)) {
            String prefix = "metrics.reporter.nexmark-async-state.";
            conf.set(prefix + "class", AsyncStateReporter.class.getName());
            conf.set(prefix + "interval", ASYNC_SAMPLE_INTERVAL);
            conf.set(prefix + "job", jobId);
        }
        if (!conf.contains(PipelineOptions.OBJECT_REUSE)) {
            conf.set(PipelineOptions.OBJECT_REUSE, true); // Nexmark's reference settings, as benchmarks/flink runs Flink
        }
        return conf;
    }

    private static Source<Event> source(NexmarkJobOptions options, String jobId) {
        if (options.input() != null) {
            return new JsonLinesSource(options.input(), options.skipBadRecords(), options.rate(), jobId);
        }
        return new GeneratorSource(options.seed(), options.events(), options.rate(), jobId);
    }
}
