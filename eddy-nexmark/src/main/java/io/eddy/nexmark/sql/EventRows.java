package io.eddy.nexmark.sql;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.table.types.LogicalType;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Nexmark events as rows of the combined {@code nexmark} table (Flink's nexmark connector
 * schema): {@code event_type INT} and the {@code person}, {@code auction}, {@code bid} ROWs, of
 * which the event's own is set. Columns and nested fields are matched by name, so a table may
 * declare them in any order or leave some out; an unknown name is an error when the table is
 * planned. Times are TIMESTAMP(3) in UTC. Serializable: shipped with the source; not
 * thread-safe (one per source subtask, as each gets its own copy).
 */
public final class EventRows implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How one nested field is read from its event (times through the rows' {@link #time}). */
  private interface Field<E> extends BiFunction<E, EventRows, Object>, Serializable {}

  private static final Map<String, Field<Person>> PERSON = Map.of("id", (p, r) -> p.id(), "name", (p, r) -> p.name(),
      "emailAddress", (p, r) -> p.emailAddress(), "creditCard", (p, r) -> p.creditCard(), "city", (p, r) -> p.city(),
      "state", (p, r) -> p.state(), "dateTime", (p, r) -> r.time(p.dateTime()), "extra", (p, r) -> p.extra());
  private static final Map<String, Field<Auction>> AUCTION = Map.ofEntries(Map.entry("id", (a, r) -> a.id()),
      Map.entry("itemName", (a, r) -> a.itemName()), Map.entry("description", (a, r) -> a.description()),
      Map.entry("initialBid", (a, r) -> a.initialBid()), Map.entry("reserve", (a, r) -> a.reserve()),
      Map.entry("dateTime", (a, r) -> r.time(a.dateTime())), Map.entry("expires", (a, r) -> r.time(a.expires())),
      Map.entry("seller", (a, r) -> a.seller()), Map.entry("category", (a, r) -> a.category()),
      Map.entry("extra", (a, r) -> a.extra()));
  private static final Map<String, Field<Bid>> BID = Map.of("auction", (b, r) -> b.auction(),
      "bidder", (b, r) -> b.bidder(), "price", (b, r) -> b.price(), "channel", (b, r) -> b.channel(),
      "url", (b, r) -> b.url(), "dateTime", (b, r) -> r.time(b.dateTime()), "extra", (b, r) -> b.extra());

  /** Per column: 0 event_type, 1 person, 2 auction, 3 bid. */
  private final int[] columns;
  private final List<Field<Person>> person = new ArrayList<>();
  private final List<Field<Auction>> auction = new ArrayList<>();
  private final List<Field<Bid>> bid = new ArrayList<>();
  /** The last time converted: events come in time order, many in one millisecond. */
  private transient long lastMillis = Long.MIN_VALUE;
  private transient LocalDateTime lastTime;

  /** @throws IllegalArgumentException naming a column or nested field the events do not have */
  public EventRows(LogicalType rowType) {
    columns = new int[rowType.fieldCount()];
    for (int i = 0; i < columns.length; i++) {
      String name = rowType.fieldNames().get(i);
      LogicalType type = rowType.field(i);
      columns[i] = switch (name) {
        case "event_type" -> 0;
        case "person" -> fields(name, type, PERSON, person, 1);
        case "auction" -> fields(name, type, AUCTION, auction, 2);
        case "bid" -> fields(name, type, BID, bid, 3);
        default -> throw new IllegalArgumentException("the nexmark connector has no column " + name
            + " (it has event_type, person, auction, bid)");
      };
    }
  }

  private static <E> int fields(String column, LogicalType type, Map<String, Field<E>> known, List<Field<E>> out,
      int code) {
    if (type.root() != LogicalType.Root.ROW) {
      throw new IllegalArgumentException("nexmark column " + column + " must be a ROW, not " + type);
    }
    for (String f : type.fieldNames()) {
      Field<E> field = known.get(f);
      if (field == null) {
        throw new IllegalArgumentException("nexmark column " + column + " has no field " + f + "; it has "
            + new java.util.TreeSet<>(known.keySet()));
      }
      out.add(field);
    }
    return code;
  }

  public Row toRow(Event event) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = switch (columns[i]) {
        case 0 -> event.eventType();
        case 1 -> event instanceof Person p ? nested(p, person) : null;
        case 2 -> event instanceof Auction a ? nested(a, auction) : null;
        default -> event instanceof Bid b ? nested(b, bid) : null;
      };
    }
    return Row.wrap(RowKind.INSERT, values);
  }

  private <E> Row nested(E event, List<Field<E>> fields) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields.get(i).apply(event, this);
    }
    return Row.wrap(RowKind.INSERT, values);
  }

  private LocalDateTime time(long millis) {
    if (millis != lastMillis || lastTime == null) {
      lastTime = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
          ZoneOffset.UTC);
      lastMillis = millis;
    }
    return lastTime;
  }
}
