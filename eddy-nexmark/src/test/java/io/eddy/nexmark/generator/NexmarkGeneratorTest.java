package io.eddy.nexmark.generator;

import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generator against docs/nexmark/GENERATOR.md: determinism per (seed, index), kinds, ids, pacing, field shapes, skew. */
class NexmarkGeneratorTest {

    private static final NexmarkConfig DEFAULT = NexmarkConfig.builder().seed(1).build();

    private static List<Event> take(NexmarkGenerator g, long from, long to) {
        List<Event> list = new ArrayList<>();
        for (Iterator<Event> it = g.events(from, to); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }

    @Test
    void sameSeedSameStreamAndSlicesAgreeWithTheWhole() {
        List<Event> whole = take(new NexmarkGenerator(DEFAULT), 0, 5000);
        NexmarkGenerator other = new NexmarkGenerator(DEFAULT);
        List<Event> sliced = new ArrayList<>(take(other, 0, 1234));
        sliced.addAll(take(other, 1234, 5000));
        assertThat(sliced).isEqualTo(whole);
        assertThat(other.event(4321)).isEqualTo(whole.get(4321));
        List<Event> otherSeed = take(new NexmarkGenerator(NexmarkConfig.builder().seed(2).build()), 0, 5000);
        assertThat(otherSeed).isNotEqualTo(whole);
    }

    @Test
    void kindFollowsEventIdModulo50AndIdsAreConsecutive() {
        // index k: event number k + 1, event id k + 2; ids % 50: 0 person, 1..3 auction, else bid
        List<Event> events = take(new NexmarkGenerator(DEFAULT), 0, 50_000);
        long nextPerson = 1001; // person slot 0 is event id 0, before the first generated id
        long nextAuction = 1001; // event id 2 is the 2nd auction slot of epoch 0
        int persons = 0;
        int auctions = 0;
        for (int k = 0; k < events.size(); k++) {
            long eventId = k + 2;
            long rem = eventId % 50;
            Event e = events.get(k);
            if (rem == 0) {
                assertThat(e).isInstanceOf(Person.class);
                assertThat(((Person) e).id()).isEqualTo(nextPerson++);
                persons++;
            } else if (rem <= 3) {
                assertThat(e).isInstanceOf(Auction.class);
                assertThat(((Auction) e).id()).isEqualTo(nextAuction++);
                auctions++;
            } else {
                assertThat(e).isInstanceOf(Bid.class);
            }
        }
        assertThat(persons).isEqualTo(1000);
        assertThat(auctions).isEqualTo(3000); // ids 2, 3, then 3 per epoch 1..999, then 50001
    }

    @Test
    void eventTimeIsPacedByTheRate() {
        NexmarkGenerator g = new NexmarkGenerator(DEFAULT);
        long base = NexmarkConfig.DEFAULT_BASE_TIME;
        assertThat(g.event(0).dateTime()).isEqualTo(base); // event number 1: 100 us
        assertThat(g.event(9).dateTime()).isEqualTo(base + 1); // event number 10: 1000 us
        assertThat(g.event(9_999).dateTime()).isEqualTo(base + 1000);
        assertThat(g.eventTimeAt(123_456)).isEqualTo(g.event(123_456).dateTime()).isEqualTo(base + 12_345);
        NexmarkGenerator slow = new NexmarkGenerator(NexmarkConfig.builder().eventsPerSecond(3).build());
        assertThat(slow.event(0).dateTime()).isEqualTo(base + 333); // floor(333333.33 us) / 1000
        long previous = Long.MIN_VALUE;
        for (Iterator<Event> it = g.events(0, 20_000); it.hasNext(); ) {
            long t = it.next().dateTime();
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
    }

    @Test
    void fieldsRespectTheSpec() {
        List<Event> events = take(new NexmarkGenerator(DEFAULT), 0, 100_000);
        long bids = 0;
        long hotChannelBids = 0;
        long personBytes = 0;
        long persons = 0;
        long bidExtra = 0;
        Set<String> channels = new HashSet<>();
        for (Event e : events) {
            switch (e) {
                case Person p -> {
                    assertThat(p.creditCard()).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
                    assertThat(p.emailAddress()).matches("([a-z][a-z ]*[a-z]|[a-z]?)@([a-z][a-z ]*[a-z]|[a-z]?)\\.com");
                    assertThat(p.state()).isIn("AZ", "CA", "ID", "OR", "WA", "WY");
                    personBytes += 8 + p.name().length() + p.emailAddress().length() + p.creditCard().length()
                            + p.city().length() + p.state().length() + p.extra().length();
                    persons++;
                }
                case Auction a -> {
                    assertThat(a.category()).isBetween(10L, 14L);
                    assertThat(a.reserve()).isGreaterThan(a.initialBid());
                    assertThat(a.expires() - a.dateTime()).isBetween(1L, 2 * 167L);
                    assertThat(a.itemName().length()).isLessThan(20);
                    assertThat(a.description().length()).isLessThan(100);
                }
                case Bid b -> {
                    bids++;
                    assertThat(b.price()).isBetween(100L, 100_000_000L);
                    assertThat(b.url()).startsWith("https://www.nexmark.com/").contains("item.htm?query=1");
                    if (b.channel().startsWith("channel-")) {
                        channels.add(b.channel() + " " + b.url());
                    } else {
                        hotChannelBids++;
                        assertThat(b.channel()).isIn("Google", "Facebook", "Baidu", "Apple");
                    }
                    bidExtra += b.extra().length();
                }
            }
        }
        assertThat((double) hotChannelBids / bids).isCloseTo(0.5, within(0.02));
        assertThat((double) personBytes / persons).isCloseTo(200, within(10.0));
        assertThat((double) bidExtra / bids).isCloseTo(68, within(2.0));
        // a channel always has the same url
        assertThat(channels.stream().map(s -> s.substring(0, s.indexOf(' '))).distinct().count())
                .isEqualTo(channels.size());
    }

    @Test
    void bidsAreSkewedTowardsHotAuctionsAndBidders() {
        List<Event> events = take(new NexmarkGenerator(DEFAULT), 0, 200_000);
        long bids = 0;
        long hotAuction = 0;
        long hotBidder = 0;
        long auctions = 0;
        long hotSeller = 0;
        long eventId = 1;
        for (Event e : events) {
            eventId++;
            if (e instanceof Auction a && a.seller() - 1000 == IdSpace.lastPersonId(eventId) / 100 * 100) {
                hotSeller++;
            }
            if (e instanceof Auction) {
                auctions++;
            }
            if (e instanceof Bid b) {
                bids++;
                long lastAuction = IdSpace.lastAuctionId(eventId);
                long lastPerson = IdSpace.lastPersonId(eventId);
                assertThat(b.auction() - 1000).isBetween(Math.max(0, lastAuction - 100), lastAuction + 10);
                assertThat(b.bidder() - 1000).isBetween(0L, lastPerson + 10);
                if (b.auction() - 1000 == lastAuction / 100 * 100) {
                    hotAuction++;
                }
                if (b.bidder() - 1000 == lastPerson / 100 * 100 + 1) {
                    hotBidder++;
                }
            }
        }
        assertThat((double) hotAuction / bids).isCloseTo(0.5, within(0.03));
        assertThat((double) hotBidder / bids).isCloseTo(0.75, within(0.03));
        assertThat((double) hotSeller / auctions).isCloseTo(0.75, within(0.03));
    }
}
