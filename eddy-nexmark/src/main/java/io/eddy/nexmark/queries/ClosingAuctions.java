package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * q6 step 1, keyed by auction id: per auction group (id, seller, expires) the highest
 * qualifying price, and the group's closing: an event-time timer at expires + 1 closes it
 * (the first watermark strictly above expires); pairs of a closed group are ignored. A group
 * whose auction arrives when the watermark is already above its expiry closes right after
 * meeting the stored bids (the oracle closes it before the next event; a timer would only fire
 * at the next watermark advance, letting bids in). Emits a {@link ClosedAuction} per group
 * that closed with a bid. Closed groups stay in state as markers, so that later rows of the
 * group stay ignored.
 */
final class ClosingAuctions extends AuctionBidJoin<ClosedAuction> {

    /** A group of the auction id being processed: its seller and expiry. */
    record GroupKey(long seller, long expires) implements Serializable {
    }

    /** A group's progress; {@code best} is meaningful when {@code hasBid}. */
    record Group(boolean closed, boolean hasBid, long best) implements Serializable {
    }

    private transient MapState<GroupKey, Group> groups;

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        groups = getRuntimeContext().getMapState(new MapStateDescriptor<>("groups", GroupKey.class, Group.class));
    }

    @Override
    protected void onPair(Auction a, Bid b, Context ctx, Collector<ClosedAuction> out) throws Exception {
        GroupKey key = new GroupKey(a.seller(), a.expires());
        Group g = groupOf(key, ctx);
        if (!g.closed() && (!g.hasBid() || b.price() > g.best())) {
            groups.put(key, new Group(false, true, b.price()));
        }
    }

    @Override
    protected void afterAuction(Auction a, Context ctx, Collector<ClosedAuction> out) throws Exception {
        GroupKey key = new GroupKey(a.seller(), a.expires());
        Group g = groupOf(key, ctx);
        long watermark = ctx.timerService().currentWatermark();
        if (!g.closed() && closeTime(a.expires()) <= watermark) {
            close(a.id(), key, g, watermark + 1, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClosedAuction> out) throws Exception {
        List<Map.Entry<GroupKey, Group>> due = new ArrayList<>();
        for (Map.Entry<GroupKey, Group> e : groups.entries()) {
            if (!e.getValue().closed() && closeTime(e.getKey().expires()) <= timestamp) {
                due.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        due.sort(Map.Entry.comparingByKey(
                Comparator.comparingLong(GroupKey::expires).thenComparingLong(GroupKey::seller)));
        for (Map.Entry<GroupKey, Group> e : due) {
            close(ctx.getCurrentKey(), e.getKey(), e.getValue(), closeTime(e.getKey().expires()), out);
        }
    }

    /** The group, created open (with its closing timer) if this is its first row. */
    private Group groupOf(GroupKey key, Context ctx) throws Exception {
        Group g = groups.get(key);
        if (g == null) {
            g = new Group(false, false, 0);
            groups.put(key, g);
            ctx.timerService().registerEventTimeTimer(closeTime(key.expires()));
        }
        return g;
    }

    private void close(long id, GroupKey key, Group g, long closeTime, Collector<ClosedAuction> out)
            throws Exception {
        groups.put(key, new Group(true, g.hasBid(), g.best()));
        if (g.hasBid()) {
            out.collect(new ClosedAuction(key.seller(), closeTime, key.expires(), id, g.best()));
        }
    }

    /** expires + 1, the first watermark that closes the group (saturating). */
    private static long closeTime(long expires) {
        return expires == Long.MAX_VALUE ? Long.MAX_VALUE : expires + 1;
    }
}
