package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;

import java.io.Serializable;
import java.util.Arrays;

/**
 * q16 Channel statistics per (channel, day), NULL channel a group of its own: {@link BandStats}
 * with the latest 'HH:mm'. Updating.
 */
public final class Q16 extends NumberedQuery {

    public Q16() {
        super(16);
    }

    /** The group key; a record so that a NULL channel is a valid key. */
    record ChannelDay(String channel, String day) implements Serializable {
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(b -> new ChannelDay(b.channel(), SqlFunctions.day(b.dateTime())))
                .process(new BandStats<ChannelDay>(k -> Arrays.asList(k.channel(), k.day()), true))
                .name(name());
    }
}
