package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializers;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * q6 step 2, keyed by seller: closed auctions arrive from several upstream subtasks in no
 * particular order, so they wait in state under their close time, with an event-time timer
 * there. The timer fires once every upstream subtask has passed that watermark, i.e. when all
 * auctions closing at that time have arrived; they are then taken in the oracle's order
 * ({@link ClosedAuction#CLOSING_ORDER}), each emitting the truncated average of the seller's
 * last 10 finals, itself included.
 *
 * <p>One deviation is possible: two auction rows of one seller arriving after their expiry was
 * passed, with no watermark advance between them, close in (expires, id) order here but in
 * arrival order in the oracle. Generated streams have no such rows.
 */
final class SellerAverages extends KeyedProcessFunction<Long, ClosedAuction, Change> {

    private static final int LAST_N = 10;

    private transient MapState<Long, List<ClosedAuction>> pending;
    private transient ValueState<long[]> lastFinals;

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending", TypeSerializers.of(Long.class), TypeSerializers.generic()));
        lastFinals = getRuntimeContext().getState(new ValueStateDescriptor<>("lastFinals", long[].class));
    }

    @Override
    public void processElement(ClosedAuction closed, Context ctx, Collector<Change> out) throws Exception {
        List<ClosedAuction> waiting = pending.get(closed.closeTime());
        List<ClosedAuction> now = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
        now.add(closed);
        pending.put(closed.closeTime(), now);
        ctx.timerService().registerEventTimeTimer(closed.closeTime());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Change> out) throws Exception {
        List<ClosedAuction> due = new ArrayList<>(pending.get(timestamp));
        pending.remove(timestamp);
        due.sort(ClosedAuction.CLOSING_ORDER);
        long[] finals = lastFinals.value();
        for (ClosedAuction closed : due) {
            finals = append(finals, closed.price());
            long sum = 0;
            for (long f : finals) {
                sum += f;
            }
            out.collect(Change.insert(Row.of(closed.seller(), SqlFunctions.avg(sum, finals.length))));
        }
        lastFinals.update(finals);
    }

    /** The last up to {@value #LAST_N} finals after appending one. */
    private static long[] append(long[] finals, long price) {
        long[] base = finals == null ? new long[0] : finals;
        long[] now = Arrays.copyOfRange(base, Math.max(0, base.length + 1 - LAST_N), base.length + 1);
        now[now.length - 1] = price;
        return now;
    }
}
