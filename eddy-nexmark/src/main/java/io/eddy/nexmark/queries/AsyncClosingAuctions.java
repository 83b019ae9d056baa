package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.v2.MapState;
import io.eddy.api.state.v2.MapStateDescriptor;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.queries.ClosingAuctions.Group;
import io.eddy.nexmark.queries.ClosingAuctions.GroupKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link ClosingAuctions} (q6 step 1) on V2 state, for the asynchronous model: the same rules,
 * with the group read by {@code asyncGet} and written by {@code asyncPut}, and a timer's due
 * groups found through {@code asyncEntries} and closed one after another in the oracle's order.
 */
final class AsyncClosingAuctions extends AsyncAuctionBidJoin<ClosedAuction> {

    private transient MapState<GroupKey, Group> groups;

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        groups = getRuntimeContext().getMapState(new MapStateDescriptor<>("groups", GroupKey.class, Group.class));
    }

    @Override
    protected StateFuture<Void> onPair(Auction a, Bid b, Context ctx, Collector<ClosedAuction> out) {
        GroupKey key = GroupKey.of(a);
        return groupOf(key, ctx).thenCompose(g -> {
            Group raised = g.raisedBy(b);
            return raised == null ? StateFutureUtils.completedVoidFuture() : groups.asyncPut(key, raised);
        });
    }

    @Override
    protected StateFuture<Void> afterAuction(Auction a, Context ctx, Collector<ClosedAuction> out) {
        GroupKey key = GroupKey.of(a);
        return groupOf(key, ctx).thenCompose(g -> {
            long watermark = ctx.timerService().currentWatermark();
            return g.dueAt(key, watermark) ? groups.asyncPut(key, g.close(a.id(), key, watermark + 1, out))
                    : StateFutureUtils.completedVoidFuture();
        });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClosedAuction> out) {
        long id = ctx.getCurrentKey();
        List<Map.Entry<GroupKey, Group>> due = new ArrayList<>();
        groups.asyncEntries()
                .thenCompose(entries -> entries.onNext((Map.Entry<GroupKey, Group> e) -> {
                    if (e.getValue().dueAt(e.getKey(), timestamp)) {
                        due.add(Map.entry(e.getKey(), e.getValue()));
                    }
                }))
                .thenCompose(done -> {
                    due.sort(ClosingAuctions.CLOSING_ORDER);
                    return inTurn(due, e -> groups.asyncPut(e.getKey(),
                            e.getValue().close(id, e.getKey(), ClosingAuctions.closeTime(e.getKey().expires()), out)));
                });
    }

    /** The group, created open (with its closing timer) if this is its first row. */
    private StateFuture<Group> groupOf(GroupKey key, Context ctx) {
        return groups.asyncGet(key).thenCompose(g -> {
            if (g != null) {
                return StateFutureUtils.completedFuture(g);
            }
            ctx.timerService().registerEventTimeTimer(ClosingAuctions.closeTime(key.expires()));
            return groups.asyncPut(key, Group.NEW).thenApply(done -> Group.NEW);
        });
    }
}
