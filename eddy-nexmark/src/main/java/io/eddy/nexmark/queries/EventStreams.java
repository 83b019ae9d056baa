package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;

/**
 * The three views of the Nexmark schema (person, auction, bid) over the one event stream, as
 * filter + cast chained to the source: same parallelism as the events, so that each view keeps
 * the source's order. (The file source runs with one subtask; at a higher job parallelism a
 * filter with the default parallelism would be fed round-robin, and two records of one key could
 * then overtake each other before a keyBy: arrival-order ties, q9/q18/q19, need that order.)
 */
final class EventStreams {

    private EventStreams() {
    }

    /** The events without one kind, in source order (q4/q6/q9 and q8 key auctions with bids or persons). */
    static DataStream<Event> without(DataStream<Event> events, Class<? extends Event> kind) {
        return events.filter(e -> !kind.isInstance(e)).setParallelism(events.getParallelism());
    }

    static DataStream<Bid> bids(DataStream<Event> events) {
        return events.filter(e -> e instanceof Bid).setParallelism(events.getParallelism())
                .map(e -> (Bid) e).setParallelism(events.getParallelism()).name("bids");
    }

    static DataStream<Auction> auctions(DataStream<Event> events) {
        return events.filter(e -> e instanceof Auction).setParallelism(events.getParallelism())
                .map(e -> (Auction) e).setParallelism(events.getParallelism()).name("auctions");
    }

    static DataStream<Person> persons(DataStream<Event> events) {
        return events.filter(e -> e instanceof Person).setParallelism(events.getParallelism())
                .map(e -> (Person) e).setParallelism(events.getParallelism()).name("persons");
    }
}
