package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q18 Find last bid: deduplication keeping, per (bidder, auction), the bid with the latest
 * dateTime; a bid replaces the kept one when kept.dateTime &lt;= its dateTime, so among equal
 * times the later arrival wins, as Flink's keep-last-row. Late bids are not dropped. Updating.
 */
public final class Q18 extends NumberedQuery {

    public Q18() {
        super(18);
    }

    /** The partition key. */
    record BidderAuction(long bidder, long auction) implements Serializable {
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return AsyncState.keyed(EventStreams.bids(events).keyBy(b -> new BidderAuction(b.bidder(), b.auction())))
                .process(ValueFunctions.of(AsyncState.enabled(events), "kept", Bid.class, Q18::keepLast))
                .name(name());
    }

    /** The kept bid after {@code b} arrived (null: it stays {@code old}), emitting the row's change. */
    private static Bid keepLast(BidderAuction key, Bid b, Bid old, Collector<Change> out) {
        if (old != null && old.dateTime() > b.dateTime()) {
            return null;
        }
        Changes.update(old == null ? null : row(old), row(b), out);
        return b;
    }

    private static Row row(Bid b) {
        return Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), timestamp(b.dateTime()), b.extra());
    }
}
