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
 *
 * <p>{@link #of} gives this function on synchronous state or on V2 state (same rules, same state
 * names): the pending list read by {@code asyncGet} and written by {@code asyncPut}, the timer
 * reading the due auctions and the last finals together.
 */
final class SellerAverages {

    private static final int LAST_N = 10;

    private SellerAverages() {
    }

    /** The function, on V2 state if {@code async}. */
    static KeyedProcessFunction<Long, ClosedAuction, Change> of(boolean async) {
        return async ? new Async() : new Sync();
    }

    /** The auctions waiting for a close time, with {@code closed} added. */
    private static List<ClosedAuction> withPending(List<ClosedAuction> waiting, ClosedAuction closed) {
        List<ClosedAuction> now = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
        now.add(closed);
        return now;
    }

    /** Emits the average of each due auction in closing order; returns the seller's last finals after them. */
    private static long[] closeAll(List<ClosedAuction> pending, long[] lastFinals, Collector<Change> out) {
        List<ClosedAuction> due = new ArrayList<>(pending);
        due.sort(ClosedAuction.CLOSING_ORDER);
        long[] finals = lastFinals;
        for (ClosedAuction closed : due) {
            finals = append(finals, closed.price());
            long sum = 0;
            for (long f : finals) {
                sum += f;
            }
            out.collect(Change.insert(Row.of(closed.seller(), SqlFunctions.avg(sum, finals.length))));
        }
        return finals;
    }

    /** The last up to {@value #LAST_N} finals after appending one. */
    private static long[] append(long[] finals, long price) {
        long[] base = finals == null ? new long[0] : finals;
        long[] now = Arrays.copyOfRange(base, Math.max(0, base.length + 1 - LAST_N), base.length + 1);
        now[now.length - 1] = price;
        return now;
    }

    private static final class Sync extends KeyedProcessFunction<Long, ClosedAuction, Change> {
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
            pending.put(closed.closeTime(), withPending(pending.get(closed.closeTime()), closed));
            ctx.timerService().registerEventTimeTimer(closed.closeTime());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Change> out) throws Exception {
            List<ClosedAuction> due = pending.get(timestamp);
            pending.remove(timestamp);
            lastFinals.update(closeAll(due, lastFinals.value(), out));
        }
    }

    private static final class Async extends KeyedProcessFunction<Long, ClosedAuction, Change> {
        private transient io.eddy.api.state.v2.MapState<Long, List<ClosedAuction>> pending;
        private transient io.eddy.api.state.v2.ValueState<long[]> lastFinals;

        @Override
        public void open(OpenContext openContext) {
            pending = getRuntimeContext().getMapState(new io.eddy.api.state.v2.MapStateDescriptor<>("pending",
                    TypeSerializers.of(Long.class), TypeSerializers.generic()));
            lastFinals = getRuntimeContext().getState(
                    new io.eddy.api.state.v2.ValueStateDescriptor<>("lastFinals", long[].class));
        }

        @Override
        public void processElement(ClosedAuction closed, Context ctx, Collector<Change> out) {
            pending.asyncGet(closed.closeTime())
                    .thenCompose(waiting -> pending.asyncPut(closed.closeTime(), withPending(waiting, closed)));
            ctx.timerService().registerEventTimeTimer(closed.closeTime());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Change> out) {
            pending.asyncGet(timestamp).thenCombine(lastFinals.asyncValue(),
                    (due, finals) -> closeAll(due, finals, out))
                    .thenCompose(finals -> {
                        pending.asyncRemove(timestamp);
                        return lastFinals.asyncUpdate(finals);
                    });
        }
    }
}
