package io.eddy.nexmark.job;

import io.eddy.api.connector.Source;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.CheckpointListener;
import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.NexmarkOracle;
import io.eddy.nexmark.queries.NexmarkQuery;
import io.eddy.nexmark.queries.Queries;
import io.eddy.nexmark.queries.QueryContext;
import io.eddy.nexmark.result.CsvFormat;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.result.Row;
import io.eddy.nexmark.json.EventJsonWriter;
import io.eddy.nexmark.source.GeneratorSource;
import io.eddy.nexmark.source.JsonLinesSource;
import io.eddy.nexmark.source.NexmarkWatermarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With checkpoints, ten failures spread over the input and a restart from the latest
 * checkpoint after each (the generator resumes from its index ranges, the file source at its line, keyed
 * state and timers from the snapshot), the committed changelog still gives the oracle's table: nothing lost, nothing
 * applied twice.
 */
class ExactlyOnceRecoveryTest {

    private static final long SEED = 5;
    private static final int EVENTS = 20_000;
    private static final List<Event> GENERATED = generate();
    /** Failures still to inject; shared by every copy of the map across restarts. */
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final int FAILURES = 10;
    /** At most one failure per attempt (the map runs in several subtasks), so each is one restart. */
    private static final java.util.concurrent.atomic.AtomicBoolean FAILED_IN_ATTEMPT =
            new java.util.concurrent.atomic.AtomicBoolean();

    @TempDir
    Path dir;

    private static List<Event> generate() {
        List<Event> events = new ArrayList<>();
        new NexmarkGenerator(NexmarkConfig.builder().seed(SEED).build()).events(0, EVENTS).forEachRemaining(events::add);
        return events;
    }

    /**
     * Fails at the first event after this attempt's first completed checkpoint while failures are
     * left (so every restart restores one however slow checkpoints are, keyed state and timers
     * hold data by then, and the job makes progress between failures).
     */
    static final class FailAfterCheckpoint extends RichMapFunction<Event, Event> implements CheckpointListener {
        private boolean checkpointed;

        @Override
        public void open(io.eddy.api.functions.OpenContext context) {
            FAILED_IN_ATTEMPT.set(false);
        }

        @Override
        public Event map(Event e) {
            if (checkpointed && FAILURES_LEFT.get() > 0 && FAILED_IN_ATTEMPT.compareAndSet(false, true)) {
                FAILURES_LEFT.decrementAndGet();
                throw new IllegalStateException("injected failure");
            }
            return e;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    @ParameterizedTest(name = "q{0}")
    @ValueSource(ints = {4, 5, 6, 9, 11, 15, 16, 19, 20})
    void failureAndRestartGiveTheOraclesTable(int q) throws Exception {
        runWithFailures(q, new GeneratorSource(SEED, EVENTS, 20_000, null), QueryContext.defaults());
    }

    /** The same in the asynchronous execution model, each query on another backend (checkpoints with requests in flight). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hashmap:20", "rocksdb:11", "disaggregated:19", "rocksdb:8"})
    @org.junit.jupiter.api.Timeout(120)
    void failureAndRestartGiveTheOraclesTableWithAsyncState(String backendAndQuery) throws Exception {
        String[] parts = backendAndQuery.split(":");
        runWithFailures(Integer.parseInt(parts[1]), new GeneratorSource(SEED, EVENTS, 20_000, null), QueryContext.defaults(),
                Map.of("execution.async-state.enabled", "true", "state.backend.type", parts[0],
                        "state.checkpoints.dir", dir.resolve("checkpoints").toString(),
                        "state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString()));
    }

    @Test
    void q10FilesHoldEveryBidOnce() throws Exception {
        Path out = dir.resolve("q10");
        runWithFailures(10, new GeneratorSource(SEED, EVENTS, 20_000, null), QueryContext.of(null, out));
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        List<String> expected = new ArrayList<>();
        for (Row row : NexmarkOracle.run(10, GENERATED).rows()) {
            expected.add(CsvFormat.line(Row.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))));
        }
        assertThat(lines).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void fileSourceResumesAtItsLine() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventJsonWriter.writeAll(file, GENERATED.iterator());
        runWithFailures(18, new JsonLinesSource(file, false, 20_000, null), QueryContext.defaults());
    }

    private void runWithFailures(int q, Source<Event> source, QueryContext context) throws Exception {
        runWithFailures(q, source, context, Map.of());
    }

    private void runWithFailures(int q, Source<Event> source, QueryContext context, Map<String, String> settings)
            throws Exception {
        FAILURES_LEFT.set(FAILURES);
        NexmarkQuery query = Queries.byName("q" + q);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.getConfiguration()
                .set("execution.checkpointing.interval", "20ms")
                .set("restart-strategy.type", "fixed-delay")
                .set("restart-strategy.fixed-delay.delay", "10ms");
        settings.forEach(env.getConfiguration()::set);
        DataStream<Event> read = env.fromSource(source, NexmarkWatermarks.strategy(), "nexmark source");
        DataStream<Event> events = read.map(new FailAfterCheckpoint()).setParallelism(read.getParallelism()).name("failure");
        Path changelog = dir.resolve("changelog-q" + q);
        ChangelogFiles.prepare(changelog, false, false);
        query.build(events, context).sinkTo(ChangelogFiles.sink(changelog));
        JobExecutionResult result = env.execute("recovery q" + q);
        assertThat(result.counter("numRestarts")).isEqualTo(FAILURES);
        assertThat(result.counter("numRestoresFromCheckpoint")).isPositive();
        ResultTable expected = NexmarkOracle.run(q, GENERATED);
        assertThat(expected.rows()).as("the oracle's table").isNotEmpty();
        assertThat(ChangelogFiles.fold(changelog, query.columns()).table().csvText()).isEqualTo(expected.csvText());
    }

    @Test
    void checkpointedNexmarkJobCommitsTheWholeTable() throws Exception {
        NexmarkJobResult result = NexmarkJob.run(NexmarkJobOptions.builder("q19").seed(SEED).events(EVENTS)
                .parallelism(2).rate(100_000).configuration("execution.checkpointing.interval", "20ms").build(),
                n -> { });
        assertThat(result.table()).isEqualTo(NexmarkOracle.run(19, GENERATED));
        assertThat(result.changes()).isGreaterThan(result.table().rows().size());
    }
}
