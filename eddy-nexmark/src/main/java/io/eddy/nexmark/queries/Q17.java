package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;

/**
 * q17 Auction statistics per (auction, day): bid counts per price band and MIN / MAX / AVG
 * (truncated) / SUM of the price, in keyed value state. Updating: +I, then -U/+U.
 */
public final class Q17 extends NumberedQuery {

    public Q17() {
        super(17);
    }

    /** The group key. */
    record AuctionDay(long auction, String day) implements Serializable {
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return AsyncState.keyed(EventStreams.bids(events)
                        .keyBy(b -> new AuctionDay(b.auction(), SqlFunctions.day(b.dateTime()))))
                .process(ValueFunctions.of(AsyncState.enabled(events), "stats", long[].class, Q17::count))
                .name(name());
    }

    /** The group's stats {total, rank1, rank2, rank3, min, max, sum} after {@code b}, emitting the row's change. */
    private static long[] count(AuctionDay key, Bid b, long[] old, Collector<Change> out) {
        long[] now = old == null ? new long[] {0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0} : old.clone();
        now[0]++;
        now[BandStats.band(b.price())]++;
        now[4] = Math.min(now[4], b.price());
        now[5] = Math.max(now[5], b.price());
        now[6] += b.price();
        Changes.update(old == null ? null : row(key, old), row(key, now), out);
        return now;
    }

    private static Row row(AuctionDay key, long[] s) {
        return Row.of(key.auction(), key.day(), s[0], s[1], s[2], s[3], s[4], s[5], SqlFunctions.avg(s[6], s[0]),
                s[6]);
    }
}
