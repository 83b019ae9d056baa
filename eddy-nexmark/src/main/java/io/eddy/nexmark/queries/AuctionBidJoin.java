package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.KeyedStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;

/**
 * The join under q4, q6 and q9: auctions and bids on {@code A.id = B.auction AND B.dateTime
 * BETWEEN A.dateTime AND A.expires} (inclusive), a regular join keyed by auction id that keeps
 * both sides in list state and hands every qualifying pair to {@link #onPair}, once, when the
 * later of its two events arrives. Subclasses reduce the pairs to a winning bid.
 *
 * <p>Why one keyed input (auctions and bids of one stream, keyed by auction id) rather than a
 * two-input co-process function: the oracle breaks ties by arrival order across both sides
 * (q9: the pair emitted first wins; among pairs emitted by one arrival, the partner that
 * arrived first), and q6 closes auctions by watermark, which must not overtake a bid. One input
 * channel per upstream subtask keeps auctions, bids and watermarks in their source order; two
 * inputs would interleave them arbitrarily. Pairs are handed over in arrival order of the
 * stored partners (list state keeps insertion order).
 */
abstract class AuctionBidJoin<OUT> extends KeyedProcessFunction<Long, Event, OUT> {

    private transient ListState<Auction> auctions;
    private transient ListState<Bid> bids;

    /** Auctions and bids of the events, keyed by auction id. */
    static KeyedStream<Event, Long> byAuction(DataStream<Event> events) {
        return EventStreams.without(events, Person.class)
                .keyBy(e -> e instanceof Auction a ? a.id() : ((Bid) e).auction());
    }

    static boolean qualifies(Auction a, Bid b) {
        return a.dateTime() <= b.dateTime() && b.dateTime() <= a.expires();
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        auctions = getRuntimeContext().getListState(new ListStateDescriptor<>("auctions", Auction.class));
        bids = getRuntimeContext().getListState(new ListStateDescriptor<>("bids", Bid.class));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<OUT> out) throws Exception {
        if (event instanceof Auction a) {
            for (Bid b : bids.get()) {
                if (qualifies(a, b)) {
                    onPair(a, b, ctx, out);
                }
            }
            auctions.add(a);
            afterAuction(a, ctx, out);
        } else if (event instanceof Bid b) {
            for (Auction a : auctions.get()) {
                if (qualifies(a, b)) {
                    onPair(a, b, ctx, out);
                }
            }
            bids.add(b);
        }
    }

    /** A qualifying pair, in the order the oracle's join emits pairs. */
    protected abstract void onPair(Auction a, Bid b, Context ctx, Collector<OUT> out) throws Exception;

    /** Called after an auction has met the stored bids; q6 starts its closing timer here. */
    protected void afterAuction(Auction a, Context ctx, Collector<OUT> out) throws Exception {
    }
}
