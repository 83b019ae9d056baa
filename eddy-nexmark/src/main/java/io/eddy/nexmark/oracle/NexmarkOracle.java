package io.eddy.nexmark.oracle;

import io.eddy.nexmark.NexmarkQueries;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.result.Row;

import java.util.List;

/**
 * The reference results of the Nexmark queries: for a finite, ordered list of events, the
 * final CSV table (docs/nexmark.md) that {@code queries/qN.sql} gives under Apache Flink SQL
 * semantics. The engine's queries are tested against it, so every implementation here is a
 * simple single-threaded computation over the whole input; the semantic decisions (late
 * records, ties, q6) are documented on the class that makes them:
 * <ul>
 *   <li>{@link BidQueries}: q0, q1, q2, q10, q13, q14, q21, q22 (stateless)</li>
 *   <li>{@link JoinQueries}: q3, q20 (regular joins)</li>
 *   <li>{@link WinningBidQueries}: q4, q9 (join + BETWEEN, then max / top-1)</li>
 *   <li>{@link AverageSellingPriceQuery}: q6 (Eddy's definition)</li>
 *   <li>{@link WindowQueries}: q5, q7, q8 (TUMBLE/HOP, late records per {@link EventTime})</li>
 *   <li>{@link SessionQuery}: q11</li>
 *   <li>{@link DailyStatsQueries}: q15, q16, q17</li>
 *   <li>{@link RankQueries}: q18, q19</li>
 *   <li>q12 is processing-time: check results with {@link Q12Invariants} instead.</li>
 * </ul>
 * Thread-safe (no shared state). Memory and time are proportional to the input (q3/q20/q7
 * also to the number of output rows): meant for test-sized inputs up to a few million events.
 */
public final class NexmarkOracle {

    private NexmarkOracle() {
    }

    /** The final table of query {@code q} over these events, with q13's standard side input. */
    public static ResultTable run(int q, List<Event> events) {
        return run(q, events, SideInput.standard());
    }

    /**
     * The final table of query {@code q} over these events (in arrival order).
     *
     * @throws IllegalArgumentException for q12 (see {@link Q12Invariants}) or an unknown query
     */
    public static ResultTable run(int q, List<Event> events, SideInput sideInput) {
        List<Row> rows = switch (q) {
            case 0, 1, 2, 10, 13, 14, 21, 22 -> BidQueries.run(q, events, sideInput);
            case 3 -> JoinQueries.q3(events);
            case 4 -> WinningBidQueries.q4(events);
            case 5 -> WindowQueries.q5(events);
            case 6 -> AverageSellingPriceQuery.q6(events);
            case 7 -> WindowQueries.q7(events);
            case 8 -> WindowQueries.q8(events);
            case 9 -> WinningBidQueries.q9(events);
            case 11 -> SessionQuery.q11(events);
            case 12 -> throw new IllegalArgumentException(
                    "q12 uses processing time, no oracle can give its rows: check them with Q12Invariants");
            case 15 -> DailyStatsQueries.q15(events);
            case 16 -> DailyStatsQueries.q16(events);
            case 17 -> DailyStatsQueries.q17(events);
            case 18 -> RankQueries.q18(events);
            case 19 -> RankQueries.q19(events);
            case 20 -> JoinQueries.q20(events);
            default -> throw new IllegalArgumentException("no query q" + q + " (queries are q0..q22)");
        };
        return new ResultTable(NexmarkQueries.columns(q), rows);
    }
}
