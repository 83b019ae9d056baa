package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;
import java.time.Duration;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q7 Highest bid: (1) the maximum price per 10 s tumbling window, keyed by the window's end so
 * that windows spread over subtasks (late bids are dropped there, as in the oracle); (2) a
 * regular join, keyed by window end, of those maxima with ALL bids (late ones too) on
 * price = max and end - 10 s &lt;= dateTime &lt;= end. A bid at exactly a window boundary
 * belongs to two window ends of the join (the upper bound is inclusive). Append-only.
 */
public final class Q7 extends NumberedQuery {

    private static final long SIZE = 10_000;

    public Q7() {
        super(7);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        DataStream<Bid> bids = EventStreams.bids(events);
        DataStream<WindowMax> maxima = AsyncState.keyed(bids.keyBy(b -> windowStart(b.dateTime()) + SIZE))
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .aggregate(new MaxPrice(), new WindowMax.Emit()).name("q7 max per window");
        DataStream<EndedBid> candidates = bids.<EndedBid>flatMap((b, out) -> {
            long end = windowStart(b.dateTime()) + SIZE;
            out.collect(new EndedBid(end, b));
            if (Math.floorMod(b.dateTime(), SIZE) == 0) {
                out.collect(new EndedBid(b.dateTime(), b));
            }
        }).name("q7 bids by window end");
        return maxima.connect(candidates)
                .keyBy(WindowMax::windowEnd, EndedBid::windowEnd)
                .process(AsyncState.enabled(events) ? new AsyncMaxBidJoin() : new MaxBidJoin()).name(name());
    }

    private static long windowStart(long t) {
        return Math.floorDiv(t, SIZE) * SIZE;
    }

    /** The maximum price of the window ending at {@code windowEnd}. */
    record WindowMax(long windowEnd, long maxPrice) implements Serializable {

        /** Tags a window's maximum with its end. */
        static final class Emit extends ProcessWindowFunction<Long, WindowMax, Long, TimeWindow> {
            @Override
            public void process(Long end, Context ctx, Iterable<Long> maxima, Collector<WindowMax> out) {
                for (long max : maxima) {
                    out.collect(new WindowMax(end, max));
                }
            }
        }
    }

    /** A bid offered to the window ending at {@code windowEnd}. */
    record EndedBid(long windowEnd, Bid bid) implements Serializable {
    }

    /** MAX(price) as a window aggregate. */
    private static final class MaxPrice implements AggregateFunction<Bid, Long, Long> {
        @Override
        public Long createAccumulator() {
            return Long.MIN_VALUE;
        }

        @Override
        public Long add(Bid b, Long max) {
            return Math.max(max, b.price());
        }

        @Override
        public Long getResult(Long max) {
            return max;
        }

        @Override
        public Long merge(Long a, Long b) {
            return Math.max(a, b);
        }
    }

    /** Emits {@code b} if its price is the window's maximum. */
    private static void emitIfMax(Bid b, long max, Collector<Change> out) {
        if (b.price() == max) {
            out.collect(Change.insert(Row.of(b.auction(), b.price(), b.bidder(), timestamp(b.dateTime()), b.extra())));
        }
    }

    /**
     * Per window end: bids wait in list state until the window's maximum is known; then the
     * ones at that price are emitted and the rest dropped; later bids are compared directly.
     */
    private static final class MaxBidJoin extends KeyedCoProcessFunction<Long, WindowMax, EndedBid, Change> {
        private transient ValueState<Long> max;
        private transient ListState<Bid> waiting;

        @Override
        public void open(OpenContext openContext) {
            max = getRuntimeContext().getState(new ValueStateDescriptor<>("max", Long.class));
            waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", Bid.class));
        }

        @Override
        public void processElement1(WindowMax m, Context ctx, Collector<Change> out) throws Exception {
            max.update(m.maxPrice());
            for (Bid b : waiting.get()) {
                emitIfMax(b, m.maxPrice(), out);
            }
            waiting.clear();
        }

        @Override
        public void processElement2(EndedBid e, Context ctx, Collector<Change> out) throws Exception {
            Long m = max.value();
            if (m == null) {
                waiting.add(e.bid());
            } else {
                emitIfMax(e.bid(), m, out);
            }
        }
    }

    /** {@link MaxBidJoin} on V2 state: the waiting bids are cleared once they have been compared. */
    private static final class AsyncMaxBidJoin extends KeyedCoProcessFunction<Long, WindowMax, EndedBid, Change> {
        private transient io.eddy.api.state.v2.ValueState<Long> max;
        private transient io.eddy.api.state.v2.ListState<Bid> waiting;

        @Override
        public void open(OpenContext openContext) {
            max = getRuntimeContext().getState(new io.eddy.api.state.v2.ValueStateDescriptor<>("max", Long.class));
            waiting = getRuntimeContext().getListState(
                    new io.eddy.api.state.v2.ListStateDescriptor<>("waiting", Bid.class));
        }

        @Override
        public void processElement1(WindowMax m, Context ctx, Collector<Change> out) {
            max.asyncUpdate(m.maxPrice());
            waiting.asyncGet()
                    .thenCompose(stored -> stored.onNext((Bid b) -> emitIfMax(b, m.maxPrice(), out)))
                    .thenCompose(done -> waiting.asyncClear());
        }

        @Override
        public void processElement2(EndedBid e, Context ctx, Collector<Change> out) {
            max.asyncValue().thenAccept(m -> {
                if (m == null) {
                    waiting.asyncAdd(e.bid());
                } else {
                    emitIfMax(e.bid(), m, out);
                }
            });
        }
    }
}
