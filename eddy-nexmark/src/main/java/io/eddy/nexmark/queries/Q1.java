package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/** q1 Currency conversion: every bid with its price in euros, DECIMAL scale 3 (map). Append-only. */
public final class Q1 extends NumberedQuery {

    public Q1() {
        super(1);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .map(b -> Change.insert(Row.of(b.auction(), b.bidder(), SqlFunctions.euros(b.price()), timestamp(b.dateTime()), b.extra())))
                .name(name());
    }
}
