package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;

import java.util.List;

/** q15 Bidding statistics per day: {@link BandStats} keyed by DATE_FORMAT(dateTime, 'yyyy-MM-dd'). Updating. */
public final class Q15 extends NumberedQuery {

    public Q15() {
        super(15);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(b -> SqlFunctions.day(b.dateTime()))
                .process(new BandStats<String>(List::of, false))
                .name(name());
    }
}
