package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.nexmark.result.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * The TUMBLE/HOP window queries q5, q7, q8. Windows are [start, end), aligned to the epoch.
 * A record is counted in each of its windows that has not fired when it arrives
 * ({@link EventTime#fired}); windows without records produce nothing. The final table is
 * every row emitted when the windows fire (append-only).
 */
final class WindowQueries {

    static final long TEN_SECONDS = 10_000;
    static final long HOP_SLIDE = 2_000;

    private WindowQueries() {
    }

    /**
     * q5: per hop window (size 10 s, slide 2 s) the auction(s) whose bid count equals the
     * window's maximum; one row (auction, num) per window and winning auction, so the same
     * pair appears once per window it wins.
     */
    static List<Row> q5(List<Event> events) {
        long[] watermarks = EventTime.watermarksAtArrival(events);
        Map<Long, Map<Long, Long>> countsByWindowStart = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Bid b) {
                long last = EventTime.windowStart(b.dateTime(), HOP_SLIDE);
                for (long start = last - TEN_SECONDS + HOP_SLIDE; start <= last; start += HOP_SLIDE) {
                    if (!EventTime.fired(start + TEN_SECONDS, watermarks[i])) {
                        countsByWindowStart.computeIfAbsent(start, k -> new LinkedHashMap<>())
                                .merge(b.auction(), 1L, Long::sum);
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map<Long, Long> counts : countsByWindowStart.values()) {
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            counts.forEach((auction, n) -> {
                if (n == max) {
                    rows.add(Row.of(auction, n));
                }
            });
        }
        return rows;
    }

    /**
     * q7: the window maxima come from a 10 s TUMBLE aggregate (late bids are not counted
     * there), then a regular join with ALL bids (late ones included: the join has no
     * lateness) on price = max and window_end - 10 s &lt;= dateTime &lt;= window_end. The upper
     * bound is inclusive, so a bid exactly at window_end (it belongs to the next window) also
     * matches the previous window when its price equals that window's maximum; such a bid can
     * then appear twice.
     */
    static List<Row> q7(List<Event> events) {
        long[] watermarks = EventTime.watermarksAtArrival(events);
        Map<Long, Long> maxByWindowEnd = new TreeMap<>();
        Map<Long, List<Bid>> bidsByPrice = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Bid b) {
                bidsByPrice.computeIfAbsent(b.price(), k -> new ArrayList<>()).add(b);
                long end = EventTime.windowStart(b.dateTime(), TEN_SECONDS) + TEN_SECONDS;
                if (!EventTime.fired(end, watermarks[i])) {
                    maxByWindowEnd.merge(end, b.price(), Math::max);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        maxByWindowEnd.forEach((end, max) -> {
            for (Bid b : bidsByPrice.get(max)) {
                if (end - TEN_SECONDS <= b.dateTime() && b.dateTime() <= end) {
                    rows.add(Row.of(b.auction(), b.price(), b.bidder(), timestamp(b.dateTime()), b.extra()));
                }
            }
        });
        return rows;
    }

    /**
     * q8: people (grouped by id, name, window: duplicates collapse) and sellers (grouped by
     * seller, window) of the same 10 s TUMBLE window, joined on id = seller and window. Each
     * side only holds the records that were not late for their window.
     */
    static List<Row> q8(List<Event> events) {
        long[] watermarks = EventTime.watermarksAtArrival(events);
        Set<List<Object>> people = new LinkedHashSet<>();
        Set<List<Long>> sellers = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            long start = EventTime.windowStart(e.dateTime(), TEN_SECONDS);
            if (EventTime.fired(start + TEN_SECONDS, watermarks[i])) {
                continue;
            }
            if (e instanceof Person p) {
                people.add(Arrays.asList(p.id(), p.name(), start));
            } else if (e instanceof Auction a) {
                sellers.add(List.of(a.seller(), start));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<Object> p : people) {
            if (sellers.contains(List.of((Long) p.get(0), (Long) p.get(2)))) {
                rows.add(Row.of(p.get(0), p.get(1), timestamp((Long) p.get(2))));
            }
        }
        return rows;
    }
}
