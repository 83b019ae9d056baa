package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.v2.ListState;
import io.eddy.api.state.v2.ListStateDescriptor;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;

/**
 * {@link AuctionBidJoin} on V2 state, for the asynchronous model: the stored partners are read
 * with {@code asyncGet}, the arriving event is stored with {@code asyncAdd}, and the qualifying
 * pairs are handed to {@link #onPair} one after another (each pair's state work completes before
 * the next pair starts), in the same order as the synchronous join, so the results are the same.
 */
abstract class AsyncAuctionBidJoin<OUT> extends KeyedProcessFunction<Long, Event, OUT> {

    private transient ListState<Auction> auctions;
    private transient ListState<Bid> bids;

    @Override
    public void open(OpenContext openContext) throws Exception {
        auctions = getRuntimeContext().getListState(new ListStateDescriptor<>("auctions", Auction.class));
        bids = getRuntimeContext().getListState(new ListStateDescriptor<>("bids", Bid.class));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<OUT> out) throws Exception {
        if (event instanceof Auction a) {
            StateFutureUtils.toIterable(bids.asyncGet())
                    .thenCompose(stored -> inTurn(stored, b -> pair(a, b, ctx, out)))
                    .thenCompose(done -> afterAuction(a, ctx, out));
            auctions.asyncAdd(a);
        } else if (event instanceof Bid b) {
            StateFutureUtils.toIterable(auctions.asyncGet())
                    .thenCompose(stored -> inTurn(stored, a -> pair(a, b, ctx, out)));
            bids.asyncAdd(b);
        }
    }

    private StateFuture<Void> pair(Auction a, Bid b, Context ctx, Collector<OUT> out) throws Exception {
        return AuctionBidJoin.qualifies(a, b) ? onPair(a, b, ctx, out) : null;
    }

    /** The work of one element; null when there is none. */
    @FunctionalInterface
    interface Step<T> {
        StateFuture<Void> run(T element) throws Exception;
    }

    /** Runs {@code step} for each element, each after the previous one's future completed. */
    static <T> StateFuture<Void> inTurn(Iterable<T> elements, Step<T> step) {
        StateFuture<Void> all = StateFutureUtils.completedVoidFuture();
        for (T element : elements) {
            all = all.thenCompose(done -> {
                StateFuture<Void> next = step.run(element);
                return next == null ? StateFutureUtils.completedVoidFuture() : next;
            });
        }
        return all;
    }

    /** A qualifying pair, in the order the oracle's join emits pairs; completes when its state work is done. */
    protected abstract StateFuture<Void> onPair(Auction a, Bid b, Context ctx, Collector<OUT> out) throws Exception;

    /** Called after an auction has met the stored bids; q6 starts its closing timer here. */
    protected StateFuture<Void> afterAuction(Auction a, Context ctx, Collector<OUT> out) throws Exception {
        return StateFutureUtils.completedVoidFuture();
    }
}
