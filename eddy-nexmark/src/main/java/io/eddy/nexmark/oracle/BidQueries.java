package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.result.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * The stateless queries: each bid independently maps to zero or more rows (q0, q1, q2, q10,
 * q13, q14, q21, q22). Append-only, so the final table is every emitted row; no time
 * semantics (no windows, nothing is late).
 */
final class BidQueries {

    private static final BigDecimal MIN_Q14 = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MAX_Q14 = BigDecimal.valueOf(50_000_000);

    private BidQueries() {
    }

    static List<Row> run(int q, List<Event> events, SideInput sideInput) {
        List<Row> rows = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof Bid b) {
                rows(q, b, sideInput, rows);
            }
        }
        return rows;
    }

    private static void rows(int q, Bid b, SideInput sideInput, List<Row> out) {
        switch (q) {
            case 0 -> out.add(Row.of(b.auction(), b.bidder(), b.price(), timestamp(b.dateTime()), b.extra()));
            case 1 -> out.add(Row.of(b.auction(), b.bidder(), SqlFunctions.euros(b.price()), timestamp(b.dateTime()),
                    b.extra()));
            case 2 -> {
                if (b.auction() % 123 == 0) {
                    out.add(Row.of(b.auction(), b.price()));
                }
            }
            case 10 -> out.add(Row.of(b.auction(), b.bidder(), b.price(), timestamp(b.dateTime()), b.extra(),
                    SqlFunctions.day(b.dateTime()), SqlFunctions.hourMinute(b.dateTime())));
            case 13 -> {
                for (String value : sideInput.valuesOf(b.auction() % 10_000)) {
                    out.add(Row.of(b.auction(), b.bidder(), b.price(), timestamp(b.dateTime()), value));
                }
            }
            case 14 -> {
                BigDecimal euros = SqlFunctions.euros(b.price());
                if (euros.compareTo(MIN_Q14) > 0 && euros.compareTo(MAX_Q14) < 0) {
                    out.add(Row.of(b.auction(), b.bidder(), euros, bidTimeType(SqlFunctions.hour(b.dateTime())),
                            timestamp(b.dateTime()), b.extra(), SqlFunctions.countChar(b.extra(), 'c')));
                }
            }
            case 21 -> {
                String channel = SqlFunctions.lower(b.channel());
                String fromUrl = SqlFunctions.channelIdOfUrl(b.url());
                String fixed = channel == null ? null : switch (channel) {
                    case "apple" -> "0";
                    case "google" -> "1";
                    case "facebook" -> "2";
                    case "baidu" -> "3";
                    default -> null;
                };
                if (fixed != null || fromUrl != null) {
                    out.add(Row.of(b.auction(), b.bidder(), b.price(), b.channel(), fixed != null ? fixed : fromUrl));
                }
            }
            case 22 -> out.add(Row.of(b.auction(), b.bidder(), b.price(), b.channel(),
                    SqlFunctions.splitIndex(b.url(), "/", 3), SqlFunctions.splitIndex(b.url(), "/", 4),
                    SqlFunctions.splitIndex(b.url(), "/", 5)));
            default -> throw new IllegalArgumentException("q" + q + " is not a stateless bid query");
        }
    }

    /** q14's CASE on HOUR(dateTime): 8..18 dayTime, 0..6 or 20..23 nightTime, else (7, 19) otherTime. */
    private static String bidTimeType(int hour) {
        if (hour >= 8 && hour <= 18) {
            return "dayTime";
        }
        return hour <= 6 || hour >= 20 ? "nightTime" : "otherTime";
    }
}
