package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.math.BigDecimal;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q14 Calculation: bids with 1,000,000 &lt; 0.908 * price &lt; 50,000,000 (exclusive, compared
 * as DECIMAL), their time-of-day class and the number of 'c' in extra (flatMap). Append-only.
 */
public final class Q14 extends NumberedQuery {

    private static final BigDecimal LOW = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal HIGH = BigDecimal.valueOf(50_000_000);

    public Q14() {
        super(14);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events).<Change>flatMap((b, out) -> {
            BigDecimal euros = SqlFunctions.euros(b.price());
            if (euros.compareTo(LOW) > 0 && euros.compareTo(HIGH) < 0) {
                out.collect(Change.insert(row(b, euros)));
            }
        }).name(name());
    }

    private static Row row(Bid b, BigDecimal euros) {
        return Row.of(b.auction(), b.bidder(), euros, bidTimeType(SqlFunctions.hour(b.dateTime())),
                timestamp(b.dateTime()), b.extra(), SqlFunctions.countChar(b.extra(), 'c'));
    }

    /** The CASE on HOUR(dateTime): 8..18 dayTime, 0..6 or 20..23 nightTime, 7 and 19 otherTime. */
    private static String bidTimeType(int hour) {
        if (hour >= 8 && hour <= 18) {
            return "dayTime";
        }
        return hour <= 6 || hour >= 20 ? "nightTime" : "otherTime";
    }
}
