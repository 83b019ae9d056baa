package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Event;

import java.util.List;

/**
 * The watermark each event meets on arrival, and Flink's rule for dropping late records from
 * event-time windows; the one place the oracle models time.
 *
 * <p>Model: the watermark is the highest event time seen so far (over all three event kinds:
 * they come from one table with one WATERMARK clause) minus 4 s, and it advances right after
 * every event. Before the first event it is {@link Long#MIN_VALUE}; after the last it is
 * +infinity, so every window fires.
 *
 * <p>Advancing after every event is the strictest emission: an engine that emits watermarks
 * less often can only drop fewer records, namely records at or behind the watermark (out of
 * order by 4 s or more). Generated streams have none (event time never decreases), so for them
 * the result does not depend on watermark emission; the golden inputs contain such records on
 * purpose, and an engine reproduces them only with a watermark after every record.
 */
final class EventTime {

    static final long OUT_OF_ORDERNESS_MILLIS = 4000;

    private EventTime() {
    }

    /** watermark[i] = the watermark when event i arrives. */
    static long[] watermarksAtArrival(List<? extends Event> events) {
        long[] watermarks = new long[events.size()];
        long maxSeen = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            watermarks[i] = maxSeen == Long.MIN_VALUE ? Long.MIN_VALUE : maxSeen - OUT_OF_ORDERNESS_MILLIS;
            maxSeen = Math.max(maxSeen, events.get(i).dateTime());
        }
        return watermarks;
    }

    /**
     * Whether a window [start, end) has already fired when the watermark is {@code watermark}:
     * Flink fires it at its max timestamp, i.e. once watermark >= end - 1; a record arriving
     * afterwards is not counted in it (flink-table-runtime: WindowOperator#isWindowLate for
     * group windows, TimeWindowUtil#isWindowFired for the TUMBLE/HOP slicing operators).
     */
    static boolean fired(long windowEnd, long watermark) {
        return windowEnd - 1 <= watermark;
    }

    /** Start of the window of size {@code size} (aligned to the epoch) that holds t. */
    static long windowStart(long t, long size) {
        return Math.floorDiv(t, size) * size;
    }
}
