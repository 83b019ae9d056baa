package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
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
        return AuctionBidJoin.byAuction(events)
                .process(new MaxPerAuction()).name("q4 max per auction")
                .keyBy(FinalChanged::category)
                .process(new AveragePerCategory()).name(name());
    }

    /** A group's final price went from {@code before} (null: the group is new) to {@code after}. */
    record FinalChanged(long category, Long before, long after) implements Serializable {
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
            Long max = maxByCategory.get(a.category());
            if (max == null || b.price() > max) {
                maxByCategory.put(a.category(), b.price());
                out.collect(new FinalChanged(a.category(), max, b.price()));
            }
        }
    }

    /** Step 2: per category, {sum, count} of the group finals and the average row. */
    private static final class AveragePerCategory extends KeyedProcessFunction<Long, FinalChanged, Change> {
        private transient ValueState<long[]> sumCount;

        @Override
        public void open(OpenContext openContext) {
            sumCount = getRuntimeContext().getState(new ValueStateDescriptor<>("sumCount", long[].class));
        }

        @Override
        public void processElement(FinalChanged change, Context ctx, Collector<Change> out) throws Exception {
            long[] acc = sumCount.value();
            Row before = acc == null ? null : row(change.category(), acc);
            long[] now = acc == null ? new long[2] : acc.clone();
            if (change.before() != null) {
                now[0] -= change.before();
                now[1]--;
            }
            now[0] += change.after();
            now[1]++;
            sumCount.update(now);
            Changes.update(before, row(change.category(), now), out);
        }

        private static Row row(long category, long[] sumCount) {
            return Row.of(category, SqlFunctions.avg(sumCount[0], sumCount[1]));
        }
    }
}
