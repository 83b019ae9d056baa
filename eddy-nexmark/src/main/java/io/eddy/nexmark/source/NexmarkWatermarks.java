package io.eddy.nexmark.source;

import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkOutput;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.nexmark.model.Event;

/**
 * The Nexmark watermark (the DDL's {@code WATERMARK FOR dateTime AS dateTime - INTERVAL '4'
 * SECOND}) as the oracle defines it: highest event time seen minus 4 s, advanced after every
 * event; but emitted lazily, so that records still travel downstream in batches.
 *
 * <p>Contract: the runtime calls {@link #beforeEvent} before it emits the record and
 * {@link #onEvent} after. This generator keeps the pending watermark W = max - 4000 (the
 * oracle's watermark when the record arrives) and emits it in {@code beforeEvent} only when the
 * record's timestamp t satisfies t &lt;= W + 1; otherwise only periodically. Not thread-safe (one per source subtask, on its task thread).
 *
 * <p>Why this is exactly equivalent to emitting W after every event. The downstream operators
 * of the Nexmark queries use the watermark in two ways only:
 * <ul>
 *   <li>as a lateness test of an arriving record against state: a window operator drops the
 *       record from a window when window.maxTimestamp() &lt;= watermark. A record's own
 *       windows contain t, so their maxTimestamp is &gt;= t; a session window may merge with
 *       a window it merely touches (end == t), whose maxTimestamp is t - 1. So when t &gt;= W + 2
 *       every window the record touches has maxTimestamp &gt; W: the decision is the same under
 *       W and under any older (smaller) watermark;</li>
 *   <li>as a timer firing (a window firing, q6 closing an auction at expires + 1): a firing
 *       depends only on the records absorbed before it. A timer at T &lt;= W retires state
 *       that only records with t &lt;= T - 1 &lt;= W - 1 could enter (windows with
 *       maxTimestamp &lt; T, auctions whose qualifying bids have t &lt;= expires = T - 1); a
 *       record with t &gt;= W + 2 is not one of them, so letting it pass before the delayed
 *       firing does not change what the firing emits.</li>
 * </ul>
 * And when t &lt;= W + 1 the watermark is emitted before the record, so the record meets
 * exactly the oracle's watermark. Since the emitted watermark never exceeds W, no record is
 * ever treated as later than in the oracle. The end of input emits +infinity, as in the
 * oracle. Generated streams are in event-time order, so there this emits only periodically.
 */
public final class NexmarkWatermarks implements WatermarkGenerator<Event> {

    /** The out-of-orderness bound of the Nexmark DDL. */
    public static final long OUT_OF_ORDERNESS_MILLIS = 4000;

    /** max - 4000, or Long.MIN_VALUE before the first event. */
    private long pending = Long.MIN_VALUE;

    /** The strategy every Nexmark source uses: event time = dateTime, this generator. */
    public static WatermarkStrategy<Event> strategy() {
        WatermarkStrategy<Event> lazy = context -> new NexmarkWatermarks();
        return lazy.withTimestampAssigner((event, recordTimestamp) -> event.dateTime());
    }

    @Override
    public void beforeEvent(Event event, long eventTimestamp, WatermarkOutput output) {
        if (pending != Long.MIN_VALUE && eventTimestamp <= pending + 1) {
            output.emitWatermark(new Watermark(pending));
        }
    }

    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
        long candidate = eventTimestamp - OUT_OF_ORDERNESS_MILLIS;
        if (candidate > pending) {
            pending = candidate;
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (pending != Long.MIN_VALUE) {
            output.emitWatermark(new Watermark(pending));
        }
    }
}
