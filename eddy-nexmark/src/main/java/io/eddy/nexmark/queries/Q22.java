package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

/**
 * q22 URL directories: the first three path segments of each bid's url, 0-based SPLIT_INDEX
 * on '/' (map). Append-only.
 */
public final class Q22 extends NumberedQuery {

    public Q22() {
        super(22);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .map(b -> Change.insert(Row.of(b.auction(), b.bidder(), b.price(), b.channel(), SqlFunctions.splitIndex(b.url(), "/", 3),
                        SqlFunctions.splitIndex(b.url(), "/", 4), SqlFunctions.splitIndex(b.url(), "/", 5))))
                .name(name());
    }
}
