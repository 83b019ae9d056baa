package io.eddy.nexmark.oracle;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.result.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-checks of the oracle on a generated stream (30,000 events, 3 s of event time):
 * facts that must relate the results of different queries, or a query to its input, whatever
 * the exact rows. They catch an oracle that is internally inconsistent at realistic scale,
 * where the golden tests only cover small hand-made cases.
 */
class OracleOnGeneratedStreamTest {

    private static List<Event> events;
    private static List<Bid> bids;

    @BeforeAll
    static void generate() {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.builder().seed(11).build());
        events = new ArrayList<>();
        generator.events(0, 30_000).forEachRemaining(events::add);
        bids = events.stream().filter(e -> e instanceof Bid).map(e -> (Bid) e).toList();
    }

    private static long sum(ResultTable t, int column) {
        return t.rows().stream().mapToLong(r -> (Long) r.get(column)).sum();
    }

    @Test
    void theGeneratedStreamHasNoLateEvents() {
        long[] watermarks = EventTime.watermarksAtArrival(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).dateTime()).isGreaterThan(watermarks[i]);
        }
    }

    @Test
    void perBidQueriesKeepEveryBid() {
        for (int q : new int[] {0, 1, 10, 13, 22}) {
            assertThat(NexmarkOracle.run(q, events).rows()).as("q" + q).hasSize(bids.size());
        }
        assertThat(NexmarkOracle.run(2, events).rows())
                .hasSize((int) bids.stream().filter(b -> b.auction() % 123 == 0).count());
    }

    @Test
    void aggregatesCountEveryBidOnce() {
        assertThat(sum(NexmarkOracle.run(11, events), 1)).isEqualTo(bids.size()); // nothing late
        assertThat(sum(NexmarkOracle.run(15, events), 1)).isEqualTo(bids.size());
        assertThat(sum(NexmarkOracle.run(16, events), 3)).isEqualTo(bids.size());
        assertThat(sum(NexmarkOracle.run(17, events), 2)).isEqualTo(bids.size());
        Set<List<Long>> pairs = new HashSet<>();
        bids.forEach(b -> pairs.add(List.of(b.bidder(), b.auction())));
        assertThat(NexmarkOracle.run(18, events).rows()).hasSize(pairs.size());
    }

    @Test
    void topNRanksAreDenseAndOrderedByPrice() {
        Map<Long, List<Row>> byAuction = new HashMap<>();
        for (Row r : NexmarkOracle.run(19, events).rows()) {
            byAuction.computeIfAbsent((Long) r.get(0), k -> new ArrayList<>()).add(r);
        }
        Map<Long, Long> bidsPerAuction = new HashMap<>();
        bids.forEach(b -> bidsPerAuction.merge(b.auction(), 1L, Long::sum));
        assertThat(byAuction.keySet()).isEqualTo(bidsPerAuction.keySet());
        byAuction.forEach((auction, rows) -> {
            assertThat(rows).hasSize((int) Math.min(10, bidsPerAuction.get(auction)));
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).get(7)).isEqualTo((long) i + 1);
                if (i > 0) {
                    assertThat((Long) rows.get(i).get(2)).isLessThanOrEqualTo((Long) rows.get(i - 1).get(2));
                }
            }
        });
    }

    @Test
    void winningBidQueriesAgreeWithEachOther() {
        ResultTable q9 = NexmarkOracle.run(9, events);
        // without late events every auction closes with all its bids: q6 has a row per q9 row
        assertThat(NexmarkOracle.run(6, events).rows()).hasSize(q9.rows().size());
        Map<Long, List<Long>> finalsByCategory = new HashMap<>();
        for (Row r : q9.rows()) {
            finalsByCategory.computeIfAbsent((Long) r.get(8), k -> new ArrayList<>()).add((Long) r.get(12));
        }
        for (Row r : NexmarkOracle.run(4, events).rows()) {
            List<Long> finals = finalsByCategory.get((Long) r.get(0));
            assertThat(r.get(1)).isEqualTo(finals.stream().mapToLong(Long::longValue).sum() / finals.size());
        }
        assertThat(NexmarkOracle.run(4, events).rows()).hasSize(finalsByCategory.size());
    }

    @Test
    void q20HasOneRowPerBidOnACategory10Auction() {
        Set<Long> category10 = new HashSet<>();
        events.forEach(e -> {
            if (e instanceof Auction a && a.category() == 10) {
                category10.add(a.id());
            }
        });
        assertThat(NexmarkOracle.run(20, events).rows())
                .hasSize((int) bids.stream().filter(b -> category10.contains(b.auction())).count());
    }
}
