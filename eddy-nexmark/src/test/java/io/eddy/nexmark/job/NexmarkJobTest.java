package io.eddy.nexmark.job;

import io.eddy.api.execution.JobExecutionException;
import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.json.EventJsonWriter;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.NexmarkOracle;
import io.eddy.nexmark.oracle.SideInput;
import io.eddy.nexmark.result.CsvFormat;
import io.eddy.nexmark.result.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job runner: bad input, skipped records, progress, q10 files, q13 side input file. */
class NexmarkJobTest {

    @TempDir
    Path dir;

    private static List<Event> events(int n) {
        List<Event> events = new ArrayList<>();
        new NexmarkGenerator(NexmarkConfig.builder().seed(11).build()).events(0, n).forEachRemaining(events::add);
        return events;
    }

    /** The events as JSON lines, with {@code bad} inserted as line {@code badLine} (1-based). */
    private Path input(List<Event> events, int badLine, String bad) throws IOException {
        Path file = dir.resolve("in.jsonl");
        EventJsonWriter.writeAll(file, events.iterator());
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.add(badLine - 1, bad);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void badLineFailsTheJobNamingFileAndLine() throws IOException {
        Path file = input(events(100), 42, "{\"event_type\":7}");
        assertThatThrownBy(() -> NexmarkJob.run(NexmarkJobOptions.builder("q0").input(file).build(), n -> { }))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining(file + ":42:");
    }

    @Test
    void skipBadRecordsFinishesAndReportsThem() throws Exception {
        List<Event> events = events(100);
        Path file = input(events, 42, "not json");
        NexmarkJobResult result = NexmarkJob.run(NexmarkJobOptions.builder("q0").input(file).skipBadRecords(true)
                .parallelism(2).build(), n -> { });
        assertThat(result.skippedCount()).isEqualTo(1);
        assertThat(result.skippedRecords().get(0)).startsWith(file + ":42:");
        assertThat(result.eventsRead()).isEqualTo(100);
        assertThat(result.table()).isEqualTo(NexmarkOracle.run(0, events));
    }

    @Test
    void skippedCountIsTheEnginesCounterBeyondTheKeptDescriptions() throws Exception {
        List<Event> events = events(300);
        Path file = dir.resolve("many-bad.jsonl");
        EventJsonWriter.writeAll(file, events.iterator());
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(line);
            lines.add("{");
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        NexmarkJobResult result = NexmarkJob.run(NexmarkJobOptions.builder("q2").input(file).skipBadRecords(true)
                .build(), n -> { });
        assertThat(result.skippedCount()).isEqualTo(300);
        assertThat(result.skippedRecords()).isNotEmpty().hasSizeLessThanOrEqualTo(300)
                .allSatisfy(d -> assertThat(d).matches(".*:[0-9]*[02468]: .*"));
        assertThat(result.eventsRead()).isEqualTo(300);
        assertThat(result.table()).isEqualTo(NexmarkOracle.run(2, events));
    }

    @Test
    void progressReportsEventsReadWhileRunningAndAtTheEnd() throws Exception {
        List<Long> reports = new CopyOnWriteArrayList<>();
        NexmarkJobResult result = NexmarkJob.run(NexmarkJobOptions.builder("q1").events(20_000).rate(40_000)
                .parallelism(2).build(), reports::add);
        assertThat(result.eventsRead()).isEqualTo(20_000);
        assertThat(result.wallSeconds()).isGreaterThan(0.4);
        assertThat(reports).hasSizeGreaterThan(1).isSorted();
        assertThat(reports.get(reports.size() - 1)).isEqualTo(20_000L);
        assertThat(reports.get(0)).isLessThan(20_000L);
    }

    @Test
    void q10WritesItsRowsPartitionedByDayAndMinute() throws Exception {
        Path input = Path.of(NexmarkJobTest.class.getResource("/nexmark/q10/input.jsonl").toURI());
        Path out = dir.resolve("q10");
        NexmarkJobResult result = NexmarkJob.run(NexmarkJobOptions.builder("q10").input(input).parallelism(2)
                .q10OutputDir(out).build(), n -> { });
        List<String> expected = new ArrayList<>();
        for (Row row : result.table().rows()) {
            expected.add("dt=" + row.get(5) + "/hm=" + row.get(6) + ": "
                    + CsvFormat.line(Row.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))));
        }
        List<String> written = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                assertThat(f.getFileName().toString()).matches("part-[01]-[0-9a-f]{8}\\.csv");
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    written.add(out.relativize(f.getParent()) + ": " + line);
                }
            }
        }
        assertThat(written).hasSize(8).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(written).anyMatch(w -> w.startsWith("dt=2015-07-16/hm=06:59: "));
    }

    @Test
    void q13ReadsItsSideInputFile() throws Exception {
        Path side = dir.resolve("side.csv");
        Files.writeString(side, "1001,one\n1001,uno\n1002,two\n");
        List<Event> events = events(2_000);
        NexmarkJobResult result = NexmarkJob.run(NexmarkJobOptions.builder("q13").events(2_000).seed(11)
                .sideInput(side).configuration(Map.of("pipeline.auto-watermark-interval", "50ms")).build(),
                n -> { });
        assertThat(result.table()).isEqualTo(NexmarkOracle.run(13, events, SideInput.readCsv(side)));
        assertThat(result.table().rows()).isNotEmpty();
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aFinishedRunResumedGivesItsTableAgainAndAFreshRunForgetsIt() throws Exception {
        List<Event> events = events(5_000);
        NexmarkJobOptions.Builder options = NexmarkJobOptions.builder("q5").events(5_000).seed(11).parallelism(2)
                .changelogDir(dir.resolve("changelog"))
                .configuration("execution.checkpointing.interval", "20ms")
                .configuration("state.checkpoints.dir", dir.resolve("checkpoints").toString());
        var expected = NexmarkOracle.run(5, events);
        assertThat(expected.rows()).isNotEmpty();

        NexmarkJobResult first = NexmarkJob.run(options.build(), n -> { });
        assertThat(first.table()).isEqualTo(expected);
        // The process died after the job's end, before writing its table: a resume runs nothing.
        NexmarkJobResult resumed = NexmarkJob.run(options.configuration("execution.checkpointing.resume", "true")
                .build(), n -> { });
        assertThat(resumed.eventsRead()).isZero();
        assertThat(resumed.table()).isEqualTo(expected);

        // A fresh run that fails: the earlier run's "finished" is forgotten, so it can be resumed.
        Path bad = input(events, 4_000, "{");
        assertThatThrownBy(() -> NexmarkJob.run(options.configuration("execution.checkpointing.resume", "false")
                .configuration("restart-strategy.type", "none").input(bad).rate(20_000).build(), n -> { }))
                .isInstanceOf(JobExecutionException.class);
        var storage = new io.eddy.runtime.checkpoint.CheckpointStorage(new io.eddy.fs.LocalFileSystem(),
                dir.resolve("checkpoints").toString());
        assertThat(storage.isFinished()).isFalse();
        assertThat(ChangelogFiles.fold(dir.resolve("changelog"), first.table().columns()).table())
                .isNotEqualTo(expected);
    }
}
