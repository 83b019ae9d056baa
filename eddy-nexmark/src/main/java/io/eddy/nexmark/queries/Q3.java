package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.nexmark.result.Row;

/**
 * q3 Local item suggestion: auctions of category 10 joined with their seller, for sellers in
 * OR, ID or CA; a regular {@link InnerJoin} on seller = id after filtering both sides.
 * Append-only.
 */
public final class Q3 extends NumberedQuery {

    public Q3() {
        super(3);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        DataStream<Auction> auctions = EventStreams.auctions(events).filter(a -> a.category() == 10);
        DataStream<Person> sellers = EventStreams.persons(events)
                .filter(p -> "OR".equals(p.state()) || "ID".equals(p.state()) || "CA".equals(p.state()));
        return auctions.connect(sellers)
                .keyBy(Auction::seller, Person::id)
                .process(InnerJoin.<Long, Auction, Person>of(AsyncState.enabled(events), Auction.class, Person.class,
                        (a, p) -> Row.of(p.name(), p.city(), p.state(), a.id())))
                .name(name());
    }
}
