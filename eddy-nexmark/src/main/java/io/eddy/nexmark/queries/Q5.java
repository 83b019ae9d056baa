package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.windowing.SlidingEventTimeWindows;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;
import java.time.Duration;

/**
 * q5 Hot items: (1) bids per auction per hop window (size 10 s, slide 2 s), a keyed sliding
 * window count; (2) per hop window the auctions whose count is the window's maximum. Step 1
 * emits at window.maxTimestamp() = end - 1, so step 2, keyed by the hop window's end, gathers
 * all counts of a window in the 2 s tumbling window [end - 2 s, end), which fires once every
 * step-1 subtask has passed the watermark end - 1, i.e. after all counts arrived. Late bids are
 * dropped by step 1's window operator per window, as in the oracle. Append-only.
 */
public final class Q5 extends NumberedQuery {

    private static final Duration SIZE = Duration.ofSeconds(10);
    private static final Duration SLIDE = Duration.ofSeconds(2);

    public Q5() {
        super(5);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(Bid::auction)
                .window(SlidingEventTimeWindows.of(SIZE, SLIDE))
                .aggregate(new CountAggregate<>(), new AuctionCount.Emit()).name("q5 bids per auction")
                .keyBy(AuctionCount::windowEnd)
                .window(TumblingEventTimeWindows.of(SLIDE))
                .process(new HottestAuctions()).name(name());
    }

    /** The bid count of one auction in the hop window ending at {@code windowEnd}. */
    record AuctionCount(long windowEnd, long auction, long count) implements Serializable {

        /** Tags a window's count with its auction and end. */
        static final class Emit extends ProcessWindowFunction<Long, AuctionCount, Long, TimeWindow> {
            @Override
            public void process(Long auction, Context ctx, Iterable<Long> counts, Collector<AuctionCount> out) {
                for (long count : counts) {
                    out.collect(new AuctionCount(ctx.window().getEnd(), auction, count));
                }
            }
        }
    }

    /** Emits the auctions with the maximal count of one hop window. */
    private static final class HottestAuctions extends ProcessWindowFunction<AuctionCount, Change, Long, TimeWindow> {
        @Override
        public void process(Long windowEnd, Context ctx, Iterable<AuctionCount> counts, Collector<Change> out) {
            long max = 0;
            for (AuctionCount c : counts) {
                max = Math.max(max, c.count());
            }
            for (AuctionCount c : counts) {
                if (c.count() == max) {
                    out.collect(Change.insert(Row.of(c.auction(), c.count())));
                }
            }
        }
    }
}
