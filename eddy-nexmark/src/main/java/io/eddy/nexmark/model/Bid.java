package io.eddy.nexmark.model;

/**
 * A bid on an auction: the {@code bid} view of the Nexmark queries, field for field.
 * {@code dateTime} is epoch milliseconds UTC.
 */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime,
                  String extra) implements Event {

    /** Event type code of bids in the JSON-lines format. */
    public static final int TYPE = 2;

    @Override
    public int eventType() {
        return TYPE;
    }
}
