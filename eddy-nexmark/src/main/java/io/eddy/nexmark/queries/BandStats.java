package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-group bid statistics of q15 (per day) and q16 (per channel and day): COUNT(*) and
 * COUNT(DISTINCT bidder / auction), overall and per price band (rank1 price &lt; 10,000;
 * rank2 &lt; 1,000,000; rank3 the rest), and for q16 MAX of the 'HH:mm' text. Counters live in
 * value state; the distinct sets in map state (id -> bitmask of the bands it was seen in, bit 0
 * for "any"), so a distinct count grows exactly when a bit is first set. Emits each group's
 * row as +I, then -U/+U on every change.
 */
final class BandStats<K> extends KeyedProcessFunction<K, Bid, Change> {

    /** The group-by columns of a key, in SELECT order. */
    @FunctionalInterface
    interface KeyColumns<K> extends Serializable {
        List<Object> of(K key);
    }

    /** Counters: [0..3] bids, [4..7] bidders, [8..11] auctions (all, rank1..3); q16's minute. */
    record Stats(long[] counts, String maxMinute) implements Serializable {
    }

    private final KeyColumns<K> keyColumns;
    private final boolean withMinute;
    private transient ValueState<Stats> stats;
    private transient MapState<Long, Integer> bidderBands;
    private transient MapState<Long, Integer> auctionBands;

    BandStats(KeyColumns<K> keyColumns, boolean withMinute) {
        this.keyColumns = keyColumns;
        this.withMinute = withMinute;
    }

    /** The price band of q15..q17: 1, 2 or 3. */
    static int band(long price) {
        return price < 10_000 ? 1 : price < 1_000_000 ? 2 : 3;
    }

    @Override
    public void open(OpenContext openContext) {
        stats = getRuntimeContext().getState(new ValueStateDescriptor<>("stats", Stats.class));
        bidderBands = getRuntimeContext().getMapState(new MapStateDescriptor<>("bidders", Long.class, Integer.class));
        auctionBands = getRuntimeContext().getMapState(new MapStateDescriptor<>("auctions", Long.class, Integer.class));
    }

    @Override
    public void processElement(Bid b, Context ctx, Collector<Change> out) throws Exception {
        Stats old = stats.value();
        long[] counts = old == null ? new long[12] : old.counts().clone();
        int band = band(b.price());
        counts[0]++;
        counts[band]++;
        addDistinct(bidderBands, b.bidder(), band, counts, 4);
        addDistinct(auctionBands, b.auction(), band, counts, 8);
        String minute = SqlFunctions.hourMinute(b.dateTime());
        String maxMinute = old == null || minute.compareTo(old.maxMinute()) > 0 ? minute : old.maxMinute();
        Stats now = new Stats(counts, maxMinute);
        stats.update(now);
        K key = ctx.getCurrentKey();
        Changes.update(old == null ? null : row(key, old), row(key, now), out);
    }

    private static void addDistinct(MapState<Long, Integer> seen, long id, int band, long[] counts, int offset)
            throws Exception {
        Integer mask = seen.get(id);
        int before = mask == null ? 0 : mask;
        int after = before | 1 | (1 << band);
        if (after != before) {
            seen.put(id, after);
            for (int bit = 0; bit < 4; bit++) {
                if ((after & ~before & (1 << bit)) != 0) {
                    counts[offset + bit]++;
                }
            }
        }
    }

    private Row row(K key, Stats s) {
        List<Object> values = new ArrayList<>(keyColumns.of(key));
        if (withMinute) {
            values.add(s.maxMinute());
        }
        for (long c : s.counts()) {
            values.add(c);
        }
        return Row.of(values.toArray());
    }
}
