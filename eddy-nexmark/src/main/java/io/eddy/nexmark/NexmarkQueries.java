package io.eddy.nexmark;

import java.util.List;

/**
 * The result columns of each Nexmark query q0..q22: the SELECT list names of
 * {@code queries/qN.sql}, which are the header line of the query's CSV result (docs/nexmark.md).
 * Shared by the reference oracle and the engine's query implementations, so both write the
 * same header.
 */
public final class NexmarkQueries {

    /** Number of queries: q0 .. q22. */
    public static final int COUNT = 23;

    private static final List<String> BID_STATS = List.of("total_bids", "rank1_bids", "rank2_bids", "rank3_bids",
            "total_bidders", "rank1_bidders", "rank2_bidders", "rank3_bidders",
            "total_auctions", "rank1_auctions", "rank2_auctions", "rank3_auctions");

    private NexmarkQueries() {
    }

    /** The SELECT column names of query {@code q}. */
    public static List<String> columns(int q) {
        return switch (q) {
            case 0, 1 -> List.of("auction", "bidder", "price", "dateTime", "extra");
            case 2 -> List.of("auction", "price");
            case 3 -> List.of("name", "city", "state", "id");
            case 4 -> List.of("category", "avg_final");
            case 5 -> List.of("auction", "num");
            case 6 -> List.of("seller", "avg_price");
            case 7 -> List.of("auction", "price", "bidder", "dateTime", "extra");
            case 8 -> List.of("id", "name", "starttime");
            case 9 -> List.of("id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires",
                    "seller", "category", "extra", "auction", "bidder", "price", "bid_dateTime", "bid_extra");
            case 10 -> List.of("auction", "bidder", "price", "dateTime", "extra", "dt", "hm");
            case 11 -> List.of("bidder", "bid_count", "starttime", "endtime");
            case 12 -> List.of("bidder", "bid_count", "window_start", "window_end");
            case 13 -> List.of("auction", "bidder", "price", "dateTime", "value");
            case 14 -> List.of("auction", "bidder", "price", "bidTimeType", "dateTime", "extra", "c_counts");
            case 15 -> concat(List.of("day"), BID_STATS);
            case 16 -> concat(List.of("channel", "day", "minute"), BID_STATS);
            case 17 -> List.of("auction", "day", "total_bids", "rank1_bids", "rank2_bids", "rank3_bids",
                    "min_price", "max_price", "avg_price", "sum_price");
            case 18 -> List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra");
            case 19 -> List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra", "rank_number");
            case 20 -> List.of("auction", "bidder", "price", "channel", "url", "bid_dateTime", "bid_extra",
                    "itemName", "description", "initialBid", "reserve", "auction_dateTime", "expires", "seller",
                    "category", "auction_extra");
            case 21 -> List.of("auction", "bidder", "price", "channel", "channel_id");
            case 22 -> List.of("auction", "bidder", "price", "channel", "dir1", "dir2", "dir3");
            default -> throw new IllegalArgumentException("no query q" + q + " (queries are q0..q22)");
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
