package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/** q0 Pass-through: every bid, unchanged (map). Append-only. */
public final class Q0 extends NumberedQuery {

    public Q0() {
        super(0);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .map(b -> Change.insert(Row.of(b.auction(), b.bidder(), b.price(), timestamp(b.dateTime()), b.extra())))
                .name(name());
    }
}
