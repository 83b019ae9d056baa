package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;
import java.util.List;

/**
 * The per-group bid statistics of q15 (per day) and q16 (per channel and day): COUNT(*) and
 * COUNT(DISTINCT bidder / auction), overall and per price band (rank1 price &lt; 10,000;
 * rank2 &lt; 1,000,000; rank3 the rest), and for q16 MAX of the 'HH:mm' text. A group's state
 * is one {@link BandGroup} (counters, minute, small distinct sets) plus, for large sets, the
 * bitmaps of {@link DistinctBands}, where a distinct count grows exactly when a bit is first
 * set. Emits each group's row as +I, then -U/+U on every change.
 *
 * <p>Groups are keyed by the epoch day, not its 'yyyy-MM-dd' text: for the years 0000..9999
 * that timestamps can have here the two are one to one, and the text is only needed for a
 * group's first row.
 */
final class BandStats<K> extends KeyedProcessFunction<K, Bid, Change> {

    /** The group-by columns of a key, in SELECT order. */
    @FunctionalInterface
    interface KeyColumns<K> extends Serializable {
        List<Object> of(K key);
    }

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final KeyColumns<K> keyColumns;
    private final boolean withMinute;
    private transient ValueState<BandGroup> group;
    private transient DistinctBands bidders;
    private transient DistinctBands auctions;

    BandStats(KeyColumns<K> keyColumns, boolean withMinute) {
        this.keyColumns = keyColumns;
        this.withMinute = withMinute;
    }

    /** The price band of q15..q17: 1, 2 or 3. */
    static int band(long price) {
        return price < 10_000 ? 1 : price < 1_000_000 ? 2 : 3;
    }

    /** The group key part of a timestamp: its UTC day. */
    static long epochDay(long millis) {
        return Math.floorDiv(millis, MILLIS_PER_DAY);
    }

    /** DATE_FORMAT(ts, 'yyyy-MM-dd') of any timestamp in the day. */
    static String dayText(long epochDay) {
        return SqlFunctions.day(epochDay * MILLIS_PER_DAY);
    }

    @Override
    public void open(OpenContext openContext) {
        group = getRuntimeContext().getState(new ValueStateDescriptor<>("group", BandGroup.SERIALIZER));
        bidders = distinctBands("bidders");
        auctions = distinctBands("auctions");
    }

    private DistinctBands distinctBands(String name) {
        return new DistinctBands(
                getRuntimeContext().getMapState(new MapStateDescriptor<>(name + "-words", Long.class, long[].class)));
    }

    @Override
    public void processElement(Bid b, Context ctx, Collector<Change> out) throws Exception {
        BandGroup g = group.value();
        Row before = null;
        if (g == null) {
            g = new BandGroup(keyColumns.of(ctx.getCurrentKey()).toArray(), withMinute ? minuteOfDay(b.dateTime()) : -1);
        } else {
            before = g.row();
        }
        int bits = DistinctBands.bitsOf(band(b.price()));
        g.increment(BandGroup.BIDS, bits);
        g.increment(BandGroup.BIDDERS, bidders.add(g.bidders, b.bidder(), bits));
        g.increment(BandGroup.AUCTIONS, auctions.add(g.auctions, b.auction(), bits));
        if (withMinute) {
            g.seeMinute(minuteOfDay(b.dateTime()));
        }
        group.update(g);
        if (before == null) {
            out.collect(Change.insert(g.row()));
        } else {
            Changes.replace(before, g.row(), out); // COUNT(*) went up
        }
    }

    /** Minutes since midnight: ordering by them is ordering by the 'HH:mm' text of one day. */
    private static int minuteOfDay(long millis) {
        return (int) (Math.floorMod(millis, MILLIS_PER_DAY) / 60_000);
    }
}
