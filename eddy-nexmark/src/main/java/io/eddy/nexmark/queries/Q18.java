package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q18 Find last bid: deduplication keeping, per (bidder, auction), the bid with the latest
 * dateTime; a bid replaces the kept one when kept.dateTime &lt;= its dateTime, so among equal
 * times the later arrival wins, as Flink's keep-last-row. Late bids are not dropped. Updating.
 */
public final class Q18 extends NumberedQuery {

    public Q18() {
        super(18);
    }

    /** The partition key. */
    record BidderAuction(long bidder, long auction) implements Serializable {
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(b -> new BidderAuction(b.bidder(), b.auction()))
                .process(new KeepLast())
                .name(name());
    }

    private static final class KeepLast extends KeyedProcessFunction<BidderAuction, Bid, Change> {
        private transient ValueState<Bid> kept;

        @Override
        public void open(OpenContext openContext) {
            kept = getRuntimeContext().getState(new ValueStateDescriptor<>("kept", Bid.class));
        }

        @Override
        public void processElement(Bid b, Context ctx, Collector<Change> out) throws Exception {
            Bid old = kept.value();
            if (old == null || old.dateTime() <= b.dateTime()) {
                kept.update(b);
                Changes.update(old == null ? null : row(old), row(b), out);
            }
        }

        private static Row row(Bid b) {
            return Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), timestamp(b.dateTime()),
                    b.extra());
        }
    }
}
