package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.nio.file.Path;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q10 Log to file system: every bid with its partition columns dt (yyyy-MM-dd) and hm (HH:mm)
 * (map). When the context names an output folder, the rows also go to a
 * {@link PartitionedCsvSink} there, as Nexmark's partitioned file sink. Append-only.
 */
public final class Q10 extends NumberedQuery {

    public Q10() {
        super(10);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        DataStream<Change> rows = EventStreams.bids(events)
                .map(b -> Change.insert(Row.of(b.auction(), b.bidder(), b.price(), timestamp(b.dateTime()), b.extra(),
                        SqlFunctions.day(b.dateTime()), SqlFunctions.hourMinute(b.dateTime()))))
                .name(name());
        if (context.q10OutputDir() != null) {
            rows.sinkTo(new PartitionedCsvSink(Path.of(context.q10OutputDir()), 5)).name("q10 files");
        }
        return rows;
    }
}
