package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
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
        return EventStreams.bids(events)
                .keyBy(b -> new AuctionDay(b.auction(), SqlFunctions.day(b.dateTime())))
                .process(new AuctionDayStats())
                .name(name());
    }

    /** State: {total, rank1, rank2, rank3, min, max, sum}. */
    private static final class AuctionDayStats extends KeyedProcessFunction<AuctionDay, Bid, Change> {
        private transient ValueState<long[]> stats;

        @Override
        public void open(OpenContext openContext) {
            stats = getRuntimeContext().getState(new ValueStateDescriptor<>("stats", long[].class));
        }

        @Override
        public void processElement(Bid b, Context ctx, Collector<Change> out) throws Exception {
            long[] old = stats.value();
            long[] now = old == null ? new long[] {0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0} : old.clone();
            now[0]++;
            now[BandStats.band(b.price())]++;
            now[4] = Math.min(now[4], b.price());
            now[5] = Math.max(now[5], b.price());
            now[6] += b.price();
            stats.update(now);
            AuctionDay key = ctx.getCurrentKey();
            Changes.update(old == null ? null : row(key, old), row(key, now), out);
        }

        private static Row row(AuctionDay key, long[] s) {
            return Row.of(key.auction(), key.day(), s[0], s[1], s[2], s[3], s[4], s[5], SqlFunctions.avg(s[6], s[0]),
                    s[6]);
        }
    }
}
