package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q20 Expand bid with auction: bids joined with their auction, auctions of category 10 only;
 * a regular {@link InnerJoin} on auction = id. Append-only.
 */
public final class Q20 extends NumberedQuery {

    public Q20() {
        super(20);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        DataStream<Auction> auctions = EventStreams.auctions(events).filter(a -> a.category() == 10);
        return EventStreams.bids(events).connect(auctions)
                .keyBy(Bid::auction, Auction::id)
                .process(InnerJoin.<Long, Bid, Auction>of(AsyncState.enabled(events), Bid.class, Auction.class,
                        Q20::row))
                .name(name());
    }

    private static Row row(Bid b, Auction a) {
        return Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), timestamp(b.dateTime()), b.extra(),
                a.itemName(), a.description(), a.initialBid(), a.reserve(), timestamp(a.dateTime()),
                timestamp(a.expires()), a.seller(), a.category(), a.extra());
    }
}
