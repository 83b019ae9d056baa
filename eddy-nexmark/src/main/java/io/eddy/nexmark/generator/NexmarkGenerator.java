package io.eddy.nexmark.generator;

import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The Nexmark event generator (docs/nexmark/GENERATOR.md): event {@code index} (0, 1, 2, ...) is a pure
 * function of the config and the index, so a source subtask generates its own slice of
 * indexes with {@link #events(long, long)} and a restarted source resumes at any index.
 *
 * <p>Index {@code k} has event number {@code firstEventNumber + k} and event id
 * {@code firstEventId + eventNumber}; {@code eventId % 50} picks the kind (0 person, 1..3
 * auction, 4..49 bid); the event time is paced by {@code eventsPerSecond} and never decreases
 * with the index.
 *
 * <p>Thread-safe: the shared tables (padding pool, channels) are immutable; each event draws
 * from its own {@link EventRandom}. Construction costs a few milliseconds (10,000 channel URLs).
 */
public final class NexmarkGenerator {

    static final int AVG_PERSON_BYTES = 200;
    static final int AVG_AUCTION_BYTES = 500;
    static final int AVG_BID_BYTES = 100;
    static final int FIRST_CATEGORY_ID = 10;
    static final int NUM_CATEGORIES = 5;
    /** Hot sellers, bidders and auctions are picked within batches of this many ids. */
    static final int HOT_BATCH = 100;

    private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
            "Sarah", "Deiter", "Walter"};
    private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith",
            "Jones", "Noris"};
    private static final String[] NAMES = fullNames();
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
            "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    /** Events between now and the generation of 100 more auctions: 100 * 50 / 3. */
    private static final long EVENTS_PER_AUCTION_HORIZON =
            (long) IdSpace.NUM_IN_FLIGHT_AUCTIONS * IdSpace.TOTAL_PROPORTION / IdSpace.AUCTION_PROPORTION;

    private final NexmarkConfig config;
    private final double delayMicros;
    private final Text text;
    private final Channels channels;

    public NexmarkGenerator(NexmarkConfig config) {
        this.config = config;
        this.delayMicros = config.interEventDelayMicros();
        this.text = new Text(config.seed());
        this.channels = new Channels(config.seed());
    }

    public NexmarkConfig config() {
        return config;
    }

    /** The event at this index (0-based position in the stream). REQUIRES: index >= 0. */
    public Event event(long index) {
        long eventNumber = config.firstEventNumber() + index;
        long eventId = config.firstEventId() + eventNumber;
        long time = eventTime(eventNumber);
        EventRandom random = new EventRandom(config.seed(), eventId);
        long rem = eventId % IdSpace.TOTAL_PROPORTION;
        if (rem < IdSpace.PERSON_PROPORTION) {
            return person(eventId, time, random);
        } else if (rem < IdSpace.PERSON_PROPORTION + IdSpace.AUCTION_PROPORTION) {
            return auction(eventId, eventNumber, time, random);
        } else {
            return bid(eventId, time, random);
        }
    }

    /** The events at indexes [from, to), in index order. Each call returns a fresh iterator. */
    public Iterator<Event> events(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad index range [" + from + ", " + to + ")");
        }
        return new Iterator<>() {
            private long next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public Event next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return event(next++);
            }
        };
    }

    /** Event time (epoch millis) of the event at this index, without generating the event. */
    public long eventTimeAt(long index) {
        return eventTime(config.firstEventNumber() + index);
    }

    /** Event time (epoch millis) of an event number: base + floor(number * delayUs) / 1000. */
    private long eventTime(long eventNumber) {
        return config.baseTimeMillis() + (long) Math.floor(eventNumber * delayMicros) / 1000;
    }

    private Person person(long eventId, long time, EventRandom random) {
        long id = IdSpace.lastPersonId(eventId) + IdSpace.FIRST_PERSON_ID;
        String name = NAMES[random.nextInt(NAMES.length)];
        String email = Text.randomString(random, 9, ' ') + "@" + Text.randomString(random, 9, ' ') + ".com";
        String creditCard = creditCard(random);
        String city = CITIES[random.nextInt(CITIES.length)];
        String state = STATES[random.nextInt(STATES.length)];
        int size = 8 + name.length() + email.length() + creditCard.length() + city.length() + state.length();
        String extra = text.extra(random, size, AVG_PERSON_BYTES);
        return new Person(id, name, email, creditCard, city, state, time, extra);
    }

    private Auction auction(long eventId, long eventNumber, long time, EventRandom random) {
        long id = IdSpace.lastAuctionId(eventId) + IdSpace.FIRST_AUCTION_ID;
        long seller = random.nextInt(4) > 0
                ? IdSpace.lastPersonId(eventId) / HOT_BATCH * HOT_BATCH
                : IdSpace.randomActivePerson(eventId, random);
        seller += IdSpace.FIRST_PERSON_ID;
        long category = FIRST_CATEGORY_ID + random.nextInt(NUM_CATEGORIES);
        long initialBid = price(random);
        long horizon = eventTime(eventNumber + EVENTS_PER_AUCTION_HORIZON) - time;
        long expires = time + 1 + random.nextLong(Math.max(horizon * 2, 1));
        String itemName = Text.randomString(random, 20, ' ');
        String description = Text.randomString(random, 100, ' ');
        long reserve = initialBid + price(random);
        int size = 8 + itemName.length() + description.length() + 8 + 8 + 8 + 8 + 8;
        String extra = text.extra(random, size, AVG_AUCTION_BYTES);
        return new Auction(id, itemName, description, initialBid, reserve, time, expires, seller, category, extra);
    }

    private Bid bid(long eventId, long time, EventRandom random) {
        long auction = random.nextInt(2) > 0
                ? IdSpace.lastAuctionId(eventId) / HOT_BATCH * HOT_BATCH
                : IdSpace.randomOpenAuction(eventId, random);
        auction += IdSpace.FIRST_AUCTION_ID;
        long bidder = random.nextInt(4) > 0
                ? IdSpace.lastPersonId(eventId) / HOT_BATCH * HOT_BATCH + 1
                : IdSpace.randomActivePerson(eventId, random);
        bidder += IdSpace.FIRST_PERSON_ID;
        long price = price(random);
        String channel;
        String url;
        if (random.nextInt(2) > 0) {
            int i = random.nextInt(Channels.hotCount());
            channel = Channels.hotName(i);
            url = channels.hotUrl(i);
        } else {
            int n = random.nextInt(Channels.NUM_CHANNELS);
            channel = channels.name(n);
            url = channels.url(n);
        }
        String extra = text.extra(random, 8 + 8 + 8 + 8, AVG_BID_BYTES);
        return new Bid(auction, bidder, price, channel, url, time, extra);
    }

    /** 6 * ln(10): 10^(6u) = e^(u * 6 ln 10), and Math.exp is cheaper than Math.pow. */
    private static final double SIX_LN_10 = 6.0 * Math.log(10.0);

    /** Log-uniform price in cents: round(10^(6u) * 100), u uniform in [0, 1). */
    private static long price(EventRandom random) {
        return Math.round(Math.exp(random.nextDouble() * SIX_LN_10) * 100.0);
    }

    /** Four groups of four digits separated by spaces. */
    private static String creditCard(EventRandom random) {
        byte[] b = new byte[19];
        for (int group = 0; group < 4; group++) {
            int v = random.nextInt(10_000);
            int at = group * 5;
            b[at] = (byte) ('0' + v / 1000);
            b[at + 1] = (byte) ('0' + v / 100 % 10);
            b[at + 2] = (byte) ('0' + v / 10 % 10);
            b[at + 3] = (byte) ('0' + v % 10);
            if (group < 3) {
                b[at + 4] = ' ';
            }
        }
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String[] fullNames() {
        String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
        int i = 0;
        for (String first : FIRST_NAMES) {
            for (String last : LAST_NAMES) {
                names[i++] = first + " " + last;
            }
        }
        return names;
    }
}
