package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;
import io.eddy.nexmark.result.RowKind;

import java.util.ArrayList;
import java.util.List;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q19 Auction top-10 price: per auction the 10 highest bids with rank_number 1..10, kept in
 * rank order in keyed list state. A new bid goes after the held bids of equal or higher price
 * (ties rank by arrival, as Flink's append-only top-N) and is dropped beyond rank 10. Every rank
 * from the new bid's down changes hands: its old row is retracted (-U) and the new one emitted
 * (+U, or +I for a rank that did not exist yet). The held prices are kept beside the bids, so that
 * a bid ranking beyond 10 (most bids of a hot auction) is dropped without reading the held bids,
 * as Flink's top-N decides on its sort keys; state without the prices (from before they were
 * kept) is read in full until its next change writes them.
 *
 * <p>Ties depend on the order in which one auction's bids arrive. From a file, or from the
 * generator at parallelism 1, that is the oracle's order. From the generator at parallelism p
 * &gt; 1, an auction whose bids straddle two source slices can receive the later slice's bids
 * first (each subtask starts its slice at once), and two equal prices then rank the other way
 * round than in the oracle, as in any engine with parallel sources (seen: seed 2, 300,000
 * events, parallelism 3, auction 12969, price 173 at ranks 9/10).
 */
public final class Q19 extends NumberedQuery {

    private static final int TOP = 10;

    public Q19() {
        super(19);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return AsyncState.keyed(EventStreams.bids(events).keyBy(Bid::auction))
                .process(AsyncState.enabled(events) ? new AsyncTopBids() : new TopBids()).name(name());
    }

    /** Whether a bid of {@code price} would rank beyond {@value #TOP} among {@code held}, the held prices in rank order. */
    private static boolean ranksBeyondTop(Iterable<Long> held, long price) {
        int at = 0;
        for (long p : held) {
            if (p < price) {
                return false;
            }
            at++;
        }
        return at >= TOP;
    }

    private static List<Long> prices(List<Bid> top) {
        List<Long> prices = new ArrayList<>(top.size());
        top.forEach(b -> prices.add(b.price()));
        return prices;
    }

    /**
     * The auction's top list after {@code b} arrived, emitting the ranks that change hands; null
     * if {@code b} ranks beyond {@value #TOP} (nothing changes).
     */
    private static List<Bid> insert(Iterable<Bid> top, Bid b, Collector<Change> out) {
        List<Bid> old = new ArrayList<>();
        top.forEach(old::add);
        int at = 0;
        while (at < old.size() && old.get(at).price() >= b.price()) {
            at++;
        }
        if (at >= TOP) {
            return null;
        }
        List<Bid> now = new ArrayList<>(old);
        now.add(at, b);
        if (now.size() > TOP) {
            now.remove(TOP);
        }
        for (int i = at; i < old.size(); i++) {
            out.collect(new Change(RowKind.UPDATE_BEFORE, row(old.get(i), i + 1)));
        }
        for (int i = at; i < now.size(); i++) {
            out.collect(new Change(i < old.size() ? RowKind.UPDATE_AFTER : RowKind.INSERT, row(now.get(i), i + 1)));
        }
        return now;
    }

    private static Row row(Bid b, int rank) {
        return Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), timestamp(b.dateTime()), b.extra(),
                (long) rank);
    }

    /** The top list and its prices in synchronous list state. */
    private static final class TopBids extends KeyedProcessFunction<Long, Bid, Change> {
        private transient ListState<Bid> top;
        private transient ListState<Long> prices;

        @Override
        public void open(OpenContext openContext) {
            top = getRuntimeContext().getListState(new ListStateDescriptor<>("top", Bid.class));
            prices = getRuntimeContext().getListState(new ListStateDescriptor<>("prices", Long.class));
        }

        @Override
        public void processElement(Bid b, Context ctx, Collector<Change> out) throws Exception {
            if (ranksBeyondTop(prices.get(), b.price())) {
                return;
            }
            List<Bid> now = insert(top.get(), b, out);
            if (now != null) {
                top.update(now);
                prices.update(prices(now));
            }
        }
    }

    /**
     * The top list and its prices in V2 list state: the prices read with asyncGet, then (unless the
     * bid ranks beyond the top) the list, both replaced with asyncUpdate in the callback.
     */
    private static final class AsyncTopBids extends KeyedProcessFunction<Long, Bid, Change> {
        private transient io.eddy.api.state.v2.ListState<Bid> top;
        private transient io.eddy.api.state.v2.ListState<Long> prices;

        @Override
        public void open(OpenContext openContext) {
            top = getRuntimeContext().getListState(new io.eddy.api.state.v2.ListStateDescriptor<>("top", Bid.class));
            prices = getRuntimeContext().getListState(new io.eddy.api.state.v2.ListStateDescriptor<>("prices", Long.class));
        }

        @Override
        public void processElement(Bid b, Context ctx, Collector<Change> out) {
            StateFutureUtils.toIterable(prices.asyncGet()).thenCompose(held -> ranksBeyondTop(held, b.price())
                    ? StateFutureUtils.<Void>completedVoidFuture()
                    : StateFutureUtils.toIterable(top.asyncGet()).thenAccept(old -> {
                        List<Bid> now = insert(old, b, out);
                        if (now != null) {
                            top.asyncUpdate(now);
                            prices.asyncUpdate(prices(now));
                        }
                    }));
        }
    }
}
