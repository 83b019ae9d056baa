package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;

/**
 * q6 Average selling price by seller, with the oracle's definition
 * ({@link io.eddy.nexmark.oracle.NexmarkOracle}, AverageSellingPriceQuery): (1)
 * {@link ClosingAuctions}, keyed by auction id, finds each group's final price and closes the
 * group at the first watermark above its expiry; (2) {@link SellerAverages}, keyed by seller,
 * orders the closed auctions as the oracle closes them and emits the average of the seller's
 * last 10 finals. Append-only.
 */
public final class Q6 extends NumberedQuery {

    public Q6() {
        super(6);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        boolean async = AsyncState.enabled(events);
        DataStream<ClosedAuction> closed = AsyncState.keyed(AuctionBidJoin.byAuction(events))
                .process(async ? new AsyncClosingAuctions() : new ClosingAuctions()).name("q6 closing auctions");
        return AsyncState.keyed(closed.keyBy(ClosedAuction::seller))
                .process(SellerAverages.of(async)).name(name());
    }
}
