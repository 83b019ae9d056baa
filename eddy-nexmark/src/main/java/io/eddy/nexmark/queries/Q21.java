package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.nexmark.result.Row;

/**
 * q21 Add channel id: the four well-known channels (case-insensitive) get fixed ids, which win
 * over the url; other bids keep the url's {@code channel_id} parameter, if any (flatMap).
 * Append-only.
 */
public final class Q21 extends NumberedQuery {

    public Q21() {
        super(21);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.bids(events).<Change>flatMap((b, out) -> {
            String fixed = fixedChannelId(SqlFunctions.lower(b.channel()));
            String id = fixed != null ? fixed : SqlFunctions.channelIdOfUrl(b.url());
            if (id != null) {
                out.collect(Change.insert(Row.of(b.auction(), b.bidder(), b.price(), b.channel(), id)));
            }
        }).name(name());
    }

    private static String fixedChannelId(String lowerChannel) {
        return lowerChannel == null ? null : switch (lowerChannel) {
            case "apple" -> "0";
            case "google" -> "1";
            case "facebook" -> "2";
            case "baidu" -> "3";
            default -> null;
        };
    }
}
