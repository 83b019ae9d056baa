package io.eddy.nexmark.queries;

import java.io.Serializable;
import java.util.Comparator;

/**
 * q6: an auction group (id, seller, expires) that closed with at least one qualifying bid, and
 * its final (highest) price. {@code closeTime} orders closings as the oracle performs them:
 * expires + 1 for a group closed by its timer; the watermark + 1 for a group whose auction
 * arrived when the watermark had already passed its expiry (the oracle closes it before the
 * next event, after every group closed so far and before any group expiring later).
 */
record ClosedAuction(long seller, long closeTime, long expires, long id, long price) implements Serializable {

    /** The oracle's order among groups closing at one watermark. */
    static final Comparator<ClosedAuction> CLOSING_ORDER =
            Comparator.comparingLong(ClosedAuction::expires).thenComparingLong(ClosedAuction::id);
}
