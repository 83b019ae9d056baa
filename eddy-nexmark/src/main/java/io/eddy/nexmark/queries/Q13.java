package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFlatMapFunction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SideInput;
import io.eddy.nexmark.result.Row;

import java.nio.file.Path;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q13 Bounded side input join: each bid joined with the side-input rows whose key is
 * auction mod 10000 (Java remainder, as SQL MOD: negative auctions find no row). The side
 * input never changes, so every subtask loads the whole table in open() (a broadcast map) and
 * the join is a flatMap. Append-only.
 */
public final class Q13 extends NumberedQuery {

    public Q13() {
        super(13);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events).flatMap(new SideInputJoin(context.sideInputFile())).name(name());
    }

    /** The flatMap; the side input is the one collection a function may hold: it is static. */
    private static final class SideInputJoin extends RichFlatMapFunction<Bid, Change> {
        private final String file;
        private transient SideInput sideInput;

        SideInputJoin(String file) {
            this.file = file;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            sideInput = file == null ? SideInput.standard() : SideInput.readCsv(Path.of(file));
        }

        @Override
        public void flatMap(Bid b, Collector<Change> out) {
            for (String value : sideInput.valuesOf(b.auction() % 10_000)) {
                out.collect(Change.insert(Row.of(b.auction(), b.bidder(), b.price(), timestamp(b.dateTime()), value)));
            }
        }
    }
}
