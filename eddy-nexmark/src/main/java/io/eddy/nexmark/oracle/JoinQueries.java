package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.nexmark.result.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * The unwindowed regular inner joins q3 (auction x person) and q20 (bid x auction). A regular
 * join keeps both sides forever, so its final table is every matching pair regardless of
 * which side arrived first, one row per pair (duplicate inputs give duplicate rows), and
 * nothing is ever late.
 */
final class JoinQueries {

    private JoinQueries() {
    }

    /** q3: sellers in OR, ID or CA with auctions in category 10. */
    static List<Row> q3(List<Event> events) {
        Map<Long, List<Person>> people = new HashMap<>();
        for (Event e : events) {
            if (e instanceof Person p && ("OR".equals(p.state()) || "ID".equals(p.state()) || "CA".equals(p.state()))) {
                people.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof Auction a && a.category() == 10) {
                for (Person p : people.getOrDefault(a.seller(), List.of())) {
                    rows.add(Row.of(p.name(), p.city(), p.state(), a.id()));
                }
            }
        }
        return rows;
    }

    /** q20: bids joined with their auction, auctions of category 10 only. */
    static List<Row> q20(List<Event> events) {
        Map<Long, List<Auction>> auctions = new HashMap<>();
        for (Event e : events) {
            if (e instanceof Auction a && a.category() == 10) {
                auctions.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof Bid b) {
                for (Auction a : auctions.getOrDefault(b.auction(), List.of())) {
                    rows.add(Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), timestamp(b.dateTime()),
                            b.extra(), a.itemName(), a.description(), a.initialBid(), a.reserve(),
                            timestamp(a.dateTime()), timestamp(a.expires()), a.seller(), a.category(), a.extra()));
                }
            }
        }
        return rows;
    }
}
