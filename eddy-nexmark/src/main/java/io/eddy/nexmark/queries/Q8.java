package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static io.eddy.nexmark.oracle.SqlFunctions.timestamp;

/**
 * q8 Monitor new users: people and sellers of the same 10 s tumbling window, joined on
 * id = seller. Both sides group by their key and window before joining, so one keyed window
 * over persons and auctions together (key: person id or seller) gives the join: per window the
 * distinct names registered and whether an auction was opened. Each record is dropped from its
 * window if that window already fired, as each grouped side does in the oracle. Append-only.
 */
public final class Q8 extends NumberedQuery {

    public Q8() {
        super(8);
    }

    @Override
    public DataStream<Change> build(DataStream<Event> events, QueryContext context) {
        return EventStreams.without(events, Bid.class)
                .keyBy(e -> e instanceof Person p ? p.id() : ((Auction) e).seller())
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .aggregate(new NamesAndSales(), new NewSellers())
                .name(name());
    }

    /** One key's window so far: the distinct person names (NULL included) and whether it sold. */
    static final class Registrations implements Serializable {
        final Set<String> names = new HashSet<>();
        boolean opened;
    }

    private static final class NamesAndSales implements AggregateFunction<Event, Registrations, Registrations> {
        @Override
        public Registrations createAccumulator() {
            return new Registrations();
        }

        @Override
        public Registrations add(Event e, Registrations acc) {
            if (e instanceof Person p) {
                acc.names.add(p.name());
            } else {
                acc.opened = true;
            }
            return acc;
        }

        @Override
        public Registrations getResult(Registrations acc) {
            return acc;
        }

        @Override
        public Registrations merge(Registrations a, Registrations b) {
            a.names.addAll(b.names);
            a.opened |= b.opened;
            return a;
        }
    }

    /** A row per distinct name of a key that also opened an auction in the window. */
    private static final class NewSellers extends ProcessWindowFunction<Registrations, Change, Long, TimeWindow> {
        @Override
        public void process(Long id, Context ctx, Iterable<Registrations> windows, Collector<Change> out) {
            for (Registrations r : windows) {
                if (r.opened) {
                    for (String name : r.names) {
                        out.collect(Change.insert(Row.of(id, name, timestamp(ctx.window().getStart()))));
                    }
                }
            }
        }
    }
}
