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
 * group stay ignored. The rules are the static methods here, shared with
 * {@link AsyncClosingAuctions}, the same function on V2 state.
 */
final class ClosingAuctions extends AuctionBidJoin<ClosedAuction> {

    /** A group of the auction id being processed: its seller and expiry. */
    record GroupKey(long seller, long expires) implements Serializable {
        static GroupKey of(Auction a) {
            return new GroupKey(a.seller(), a.expires());
        }
    }

    /** A group's progress; {@code best} is meaningful when {@code hasBid}. */
    record Group(boolean closed, boolean hasBid, long best) implements Serializable {
        static final Group NEW = new Group(false, false, 0);

        /** The group after a qualifying bid, or null if the bid changes nothing. */
        Group raisedBy(Bid b) {
            return !closed && (!hasBid || b.price() > best) ? new Group(false, true, b.price()) : null;
        }

        /** Whether the group is open and closes at {@code time} at the latest. */
        boolean dueAt(GroupKey key, long time) {
            return !closed && closeTime(key.expires()) <= time;
        }

        /** The closed group, emitting its auction if it had a bid. */
        Group close(long id, GroupKey key, long closeTime, Collector<ClosedAuction> out) {
            if (hasBid) {
                out.collect(new ClosedAuction(key.seller(), closeTime, key.expires(), id, best));
            }
            return new Group(true, hasBid, best);
        }
    }

    /** Groups due together close in this order, as the oracle closes them. */
    static final Comparator<Map.Entry<GroupKey, Group>> CLOSING_ORDER = Map.Entry.comparingByKey(
            Comparator.comparingLong(GroupKey::expires).thenComparingLong(GroupKey::seller));

    private transient MapState<GroupKey, Group> groups;

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        groups = getRuntimeContext().getMapState(new MapStateDescriptor<>("groups", GroupKey.class, Group.class));
    }

    @Override
    protected void onPair(Auction a, Bid b, Context ctx, Collector<ClosedAuction> out) throws Exception {
        GroupKey key = GroupKey.of(a);
        Group raised = groupOf(key, ctx).raisedBy(b);
        if (raised != null) {
            groups.put(key, raised);
        }
    }

    @Override
    protected void afterAuction(Auction a, Context ctx, Collector<ClosedAuction> out) throws Exception {
        GroupKey key = GroupKey.of(a);
        Group g = groupOf(key, ctx);
        long watermark = ctx.timerService().currentWatermark();
        if (g.dueAt(key, watermark)) {
            groups.put(key, g.close(a.id(), key, watermark + 1, out));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClosedAuction> out) throws Exception {
        List<Map.Entry<GroupKey, Group>> due = new ArrayList<>();
        for (Map.Entry<GroupKey, Group> e : groups.entries()) {
            if (e.getValue().dueAt(e.getKey(), timestamp)) {
                due.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        due.sort(CLOSING_ORDER);
        for (Map.Entry<GroupKey, Group> e : due) {
            GroupKey key = e.getKey();
            groups.put(key, e.getValue().close(ctx.getCurrentKey(), key, closeTime(key.expires()), out));
        }
    }

    /** The group, created open (with its closing timer) if this is its first row. */
    private Group groupOf(GroupKey key, Context ctx) throws Exception {
        Group g = groups.get(key);
        if (g == null) {
            g = Group.NEW;
            groups.put(key, g);
            ctx.timerService().registerEventTimeTimer(closeTime(key.expires()));
        }
        return g;
    }

    /** expires + 1, the first watermark that closes the group (saturating). */
    static long closeTime(long expires) {
        return expires == Long.MAX_VALUE ? Long.MAX_VALUE : expires + 1;
    }
}
