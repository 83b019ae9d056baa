package io.eddy.nexmark.job;

import io.eddy.nexmark.result.ResultTable;

import java.util.List;

/**
 * What a finished Nexmark run gives back.
 *
 * @param table          the final result table (the changelog applied), ready for {@code writeCsv}
 * @param eventsRead     events the sources read (bad lines skipped not included)
 * @param wallSeconds    wall time from job start to the last result applied
 * @param changes        changelog records the query emitted
 * @param skippedRecords {@code file:line: reason} of every skipped bad line
 */
public record NexmarkJobResult(ResultTable table, long eventsRead, double wallSeconds, long changes,
                               List<String> skippedRecords) {

    public NexmarkJobResult {
        skippedRecords = List.copyOf(skippedRecords);
    }

    /** Number of skipped bad lines. */
    public long skippedCount() {
        return skippedRecords.size();
    }

    /** Events read per wall second. */
    public double eventsPerSecond() {
        return wallSeconds > 0 ? eventsRead / wallSeconds : 0;
    }
}
