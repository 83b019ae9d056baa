package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q4 and q9: the regular join of auctions and bids on {@code A.id = B.auction AND B.dateTime
 * BETWEEN A.dateTime AND A.expires} (inclusive both ends; a regular join, so arrival order
 * does not matter and nothing is late), then per auction the winning bid.
 *
 * <p>Ties in q9 (ROW_NUMBER ORDER BY price DESC, dateTime ASC, top 1): Flink's append-only
 * top-N keeps, among rows with equal sort keys, the one it received first. The join emits a
 * pair when the later of its two events arrives, so remaining ties go to the pair emitted
 * first, i.e. the smaller max(auction position, bid position). Pairs emitted by the same
 * arrival (an auction meeting several stored bids) come out of Flink's join state in hash
 * order, which is unspecified; Eddy's choice: the pair whose earlier event arrived first.
 */
final class WinningBidQueries {

    private WinningBidQueries() {
    }

    /** One joined pair with the arrival positions of its two events. */
    record Pair(Auction auction, int auctionAt, Bid bid, int bidAt) {
        int emittedAt() {
            return Math.max(auctionAt, bidAt);
        }

        int partnerAt() {
            return Math.min(auctionAt, bidAt);
        }
    }

    /** Winner order of q9: price DESC, bid time ASC, then emission order of the pair. */
    static final Comparator<Pair> WINNER_FIRST = ((Comparator<Pair>) (x, y) -> Long.compare(y.bid().price(),
            x.bid().price()))
            .thenComparingLong(p -> p.bid().dateTime())
            .thenComparingInt(Pair::emittedAt)
            .thenComparingInt(Pair::partnerAt);

    /** All joined pairs, grouped by auction id, in first-arrival order of the ids. */
    static Map<Long, List<Pair>> pairsByAuction(List<Event> events) {
        Map<Long, List<Integer>> auctionsAt = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Auction a) {
                auctionsAt.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Long, List<Pair>> pairs = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Bid b) {
                for (int at : auctionsAt.getOrDefault(b.auction(), List.of())) {
                    Auction a = (Auction) events.get(at);
                    if (a.dateTime() <= b.dateTime() && b.dateTime() <= a.expires()) {
                        pairs.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(new Pair(a, at, b, i));
                    }
                }
            }
        }
        return pairs;
    }

    /**
     * q4: per (auction id, category) the highest qualifying price; then per category the
     * truncated average of those. Auctions without a qualifying bid form no group.
     */
    static List<Row> q4(List<Event> events) {
        Map<List<Long>, Long> finals = new LinkedHashMap<>();
        for (List<Pair> pairs : pairsByAuction(events).values()) {
            for (Pair p : pairs) {
                finals.merge(List.of(p.auction().id(), p.auction().category()), p.bid().price(), Math::max);
            }
        }
        Map<Long, long[]> sumCount = new LinkedHashMap<>();
        finals.forEach((key, price) -> {
            long[] acc = sumCount.computeIfAbsent(key.get(1), k -> new long[2]);
            acc[0] += price;
            acc[1]++;
        });
        List<Row> rows = new ArrayList<>();
        sumCount.forEach((category, acc) -> rows.add(Row.of(category, SqlFunctions.avg(acc[0], acc[1]))));
        return rows;
    }

    /** q9: per auction id the single winning pair, auction columns then bid columns. */
    static List<Row> q9(List<Event> events) {
        List<Row> rows = new ArrayList<>();
        for (List<Pair> pairs : pairsByAuction(events).values()) {
            Pair w = pairs.stream().min(WINNER_FIRST).orElseThrow();
            Auction a = w.auction();
            Bid b = w.bid();
            rows.add(Row.of(a.id(), a.itemName(), a.description(), a.initialBid(), a.reserve(),
                    timestamp(a.dateTime()), timestamp(a.expires()), a.seller(), a.category(), a.extra(),
                    b.auction(), b.bidder(), b.price(), timestamp(b.dateTime()), b.extra()));
        }
        return rows;
    }
}
