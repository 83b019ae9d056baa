package io.eddy.nexmark.job;

import java.util.Locale;

/**
 * How one keyed operator used the asynchronous execution model during a Nexmark run, from the
 * controller's {@code numInFlightRecords} gauge and {@code batchSize} histogram (all subtasks and
 * attempts together).
 *
 * @param operator      the operator's name
 * @param inFlightMean  records in flight per subtask, averaged over the samples taken while it ran
 * @param inFlightMax   the largest number of records in flight a subtask had at a sample
 * @param batches       batches of state requests sent to the state executor
 * @param batchMean     mean batch size over the batches the histograms keep (the last 1,000 per subtask)
 * @param batchP50      median batch size, of the subtask that sent most batches
 * @param batchMax      largest batch size kept
 */
public record AsyncStateStats(String operator, double inFlightMean, long inFlightMax, long batches, double batchMean,
                              double batchP50, long batchMax) {

    /** One line of the nexmark report. */
    public String line() {
        return String.format(Locale.ROOT, "async operator=\"%s\" in_flight_mean=%.0f in_flight_max=%d batches=%d "
                + "batch_size_mean=%.1f batch_size_p50=%.0f batch_size_max=%d", operator, inFlightMean, inFlightMax,
                batches, batchMean, batchP50, batchMax);
    }
}
