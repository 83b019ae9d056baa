package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;

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

    /** The group key (the day as an epoch day); a record so that a NULL channel is a valid key. */
    record ChannelDay(String channel, long day) implements Serializable {
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events)
                .keyBy(b -> new ChannelDay(b.channel(), BandStats.epochDay(b.dateTime())))
                .process(new BandStats<ChannelDay>(k -> Arrays.asList(k.channel(), BandStats.dayText(k.day())), true))
                .name(name());
    }
}
