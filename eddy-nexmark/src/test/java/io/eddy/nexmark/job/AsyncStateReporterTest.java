package io.eddy.nexmark.job;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.NexmarkOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Nexmark run in the asynchronous model reports, per keyed operator, the controller's batches
 * (counted over every subtask) and records in flight (within the limit); a synchronous run
 * reports none. The async run's table is still the oracle's.
 */
@Timeout(120)
class AsyncStateReporterTest {

    private static final long SEED = 4;
    private static final int EVENTS = 20_000;

    @TempDir
    Path dir;

    private NexmarkJobResult run(boolean async) throws Exception {
        return NexmarkJob.run(NexmarkJobOptions.builder("q18").seed(SEED).events(EVENTS).parallelism(2)
                .stateBackend("rocksdb").configuration("state.backend.rocksdb.localdir", dir.toString())
                .configuration("execution.async-state.enabled", String.valueOf(async)).build(), read -> { });
    }

    @Test
    void asyncRunReportsBatchesAndRecordsInFlightPerOperator() throws Exception {
        NexmarkJobResult result = run(true);

        List<Event> events = new ArrayList<>();
        new NexmarkGenerator(NexmarkConfig.builder().seed(SEED).build()).events(0, EVENTS).forEachRemaining(events::add);
        assertThat(result.table()).isEqualTo(NexmarkOracle.run(18, events));
        assertThat(result.asyncStats()).extracting(AsyncStateStats::operator).containsExactly("q18");
        AsyncStateStats q18 = result.asyncStats().get(0);
        // q18 reads one value per bid: its operator sent batches of state requests
        assertThat(q18.batches()).isPositive();
        assertThat(q18.batchMean()).isBetween(1.0, (double) q18.batchMax());
        assertThat(q18.batchP50()).isBetween(1.0, (double) q18.batchMax());
        assertThat(q18.inFlightMax()).isBetween(0L, 6_000L);
        assertThat(q18.line()).startsWith("async operator=\"q18\" in_flight_mean=").contains(" batches=" + q18.batches());
    }

    @Test
    void syncRunReportsNothing() throws Exception {
        assertThat(run(false).asyncStats()).isEmpty();
    }
}
