package io.eddy.nexmark.generator;

/**
 * Which person and auction ids exist at a given event id, and the random choice of "active"
 * people and "open" auctions (docs/nexmark/GENERATOR.md, section Ids). Ids here are base 0; add
 * {@link #FIRST_PERSON_ID} / {@link #FIRST_AUCTION_ID} for the ids in events.
 *
 * <p>Each block of 50 event ids (an epoch) holds 1 person, 3 auctions and 46 bids, in that
 * order of {@code eventId % 50}. Stateless.
 */
final class IdSpace {

    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    static final int PERSON_PROPORTION = 1;
    static final int AUCTION_PROPORTION = 3;
    static final int TOTAL_PROPORTION = 50;
    /** People a bid or auction may refer to: the most recent ones. */
    static final int NUM_ACTIVE_PEOPLE = 1000;
    /** Auctions a bid may refer to: the most recent ones. */
    static final int NUM_IN_FLIGHT_AUCTIONS = 100;
    /** Ids beyond the newest that may be referred to (they may not exist yet). */
    static final int PERSON_ID_LEAD = 10;
    static final int AUCTION_ID_LEAD = 10;

    private IdSpace() {
    }

    /** Base-0 id of the newest person at this event id (this event's own id if it is a person). */
    static long lastPersonId(long eventId) {
        long epoch = eventId / TOTAL_PROPORTION;
        long offset = eventId % TOTAL_PROPORTION;
        if (offset >= PERSON_PROPORTION) {
            offset = PERSON_PROPORTION - 1;
        }
        return epoch * PERSON_PROPORTION + offset;
    }

    /** Base-0 id of the newest auction at this event id (this event's own id if it is an auction). */
    static long lastAuctionId(long eventId) {
        long epoch = eventId / TOTAL_PROPORTION;
        long offset = eventId % TOTAL_PROPORTION;
        if (offset < PERSON_PROPORTION) {
            epoch--;
            offset = AUCTION_PROPORTION - 1;
        } else if (offset >= PERSON_PROPORTION + AUCTION_PROPORTION) {
            offset = AUCTION_PROPORTION - 1;
        } else {
            offset -= PERSON_PROPORTION;
        }
        return epoch * AUCTION_PROPORTION + offset;
    }

    /** A random active person: among the last min(numPeople, 1000) people plus a lead of 10. */
    static long randomActivePerson(long eventId, EventRandom random) {
        long numPeople = lastPersonId(eventId) + 1;
        long active = Math.min(numPeople, NUM_ACTIVE_PEOPLE);
        return numPeople - active + random.nextLong(active + PERSON_ID_LEAD);
    }

    /** A random open auction: uniform in [last - 100, last + 10], never below 0. */
    static long randomOpenAuction(long eventId, EventRandom random) {
        long max = lastAuctionId(eventId);
        long min = Math.max(max - NUM_IN_FLIGHT_AUCTIONS, 0);
        return min + random.nextLong(max - min + 1 + AUCTION_ID_LEAD);
    }
}
