package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

/** q2 Selection: bids on every 123rd auction id, MOD(auction, 123) = 0 (filter + map). Append-only. */
public final class Q2 extends NumberedQuery {

    public Q2() {
        super(2);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .filter(b -> b.auction() % 123 == 0)
                .map(b -> Change.insert(Row.of(b.auction(), b.price())))
                .name(name());
    }
}
