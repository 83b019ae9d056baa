package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.nexmark.result.Row;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/** The row (key, count, window start, window end) of a counted window: q11 and q12. */
final class WindowCountRow extends ProcessWindowFunction<Long, Change, Long, TimeWindow> {

    @Override
    public void process(Long key, Context ctx, Iterable<Long> counts, Collector<Change> out) {
        for (long count : counts) {
            out.collect(Change.insert(Row.of(key, count, timestamp(ctx.window().getStart()),
                    timestamp(ctx.window().getEnd()))));
        }
    }
}
