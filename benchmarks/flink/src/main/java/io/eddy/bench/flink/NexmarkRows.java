package io.eddy.bench.flink;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Eddy's Nexmark events as Flink rows of the Nexmark project's combined {@code datagen} shape:
 * {@code event_type INT, person ROW<...>, auction ROW<...>, bid ROW<...>}, exactly one of the
 * three non-null. Rows are Flink's internal {@link RowData}, so the table runtime takes them
 * without a per-row conversion (the Nexmark project's own source also emits RowData).
 */
final class NexmarkRows {

    private NexmarkRows() {
    }

    static final DataType PERSON = DataTypes.ROW(
            DataTypes.FIELD("id", DataTypes.BIGINT()),
            DataTypes.FIELD("name", DataTypes.STRING()),
            DataTypes.FIELD("emailAddress", DataTypes.STRING()),
            DataTypes.FIELD("creditCard", DataTypes.STRING()),
            DataTypes.FIELD("city", DataTypes.STRING()),
            DataTypes.FIELD("state", DataTypes.STRING()),
            DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("extra", DataTypes.STRING()));

    static final DataType AUCTION = DataTypes.ROW(
            DataTypes.FIELD("id", DataTypes.BIGINT()),
            DataTypes.FIELD("itemName", DataTypes.STRING()),
            DataTypes.FIELD("description", DataTypes.STRING()),
            DataTypes.FIELD("initialBid", DataTypes.BIGINT()),
            DataTypes.FIELD("reserve", DataTypes.BIGINT()),
            DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("expires", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("seller", DataTypes.BIGINT()),
            DataTypes.FIELD("category", DataTypes.BIGINT()),
            DataTypes.FIELD("extra", DataTypes.STRING()));

    static final DataType BID = DataTypes.ROW(
            DataTypes.FIELD("auction", DataTypes.BIGINT()),
            DataTypes.FIELD("bidder", DataTypes.BIGINT()),
            DataTypes.FIELD("price", DataTypes.BIGINT()),
            DataTypes.FIELD("channel", DataTypes.STRING()),
            DataTypes.FIELD("url", DataTypes.STRING()),
            DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)),
            DataTypes.FIELD("extra", DataTypes.STRING()));

    /** The physical columns of the combined table. */
    static final DataType DATAGEN = DataTypes.ROW(
            DataTypes.FIELD("event_type", DataTypes.INT()),
            DataTypes.FIELD("person", PERSON),
            DataTypes.FIELD("auction", AUCTION),
            DataTypes.FIELD("bid", BID));

    static RowType rowType() {
        return (RowType) DATAGEN.getLogicalType();
    }

    static RowData toRow(Event event) {
        return switch (event) {
            case Person p -> GenericRowData.of(Person.TYPE, GenericRowData.of(
                    p.id(), str(p.name()), str(p.emailAddress()), str(p.creditCard()), str(p.city()),
                    str(p.state()), ts(p.dateTime()), str(p.extra())), null, null);
            case Auction a -> GenericRowData.of(Auction.TYPE, null, GenericRowData.of(
                    a.id(), str(a.itemName()), str(a.description()), a.initialBid(), a.reserve(),
                    ts(a.dateTime()), ts(a.expires()), a.seller(), a.category(), str(a.extra())), null);
            case Bid b -> GenericRowData.of(Bid.TYPE, null, null, GenericRowData.of(
                    b.auction(), b.bidder(), b.price(), str(b.channel()), str(b.url()),
                    ts(b.dateTime()), str(b.extra())));
        };
    }

    private static StringData str(String s) {
        return s == null ? null : StringData.fromString(s);
    }

    private static TimestampData ts(long epochMillis) {
        return TimestampData.fromEpochMillis(epochMillis);
    }

    /**
     * Index -> row: the event at that index of Eddy's generator. The generator is a pure
     * function of (seed, index), so each parallel source split (an index range) produces
     * exactly the events Eddy's own source produces for that range.
     */
    static final class Generate implements GeneratorFunction<Long, RowData> {
        private static final long serialVersionUID = 1L;

        private final long seed;
        private final double eventsPerSecond;
        private transient NexmarkGenerator generator;

        Generate(long seed, double eventsPerSecond) {
            this.seed = seed;
            this.eventsPerSecond = eventsPerSecond;
        }

        @Override
        public void open(SourceReaderContext context) {
            generator = new NexmarkGenerator(
                    NexmarkConfig.builder().seed(seed).eventsPerSecond(eventsPerSecond).build());
        }

        @Override
        public RowData map(Long index) {
            return toRow(generator.event(index));
        }
    }
}
