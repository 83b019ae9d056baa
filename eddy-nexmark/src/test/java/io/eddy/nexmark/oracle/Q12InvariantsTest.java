package io.eddy.nexmark.oracle;

import io.eddy.nexmark.NexmarkQueries;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.result.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The q12 checker accepts every valid processing-time split and names each violation. */
class Q12InvariantsTest {

    private static final LocalDateTime W0 = LocalDateTime.of(2026, 11, 23, 10, 0, 0);
    private static final LocalDateTime W1 = W0.plusSeconds(10);
    private static final LocalDateTime W2 = W0.plusSeconds(20);

    private static final List<Event> BIDS = List.of(bid(1), bid(1), bid(1), bid(2));

    private static Bid bid(long bidder) {
        return new Bid(1, bidder, 1, "c", "u", 0, "e");
    }

    private static ResultTable table(Row... rows) {
        return new ResultTable(NexmarkQueries.columns(12), List.of(rows));
    }

    @Test
    void acceptsAnySplitOfEachBiddersBidsOverAlignedWindows() {
        assertThat(Q12Invariants.violations(BIDS, table(Row.of(1L, 2L, W0, W1), Row.of(1L, 1L, W1, W2),
                Row.of(2L, 1L, W1, W2)))).isEmpty();
    }

    @Test
    void reportsLostDuplicatedAndMisalignedCounts() {
        assertThat(Q12Invariants.violations(BIDS, table(Row.of(1L, 2L, W0, W1), Row.of(2L, 1L, W1, W2))))
                .containsExactly("bidder 1: 3 bids in the input but 2 counted");
        assertThat(Q12Invariants.violations(BIDS, table(Row.of(1L, 3L, W0, W1), Row.of(1L, 1L, W0, W1),
                Row.of(2L, 1L, W0.plusSeconds(5), W1.plusSeconds(5)), Row.of(3L, 0L, W0, W2)))).containsExactlyInAnyOrder(
                "row 1,1,2026-11-23 10:00:00.000,2026-11-23 10:00:10.000: bidder and window appear twice",
                "row 2,1,2026-11-23 10:00:05.000,2026-11-23 10:00:15.000: window is not an aligned 10 s window",
                "row 3,0,2026-11-23 10:00:00.000,2026-11-23 10:00:20.000: window is not an aligned 10 s window",
                "row 3,0,2026-11-23 10:00:00.000,2026-11-23 10:00:20.000: count is not positive",
                "bidder 1: 3 bids in the input but 4 counted");
    }

    @Test
    void theOracleRefusesQ12() {
        assertThatThrownBy(() -> NexmarkOracle.run(12, BIDS)).hasMessageContaining("Q12Invariants");
        assertThatThrownBy(() -> NexmarkOracle.run(23, BIDS)).hasMessageContaining("no query q23");
    }
}
