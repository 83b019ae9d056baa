package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;

/**
 * q4 Average price per category, in two keyed steps: (1) per auction group (id, category) the
 * highest qualifying price of the {@link AuctionBidJoin}, sent on as a change of that group's
 * final price; (2) per category the sum and count of its groups' finals, emitting the
 * truncated average as -U/+U updates. Auctions without a qualifying bid form no group.
 */
public final class Q4 extends NumberedQuery {

    public Q4() {
        super(4);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        boolean async = AsyncState.enabled(events);
        DataStream<FinalChanged> finals = AsyncState.keyed(AuctionBidJoin.byAuction(events))
                .process(async ? new AsyncMaxPerAuction() : new MaxPerAuction()).name("q4 max per auction");
        return AsyncState.keyed(finals.keyBy(FinalChanged::category))
                .process(ValueFunctions.of(async, "sumCount", long[].class, Q4::average))
                .name(name());
    }

    /** A group's final price went from {@code before} (null: the group is new) to {@code after}. */
    record FinalChanged(long category, Long before, long after) implements Serializable {
    }

    /** Step 1: the category's max after the pair's bid (null: unchanged), emitting the group's change. */
    private static Long raise(Long max, Auction a, Bid b, Collector<FinalChanged> out) {
        if (max != null && b.price() <= max) {
            return null;
        }
        out.collect(new FinalChanged(a.category(), max, b.price()));
        return b.price();
    }

    /** Step 1: per auction id, the max price of each of its categories (auction rows may repeat an id). */
    private static final class MaxPerAuction extends AuctionBidJoin<FinalChanged> {
        private transient MapState<Long, Long> maxByCategory;

        @Override
        public void open(OpenContext openContext) throws Exception {
            super.open(openContext);
            maxByCategory = getRuntimeContext().getMapState(new MapStateDescriptor<>("max", Long.class, Long.class));
        }

        @Override
        protected void onPair(Auction a, Bid b, Context ctx, Collector<FinalChanged> out) throws Exception {
            Long max = raise(maxByCategory.get(a.category()), a, b, out);
            if (max != null) {
                maxByCategory.put(a.category(), max);
            }
        }
    }

    /** {@link MaxPerAuction} on V2 state. */
    private static final class AsyncMaxPerAuction extends AsyncAuctionBidJoin<FinalChanged> {
        private transient io.eddy.api.state.v2.MapState<Long, Long> maxByCategory;

        @Override
        public void open(OpenContext openContext) throws Exception {
            super.open(openContext);
            maxByCategory = getRuntimeContext().getMapState(
                    new io.eddy.api.state.v2.MapStateDescriptor<>("max", Long.class, Long.class));
        }

        @Override
        protected StateFuture<Void> onPair(Auction a, Bid b, Context ctx, Collector<FinalChanged> out) {
            return maxByCategory.asyncGet(a.category()).thenCompose(old -> {
                Long max = raise(old, a, b, out);
                return max == null ? StateFutureUtils.completedVoidFuture() : maxByCategory.asyncPut(a.category(), max);
            });
        }
    }

    /** Step 2: per category, {sum, count} of the group finals after {@code change}, emitting the average row. */
    private static long[] average(Long category, FinalChanged change, long[] old, Collector<Change> out) {
        long[] now = old == null ? new long[2] : old.clone();
        if (change.before() != null) {
            now[0] -= change.before();
            now[1]--;
        }
        now[0] += change.after();
        now[1]++;
        Changes.update(old == null ? null : row(category, old), row(category, now), out);
        return now;
    }

    private static Row row(long category, long[] sumCount) {
        return Row.of(category, SqlFunctions.avg(sumCount[0], sumCount[1]));
    }
}
