package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.windowing.TumblingProcessingTimeWindows;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;

import java.time.Duration;

/**
 * q12 Processing-time windows: bids per bidder in 10 s tumbling windows of the wall clock of
 * the subtask that counts them. Results depend on timing; check them with
 * {@link io.eddy.nexmark.oracle.Q12Invariants}. Windows still open when a bounded input ends
 * fire then ({@link ProcessingTimeOrEndTrigger}), so every bid is counted. Append-only.
 */
public final class Q12 extends NumberedQuery {

    public Q12() {
        super(12);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(Bid::bidder)
                .window(TumblingProcessingTimeWindows.of(Duration.ofSeconds(10)))
                .trigger(new ProcessingTimeOrEndTrigger())
                .aggregate(new CountAggregate<>(), new WindowCountRow())
                .name(name());
    }
}
