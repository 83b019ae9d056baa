package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * q15, q16, q17: unwindowed GROUP BY over bids (per day; per channel and day; per auction and
 * day) with COUNT, COUNT DISTINCT and FILTER clauses by price band. The final table is one row
 * per group with the aggregates over all its bids; nothing is late. Price bands: rank1
 * price &lt; 10,000; rank2 10,000 &lt;= price &lt; 1,000,000; rank3 price &gt;= 1,000,000.
 */
final class DailyStatsQueries {

    private DailyStatsQueries() {
    }

    static int band(long price) {
        return price < 10_000 ? 1 : price < 1_000_000 ? 2 : 3;
    }

    /** Aggregates of one group. Index 0 is "all bids", 1..3 the price bands. */
    private static final class Stats {
        final long[] bids = new long[4];
        final List<Set<Long>> bidders = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        final List<Set<Long>> auctions = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        String maxMinute;
        long minPrice = Long.MAX_VALUE;
        long maxPrice = Long.MIN_VALUE;
        long sumPrice;

        void add(Bid b) {
            for (int i : new int[] {0, band(b.price())}) {
                bids[i]++;
                bidders.get(i).add(b.bidder());
                auctions.get(i).add(b.auction());
            }
            String minute = SqlFunctions.hourMinute(b.dateTime());
            if (maxMinute == null || minute.compareTo(maxMinute) > 0) {
                maxMinute = minute;
            }
            minPrice = Math.min(minPrice, b.price());
            maxPrice = Math.max(maxPrice, b.price());
            sumPrice += b.price();
        }

        /** The 12 columns total_bids .. rank3_auctions of q15 and q16. */
        List<Object> counts() {
            List<Object> values = new ArrayList<>();
            for (long n : bids) {
                values.add(n);
            }
            bidders.forEach(s -> values.add((long) s.size()));
            auctions.forEach(s -> values.add((long) s.size()));
            return values;
        }
    }

    private static Map<List<Object>, Stats> group(List<Event> events, Function<Bid, List<Object>> key) {
        Map<List<Object>, Stats> groups = new LinkedHashMap<>();
        for (Event e : events) {
            if (e instanceof Bid b) {
                groups.computeIfAbsent(key.apply(b), k -> new Stats()).add(b);
            }
        }
        return groups;
    }

    /** q15: per day. */
    static List<Row> q15(List<Event> events) {
        List<Row> rows = new ArrayList<>();
        group(events, b -> List.of(SqlFunctions.day(b.dateTime()))).forEach((key, s) -> {
            List<Object> values = new ArrayList<>(key);
            values.addAll(s.counts());
            rows.add(Row.of(values.toArray()));
        });
        return rows;
    }

    /** q16: per (channel, day), with the latest 'HH:mm' (string MAX). A null channel is a group. */
    static List<Row> q16(List<Event> events) {
        List<Row> rows = new ArrayList<>();
        group(events, b -> Arrays.asList(b.channel(), SqlFunctions.day(b.dateTime()))).forEach((key, s) -> {
            List<Object> values = new ArrayList<>(key);
            values.add(s.maxMinute);
            values.addAll(s.counts());
            rows.add(Row.of(values.toArray()));
        });
        return rows;
    }

    /** q17: per (auction, day): bid counts per band, min/max/avg (truncated)/sum of price. */
    static List<Row> q17(List<Event> events) {
        List<Row> rows = new ArrayList<>();
        group(events, b -> List.of(b.auction(), SqlFunctions.day(b.dateTime()))).forEach((key, s) -> rows.add(
                Row.of(key.get(0), key.get(1), s.bids[0], s.bids[1], s.bids[2], s.bids[3], s.minPrice, s.maxPrice,
                        SqlFunctions.avg(s.sumPrice, s.bids[0]), s.sumPrice)));
        return rows;
    }
}
