package io.eddy.nexmark.queries;

import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import io.eddy.nexmark.json.EventJsonWriter;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.nexmark.oracle.NexmarkOracle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * q6 with an auction that arrives after the watermark has passed its expiry (not in the golden
 * input): it closes right away, after the auctions that closed before it arrived even if they
 * expire later, and a bid for it arriving afterwards is ignored. Checked against the hand-derived
 * rows and the oracle, at parallelism 1 and 2.
 */
class LateAuctionTest {

    private static final long T0 = 1_436_918_400_000L;

    @TempDir
    Path dir;

    private static Auction auction(long id, long opens, long expires) {
        return new Auction(id, "i", "d", 1, 2, T0 + opens, T0 + expires, 7, 10, "");
    }

    private static Bid bid(long auction, long price, long at) {
        return new Bid(auction, 1, price, "c", "u", T0 + at, "");
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {1, 2})
    void lateAuctionClosesAfterTheOnesClosedBeforeIt(int parallelism) throws Exception {
        List<Event> events = List.of(
                bid(1, 50, 1_000),                  // before its auction
                auction(3, 100, 15_000),
                bid(3, 10, 14_000),
                new Person(9, "p", "e", "c", "x", "OR", T0 + 20_000, ""), // watermark 16 s: closes auction 3
                auction(1, 500, 2_000),             // late: closes now, with the earlier bid (50)
                bid(1, 999, 1_500),                 // for a closed auction: ignored
                auction(2, 21_000, 30_000),
                bid(2, 100, 22_000));
        Path input = dir.resolve("late.jsonl");
        EventJsonWriter.writeAll(input, events.iterator());
        String table = NexmarkJob.run(NexmarkJobOptions.builder("q6").input(input).parallelism(parallelism).build(),
                n -> { }).table().csvText();
        assertThat(table).isEqualTo("seller,avg_price\n7,10\n7,30\n7,53\n");
        assertThat(table).isEqualTo(NexmarkOracle.run(6, events).csvText());
    }
}
