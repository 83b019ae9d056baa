package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q11: bids per bidder session (event-time SESSION window, gap 10 s), simulated the way
 * Flink's merging WindowOperator runs it, because here lateness changes session shapes:
 * <ul>
 *   <li>a bid at t opens the window [t, t + gap); windows of one bidder merge when they
 *       intersect, touching included ([a, b) and [b, c) merge), so bids exactly 10 s apart
 *       share a session; SESSION_START is the first bid, SESSION_END the last bid + gap;</li>
 *   <li>a session fires (one row, then its state is gone) once the watermark reaches
 *       end - 1; a later bid inside its span starts a new session;</li>
 *   <li>a bid whose window, after merging, has already fired is dropped (it can only be late
 *       if it merges with no live session).</li>
 * </ul>
 */
final class SessionQuery {

    static final long GAP = 10_000;

    private SessionQuery() {
    }

    /** A session [start, end) of a bidder with its bid count; dead once merged into another. */
    private static final class Session {
        final long bidder;
        long start;
        long end;
        long count;
        boolean dead;

        Session(long bidder, long start, long end, long count) {
            this.bidder = bidder;
            this.start = start;
            this.end = end;
            this.count = count;
        }

        boolean intersects(long otherStart, long otherEnd) {
            return start <= otherEnd && end >= otherStart;
        }
    }

    /** Live sessions per bidder. */
    private final Map<Long, List<Session>> live = new HashMap<>();
    /** Live and dead sessions by end; dead ones are skipped when they surface. */
    private final PriorityQueue<Session> byEnd = new PriorityQueue<>(Comparator.comparingLong((Session s) -> s.end));
    private final List<Row> rows = new ArrayList<>();

    static List<Row> q11(List<Event> events) {
        SessionQuery run = new SessionQuery();
        long[] watermarks = EventTime.watermarksAtArrival(events);
        for (int i = 0; i < events.size(); i++) {
            run.fire(watermarks[i]);
            if (events.get(i) instanceof Bid b) {
                run.add(b.bidder(), b.dateTime(), watermarks[i]);
            }
        }
        run.fire(Long.MAX_VALUE);
        return run.rows;
    }

    /** Merges [t, t + gap) into the bidder's sessions, or drops the bid if that window fired. */
    private void add(long bidder, long t, long watermark) {
        List<Session> sessions = live.computeIfAbsent(bidder, k -> new ArrayList<>());
        Session merged = new Session(bidder, t, t + GAP, 1);
        boolean grown = true;
        while (grown) { // the merged window may reach further sessions once it has grown
            grown = false;
            for (Iterator<Session> it = sessions.iterator(); it.hasNext(); ) {
                Session s = it.next();
                if (s.intersects(merged.start, merged.end)) {
                    merged.start = Math.min(merged.start, s.start);
                    merged.end = Math.max(merged.end, s.end);
                    merged.count += s.count;
                    s.dead = true;
                    it.remove();
                    grown = true;
                }
            }
        }
        if (EventTime.fired(merged.end, watermark)) {
            return; // late (WindowOperator retires the window): possible only if nothing merged
        }
        sessions.add(merged);
        byEnd.add(merged);
    }

    /** Emits and forgets every live session that fires at this watermark. */
    private void fire(long watermark) {
        while (!byEnd.isEmpty() && EventTime.fired(byEnd.peek().end, watermark)) {
            Session s = byEnd.poll();
            if (!s.dead) {
                live.get(s.bidder).remove(s);
                rows.add(Row.of(s.bidder, s.count, timestamp(s.start), timestamp(s.end)));
            }
        }
    }
}
