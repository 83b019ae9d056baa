package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.result.Row;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * q12 counts bids per bidder in 10 s windows of processing time, so its exact rows depend on
 * the wall clock and no oracle can predict them. What must hold instead, and what this checks
 * on a result table (columns bidder, bid_count, window_start, window_end):
 * <ul>
 *   <li>every window is 10 s long and starts on a multiple of 10 s;</li>
 *   <li>no (bidder, window) appears twice and every count is positive;</li>
 *   <li>per bidder the counts sum to that bidder's number of bids in the input, so every bid
 *       is counted exactly once and no bidder is invented.</li>
 * </ul>
 */
public final class Q12Invariants {

    private Q12Invariants() {
    }

    /** The violated invariants, one sentence each; empty if the table is a valid q12 result. */
    public static List<String> violations(List<Event> events, ResultTable table) {
        Map<Long, Long> expected = new HashMap<>();
        for (Event e : events) {
            if (e instanceof Bid b) {
                expected.merge(b.bidder(), 1L, Long::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<Long, Long> counted = new HashMap<>();
        Set<List<Object>> windows = new HashSet<>();
        for (Row row : table.rows()) {
            if (!(row.get(0) instanceof Long bidder) || !(row.get(1) instanceof Long count)
                    || !(row.get(2) instanceof LocalDateTime start) || !(row.get(3) instanceof LocalDateTime end)) {
                problems.add("row " + row + " is not (BIGINT, BIGINT, TIMESTAMP, TIMESTAMP)");
                continue;
            }
            if (!Duration.between(start, end).equals(Duration.ofSeconds(10))
                    || start.getNano() != 0 || start.getSecond() % 10 != 0) {
                problems.add("row " + row + ": window is not an aligned 10 s window");
            }
            if (count <= 0) {
                problems.add("row " + row + ": count is not positive");
            }
            if (!windows.add(List.of(bidder, start))) {
                problems.add("row " + row + ": bidder and window appear twice");
            }
            counted.merge(bidder, count, Long::sum);
        }
        Set<Long> bidders = new HashSet<>(expected.keySet());
        bidders.addAll(counted.keySet());
        for (Long bidder : bidders) {
            long want = expected.getOrDefault(bidder, 0L);
            long got = counted.getOrDefault(bidder, 0L);
            if (want != got) {
                problems.add("bidder " + bidder + ": " + want + " bids in the input but " + got + " counted");
            }
        }
        return problems;
    }
}
