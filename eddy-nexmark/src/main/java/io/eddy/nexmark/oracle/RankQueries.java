package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q18 (deduplication) and q19 (top-N): ROW_NUMBER over bids, whose final tables depend on
 * how ties between equal sort keys are resolved; both follow Flink.
 */
final class RankQueries {

    private RankQueries() {
    }

    /**
     * q18: per (bidder, auction) the bid with the latest dateTime. ORDER BY a time attribute
     * with rank 1 is Flink's deduplication, keep-last-row on event time: a new row replaces the
     * kept one when {@code kept.dateTime <= new.dateTime} (DeduplicateFunctionHelper#isDuplicate
     * in flink-table-runtime), so among equal times the LAST arrived row wins. Late bids are not
     * dropped (the deduplicate operator has no lateness check).
     */
    static List<Row> q18(List<Event> events) {
        Map<List<Long>, Bid> kept = new LinkedHashMap<>();
        for (Event e : events) {
            if (e instanceof Bid b) {
                kept.merge(List.of(b.bidder(), b.auction()), b, (old, now) -> old.dateTime() <= now.dateTime() ? now : old);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Bid b : kept.values()) {
            rows.add(Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), timestamp(b.dateTime()),
                    b.extra()));
        }
        return rows;
    }

    /**
     * q19: per auction the 10 highest prices with rank_number 1..10. Flink's append-only
     * top-N places a new row after the rows already held with an equal sort key, and drops it
     * when that is beyond rank 10: so ties rank by arrival order (earlier is better) and a
     * late-arriving equal price never displaces a held row. That equals a stable sort of each
     * auction's bids by price DESC, cut at 10.
     */
    static List<Row> q19(List<Event> events) {
        Map<Long, List<Bid>> byAuction = new LinkedHashMap<>();
        for (Event e : events) {
            if (e instanceof Bid b) {
                byAuction.computeIfAbsent(b.auction(), k -> new ArrayList<>()).add(b);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<Bid> bids : byAuction.values()) {
            List<Bid> sorted = new ArrayList<>(bids);
            sorted.sort(Comparator.comparingLong(Bid::price).reversed()); // List.sort is stable
            for (int rank = 1; rank <= Math.min(10, sorted.size()); rank++) {
                Bid b = sorted.get(rank - 1);
                rows.add(Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), timestamp(b.dateTime()),
                        b.extra(), (long) rank));
            }
        }
        return rows;
    }
}
