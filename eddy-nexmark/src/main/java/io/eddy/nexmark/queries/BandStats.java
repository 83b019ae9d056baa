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
 * rank2 &lt; 1,000,000; rank3 the rest), and for q16 MAX of the 'HH:mm' text. The state of a
 * group is its current result row, so the -U row is read, not rebuilt, and the +U row is a
 * copy with the few counters a bid changes; the distinct sets are {@link DistinctBands}, where
 * a distinct count grows exactly when a bit is first set. Emits each group's row as +I, then
 * -U/+U on every change.
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
    /** The counter columns, last in the row: bids, bidders, auctions (each all, rank1..3). */
    private static final int COUNTERS = 12;
    private static final int BIDDERS = 4;
    private static final int AUCTIONS = 8;

    private final KeyColumns<K> keyColumns;
    private final boolean withMinute;
    private transient ValueState<Row> current;
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
        current = getRuntimeContext().getState(new ValueStateDescriptor<>("row", Row.class));
        bidders = distinctBands("bidders");
        auctions = distinctBands("auctions");
    }

    private DistinctBands distinctBands(String name) {
        return new DistinctBands(
                getRuntimeContext().getMapState(new MapStateDescriptor<>(name, Long.class, Integer.class)),
                getRuntimeContext().getMapState(new MapStateDescriptor<>(name + "-words", Long.class, long[].class)));
    }

    @Override
    public void processElement(Bid b, Context ctx, Collector<Change> out) throws Exception {
        Row before = current.value();
        Object[] values = before == null ? firstValues(ctx.getCurrentKey(), b.dateTime()) : valuesOf(before);
        int counters = values.length - COUNTERS;
        int bits = DistinctBands.bitsOf(band(b.price()));
        increment(values, counters, bits);
        addDistinct(values, counters + BIDDERS, bidders, b.bidder(), bits);
        addDistinct(values, counters + AUCTIONS, auctions, b.auction(), bits);
        if (withMinute && minuteOfDay(b.dateTime()) > minuteOfDay((String) values[counters - 1])) {
            values[counters - 1] = SqlFunctions.hourMinute(b.dateTime());
        }
        Row after = Row.of(values);
        current.update(after);
        Changes.update(before, after, out);
    }

    /** A new group's row before its first bid: key columns, the bid's minute, zero counters. */
    private Object[] firstValues(K key, long dateTime) {
        List<Object> columns = keyColumns.of(key);
        int minute = withMinute ? 1 : 0;
        Object[] values = new Object[columns.size() + minute + COUNTERS];
        columns.toArray(values);
        if (withMinute) {
            values[columns.size()] = SqlFunctions.hourMinute(dateTime);
        }
        for (int i = values.length - COUNTERS; i < values.length; i++) {
            values[i] = 0L;
        }
        return values;
    }

    private static Object[] valuesOf(Row row) {
        Object[] values = new Object[row.arity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    /** Adds one to the counters {@code first + bit} of the set bits (bit 0: all, 1..3: rank). */
    private static void increment(Object[] values, int first, int bits) {
        for (int bit = 0; bit < 4; bit++) {
            if ((bits & (1 << bit)) != 0) {
                values[first + bit] = (Long) values[first + bit] + 1;
            }
        }
    }

    /** Adds the id to the set whose counters start at {@code first} (its distinct count). */
    private static void addDistinct(Object[] values, int first, DistinctBands set, long id, int bits)
            throws Exception {
        increment(values, first, set.add(id, bits, (Long) values[first]));
    }

    /** Minutes since midnight: ordering by them is ordering by the 'HH:mm' text of one day. */
    private static int minuteOfDay(long millis) {
        return (int) (Math.floorMod(millis, MILLIS_PER_DAY) / 60_000);
    }

    private static int minuteOfDay(String hourMinute) {
        int hour = (hourMinute.charAt(0) - '0') * 10 + hourMinute.charAt(1) - '0';
        return hour * 60 + (hourMinute.charAt(3) - '0') * 10 + hourMinute.charAt(4) - '0';
    }
}
