package io.eddy.nexmark.model;

/**
 * An auction opened by a seller: the {@code auction} view of the Nexmark queries, field for
 * field. {@code dateTime} (opening) and {@code expires} (closing) are epoch milliseconds UTC.
 */
public record Auction(long id, String itemName, String description, long initialBid, long reserve,
                      long dateTime, long expires, long seller, long category, String extra)
        implements Event {

    /** Event type code of auctions in the JSON-lines format. */
    public static final int TYPE = 1;

    @Override
    public int eventType() {
        return TYPE;
    }
}
