package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;

import java.util.List;

/** q15 Bidding statistics per day: {@link BandStats} keyed by the day of dateTime. Updating. */
public final class Q15 extends NumberedQuery {

    public Q15() {
        super(15);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(b -> BandStats.epochDay(b.dateTime()))
                .process(new BandStats<Long>(day -> List.of(BandStats.dayText(day)), false))
                .name(name());
    }
}
