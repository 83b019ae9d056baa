package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;

import java.time.Duration;

/**
 * q11 User sessions: bids per bidder in event-time session windows with a 10 s gap, counted
 * incrementally. The window operator merges windows that overlap or touch and drops a bid
 * whose merged window has already fired, which is the oracle's model; the session ends at the
 * last bid + gap (the window end). Append-only.
 */
public final class Q11 extends NumberedQuery {

    public Q11() {
        super(11);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(Bid::bidder)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(10)))
                .aggregate(new CountAggregate<>(), new WindowCountRow())
                .name(name());
    }
}
