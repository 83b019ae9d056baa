package io.eddy.nexmark.source;

import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkOutput;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.queries.Change;
import io.eddy.nexmark.queries.NexmarkQuery;
import io.eddy.nexmark.queries.Queries;
import io.eddy.nexmark.queries.QueryContext;
import io.eddy.nexmark.result.ChangelogApplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden inputs of the event-time queries hold late and boundary records whose fate
 * depends on the watermark each record meets: with {@link NexmarkWatermarks} the engine gives
 * the expected tables (QueryGoldenTest), and with the same watermark emitted only periodically
 * it does not. So the golden tests do check the eager emission before late records.
 */
class LazyWatermarksGoldenTest {

    /** max - 4 s, emitted only when the runtime asks periodically (here: at the end of the tiny input). */
    private static final class PeriodicOnly implements WatermarkGenerator<Event> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (max != Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(max - NexmarkWatermarks.OUT_OF_ORDERNESS_MILLIS));
            }
        }
    }

    private static String run(String name, Path input, WatermarkStrategy<Event> strategy) throws Exception {
        NexmarkQuery query = Queries.byName(name);
        StreamEnvironment env = StreamEnvironment.create();
        env.setParallelism(1);
        var events = env.fromSource(new JsonLinesSource(input, false, 0, null), strategy, "golden");
        ChangelogApplier applier = new ChangelogApplier(query.columns());
        try (CloseableIterator<Change> changes = query.build(events, QueryContext.defaults()).executeAndCollect()) {
            changes.forEachRemaining(c -> applier.apply(c.kind(), c.row()));
        }
        return applier.table().csvText();
    }

    @ParameterizedTest(name = "q{0}")
    @ValueSource(ints = {5, 7, 8, 11})
    void periodicWatermarksAloneMissTheLateRecords(int q) throws Exception {
        Path dir = Path.of(LazyWatermarksGoldenTest.class.getResource("/nexmark/q" + q).toURI());
        String expected = Files.readString(dir.resolve("expected.csv"), StandardCharsets.UTF_8);
        WatermarkStrategy<Event> periodic = context -> new PeriodicOnly();
        Path input = dir.resolve("input.jsonl");
        assertThat(run("q" + q, input, NexmarkWatermarks.strategy())).isEqualTo(expected);
        assertThat(run("q" + q, input, periodic.withTimestampAssigner((e, ts) -> e.dateTime())))
                .isNotEqualTo(expected);
    }
}
