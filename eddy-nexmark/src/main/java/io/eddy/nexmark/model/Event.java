package io.eddy.nexmark.model;

import java.io.Serializable;

/**
 * One Nexmark event: a {@link Person}, an {@link Auction} or a {@link Bid}.
 *
 * <p>Why a sealed interface and not a wrapper with three nullable fields: the engine moves
 * millions of events per second, and the three records themselves are the events, so no
 * wrapper object is allocated per event. Dispatch with a pattern {@code switch}, which the
 * compiler checks for exhaustiveness.
 *
 * <p>Events are immutable values (records): safe to hand downstream and share across threads.
 * Serializable, so that byte-oriented state backends can keep them (joins store events).
 */
public sealed interface Event extends Serializable permits Person, Auction, Bid {

    /** The event time, epoch milliseconds UTC. */
    long dateTime();

    /** The {@code event_type} code of the JSON-lines format: 0 person, 1 auction, 2 bid. */
    int eventType();
}
