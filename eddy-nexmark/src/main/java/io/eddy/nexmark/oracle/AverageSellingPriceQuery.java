package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * q6, which Flink cannot run, so Eddy defines its result (this class is that definition):
 * <ol>
 *   <li>An auction group is keyed (id, seller, expires), as q6's inner GROUP BY. Its final
 *       price is the highest price of the bids joined to it (B.auction = A.id and
 *       A.dateTime &lt;= B.dateTime &lt;= A.expires), whichever arrived first, bid or auction.</li>
 *   <li>The group closes at the first watermark strictly greater than its expires (a timer at
 *       expires + 1). With the 4 s bound respected, no qualifying bid can arrive after that,
 *       so the result does not depend on how often watermarks are emitted. Bids (and auction
 *       rows) of the group arriving after it closed are ignored. End of input closes all.</li>
 *   <li>A closing group with at least one qualifying bid emits one row (seller, avg_price):
 *       the truncated average of the final prices of the seller's last 10 closed auctions,
 *       this one included, in closing order. Groups closing at the same watermark close in
 *       (expires, id) order. A group without a qualifying bid emits nothing and does not count
 *       among the 10.</li>
 * </ol>
 * The final table is all emitted rows (append-only).
 */
final class AverageSellingPriceQuery {

    private static final int LAST_N = 10;

    private AverageSellingPriceQuery() {
    }

    /** q6's inner GROUP BY key. */
    private record Key(long id, long seller, long expires) {
    }

    /** An auction group: the opening times of its auction rows and its best price so far. */
    private static final class Group {
        final Key key;
        final List<Long> openings = new ArrayList<>();
        long best;
        boolean hasBid;
        boolean closed;

        Group(Key key) {
            this.key = key;
        }

        void offer(Bid b) {
            for (long opening : openings) {
                if (opening <= b.dateTime() && b.dateTime() <= key.expires()) {
                    best = hasBid ? Math.max(best, b.price()) : b.price();
                    hasBid = true;
                    return;
                }
            }
        }
    }

    /** The state of one run over the input. */
    private final Map<Key, Group> groups = new HashMap<>();
    private final Map<Long, List<Group>> openById = new HashMap<>();
    private final PriorityQueue<Group> byClosing = new PriorityQueue<>(Comparator
            .comparingLong((Group g) -> g.key.expires()).thenComparingLong(g -> g.key.id())
            .thenComparingLong(g -> g.key.seller()));
    private final Map<Long, List<Bid>> bidsByAuction = new HashMap<>();
    private final Map<Long, Deque<Long>> lastFinals = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    static List<Row> q6(List<Event> events) {
        AverageSellingPriceQuery run = new AverageSellingPriceQuery();
        long[] watermarks = EventTime.watermarksAtArrival(events);
        for (int i = 0; i < events.size(); i++) {
            run.close(watermarks[i]);
            switch (events.get(i)) {
                case Auction a -> run.auction(a);
                case Bid b -> run.bid(b);
                default -> {
                }
            }
        }
        run.close(Long.MAX_VALUE);
        return run.rows;
    }

    private void auction(Auction a) {
        Key key = new Key(a.id(), a.seller(), a.expires());
        Group g = groups.get(key);
        if (g == null) {
            g = new Group(key);
            groups.put(key, g);
            openById.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(g);
            byClosing.add(g);
        } else if (g.closed) {
            return;
        }
        g.openings.add(a.dateTime());
        for (Bid b : bidsByAuction.getOrDefault(a.id(), List.of())) {
            g.offer(b);
        }
    }

    private void bid(Bid b) {
        bidsByAuction.computeIfAbsent(b.auction(), k -> new ArrayList<>()).add(b);
        for (Group g : openById.getOrDefault(b.auction(), List.of())) {
            g.offer(b);
        }
    }

    /** Closes, in (expires, id, seller) order, every open group with expires < watermark. */
    private void close(long watermark) {
        while (!byClosing.isEmpty() && byClosing.peek().key.expires() < watermark) {
            Group g = byClosing.poll();
            g.closed = true;
            openById.get(g.key.id()).remove(g);
            if (!g.hasBid) {
                continue;
            }
            Deque<Long> finals = lastFinals.computeIfAbsent(g.key.seller(), k -> new ArrayDeque<>());
            finals.addLast(g.best);
            if (finals.size() > LAST_N) {
                finals.removeFirst();
            }
            long sum = 0;
            for (long f : finals) {
                sum += f;
            }
            rows.add(Row.of(g.key.seller(), SqlFunctions.avg(sum, finals.size())));
        }
    }
}
