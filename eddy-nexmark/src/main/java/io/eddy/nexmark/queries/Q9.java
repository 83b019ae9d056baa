package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q9 Winning bids: per auction id the best qualifying pair of the {@link AuctionBidJoin}
 * (price DESC, bid time ASC; remaining ties: the pair emitted first, which is the order
 * {@link AuctionBidJoin} hands pairs over, so only a strictly better pair replaces the
 * winner). Updating: a new winner retracts the old row (-U, +U).
 */
public final class Q9 extends NumberedQuery {

    public Q9() {
        super(9);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return AsyncState.keyed(AuctionBidJoin.byAuction(events))
                .process(AsyncState.enabled(events) ? new AsyncWinnerPerAuction() : new WinnerPerAuction())
                .name(name());
    }

    /** The current winner of one auction id. */
    private record Winner(Auction auction, Bid bid) implements Serializable {
        boolean beatenBy(Bid b) {
            return b.price() > bid.price() || b.price() == bid.price() && b.dateTime() < bid.dateTime();
        }

        Row row() {
            return Row.of(auction.id(), auction.itemName(), auction.description(), auction.initialBid(),
                    auction.reserve(), timestamp(auction.dateTime()), timestamp(auction.expires()), auction.seller(),
                    auction.category(), auction.extra(), bid.auction(), bid.bidder(), bid.price(),
                    timestamp(bid.dateTime()), bid.extra());
        }
    }

    /** The winner after the pair (a, b) (null: unchanged), emitting the row's change. */
    private static Winner win(Winner old, Auction a, Bid b, Collector<Change> out) {
        if (old != null && !old.beatenBy(b)) {
            return null;
        }
        Winner now = new Winner(a, b);
        Changes.update(old == null ? null : old.row(), now.row(), out);
        return now;
    }

    private static final class WinnerPerAuction extends AuctionBidJoin<Change> {
        private transient ValueState<Winner> winner;

        @Override
        public void open(OpenContext openContext) throws Exception {
            super.open(openContext);
            winner = getRuntimeContext().getState(new ValueStateDescriptor<>("winner", Winner.class));
        }

        @Override
        protected void onPair(Auction a, Bid b, Context ctx, Collector<Change> out) throws Exception {
            Winner now = win(winner.value(), a, b, out);
            if (now != null) {
                winner.update(now);
            }
        }
    }

    /** {@link WinnerPerAuction} on V2 state. */
    private static final class AsyncWinnerPerAuction extends AsyncAuctionBidJoin<Change> {
        private transient io.eddy.api.state.v2.ValueState<Winner> winner;

        @Override
        public void open(OpenContext openContext) throws Exception {
            super.open(openContext);
            winner = getRuntimeContext().getState(
                    new io.eddy.api.state.v2.ValueStateDescriptor<>("winner", Winner.class));
        }

        @Override
        protected StateFuture<Void> onPair(Auction a, Bid b, Context ctx, Collector<Change> out) {
            return winner.asyncValue().thenCompose(old -> {
                Winner now = win(old, a, b, out);
                return now == null ? StateFutureUtils.completedVoidFuture() : winner.asyncUpdate(now);
            });
        }
    }
}
