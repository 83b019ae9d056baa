package io.eddy.nexmark.job;

import io.eddy.nexmark.result.ResultTable;

import java.util.List;

/**
 * What a finished Nexmark run gives back.
 *
 * @param table          the final result table (the changelog applied), ready for {@code writeCsv};
 *                       when rebuilt from committed files (checkpointed runs) its values are
 *                       their CSV text
 * @param eventsRead     events the sources read (bad lines not included; events replayed after a
 *                       restart counted again)
 * @param wallSeconds    wall time from job start to the last result applied
 * @param changes        changelog records the query emitted (with checkpoints: committed, over
 *                       every process of a resumed run)
 * @param skippedCount   bad lines skipped (the engine's {@code numSkippedRecords} counter)
 * @param skippedRecords {@code file:line: reason} of the skipped lines; the engine keeps only the
 *                       first ones, so this may be shorter than {@code skippedCount}
 * @param restarts       times the job restarted after a failure in this process (the engine's
 *                       {@code numRestarts} counter)
 * @param asyncStats     per keyed operator in the asynchronous model ({@code execution.async-state.enabled}):
 *                       records in flight and batch sizes; empty otherwise
 */
public record NexmarkJobResult(ResultTable table, long eventsRead, double wallSeconds, long changes,
                               long skippedCount, List<String> skippedRecords, long restarts,
                               List<AsyncStateStats> asyncStats) {

    public NexmarkJobResult {
        skippedRecords = List.copyOf(skippedRecords);
        asyncStats = List.copyOf(asyncStats);
    }

    /** Events read per wall second. */
    public double eventsPerSecond() {
        return wallSeconds > 0 ? eventsRead / wallSeconds : 0;
    }
}
