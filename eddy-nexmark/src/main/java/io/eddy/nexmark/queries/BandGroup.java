package io.eddy.nexmark.queries;

import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * The state value of one {@link BandStats} group: its group-by columns, the latest minute of
 * the day (q16), the twelve counters as primitives and the small forms of its two distinct
 * sets. One value per group, so a bid of a small group is one state read and one write. The
 * result row is built after a change and kept (not stored: it is derived) to be the -U row of
 * the next change. Mutable: {@link BandStats} changes it in place
 * and writes it back with {@code update()}, so the byte backends, which hand out copies, see
 * every change. {@link #SERIALIZER} is the compact form they store.
 */
final class BandGroup implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The counter columns, last in the row: bids, bidders, auctions (each all, rank1..3). */
    static final int BIDS = 0;
    static final int BIDDERS = 4;
    static final int AUCTIONS = 8;
    private static final int COUNTERS = 12;
    private static final String[] HOUR_MINUTES = hourMinutes();
    static final TypeSerializer<BandGroup> SERIALIZER = new Serializer();

    private final Object[] keyColumns;
    /** Minutes since midnight of the latest bid; -1 when the query has no minute column. */
    private int minute;
    private final long[] counters;
    final PackedIds bidders;
    final PackedIds auctions;
    /** The row as of the last change, once built: derived from the fields, so not stored. */
    private transient Row row;

    private BandGroup(Object[] keyColumns, int minute, long[] counters, PackedIds bidders, PackedIds auctions) {
        this.keyColumns = keyColumns;
        this.minute = minute;
        this.counters = counters;
        this.bidders = bidders;
        this.auctions = auctions;
    }

    /** A group before its first bid; {@code minute} -1 for a row without the minute column. */
    BandGroup(Object[] keyColumns, int minute) {
        this(keyColumns, minute, new long[COUNTERS], new PackedIds(), new PackedIds());
    }

    /** Adds one to the counters {@code first + bit} of the set bits (bit 0: all, 1..3: rank). */
    void increment(int first, int bits) {
        if (bits != 0) {
            row = null;
        }
        for (int bit = 0; bit < 4; bit++) {
            if ((bits & (1 << bit)) != 0) {
                counters[first + bit]++;
            }
        }
    }

    /** MAX of the minute column. REQUIRES: the group has one. */
    void seeMinute(int minuteOfDay) {
        if (minuteOfDay > minute) {
            minute = minuteOfDay;
            row = null;
        }
    }

    /** The group's result row: key columns, 'HH:mm' if tracked, counters. */
    Row row() {
        if (row == null) {
            row = newRow();
        }
        return row;
    }

    private Row newRow() {
        int minuteColumns = minute < 0 ? 0 : 1;
        Object[] values = new Object[keyColumns.length + minuteColumns + COUNTERS];
        System.arraycopy(keyColumns, 0, values, 0, keyColumns.length);
        if (minute >= 0) {
            values[keyColumns.length] = HOUR_MINUTES[minute];
        }
        int first = keyColumns.length + minuteColumns;
        for (int i = 0; i < COUNTERS; i++) {
            values[first + i] = counters[i];
        }
        return Row.of(values);
    }

    private static String[] hourMinutes() {
        String[] texts = new String[24 * 60];
        for (int m = 0; m < texts.length; m++) {
            texts[m] = SqlFunctions.hourMinute(m * 60_000L);
        }
        return texts;
    }

    /** Key columns (generic form), minute, counters, then the two packed sets. */
    private static final class Serializer implements TypeSerializer<BandGroup> {
        private static final long serialVersionUID = 1L;
        private static final TypeSerializer<Object> COLUMN = TypeSerializers.generic();

        @Override
        public void serialize(BandGroup group, DataOutput out) throws IOException {
            out.writeInt(group.keyColumns.length);
            for (Object column : group.keyColumns) {
                COLUMN.serialize(column, out);
            }
            out.writeInt(group.minute);
            for (long counter : group.counters) {
                out.writeLong(counter);
            }
            group.bidders.write(out);
            group.auctions.write(out);
        }

        @Override
        public BandGroup deserialize(DataInput in) throws IOException {
            Object[] keyColumns = new Object[in.readInt()];
            for (int i = 0; i < keyColumns.length; i++) {
                keyColumns[i] = COLUMN.deserialize(in);
            }
            int minute = in.readInt();
            long[] counters = new long[COUNTERS];
            for (int i = 0; i < COUNTERS; i++) {
                counters[i] = in.readLong();
            }
            return new BandGroup(keyColumns, minute, counters, PackedIds.read(in), PackedIds.read(in));
        }

        @Override
        public String name() {
            return "nexmark-band-group-v1";
        }
    }
}
