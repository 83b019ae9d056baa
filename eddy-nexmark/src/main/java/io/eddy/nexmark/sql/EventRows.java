package io.eddy.nexmark.sql;

import io.eddy.api.functions.MapFunction;
import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.table.types.LogicalType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Nexmark events as rows of the combined {@code nexmark} table (Flink's nexmark connector
 * schema): {@code event_type INT} and the {@code person}, {@code auction}, {@code bid} ROWs, of
 * which the event's own is set. Columns and nested fields are matched by name, so a table may
 * declare them in any order or leave some out; an unknown name is an error when the table is
 * planned. A projection ({@link #EventRows(LogicalType, int[][])}) makes flat rows of the given
 * columns and nested fields only, as a scan that pushed the query's projection into the source
 * reads them: no nested row is built for a field read alone. Times are TIMESTAMP(3) in UTC.
 * The source's map function: it never changes a row it made ({@link ReadOnlyRecords}), so the
 * SQL operators take its rows without copies. Serializable: shipped with the source; not
 * thread-safe (one per source subtask, as each gets its own copy).
 */
public final class EventRows implements MapFunction<Event, Row>, ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  /** The nested fields of each kind (person 1, auction 2, bid 3), by their codes in {@link #field}. */
  private static final List<List<String>> FIELDS = List.of(List.of(),
      List.of("id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra"),
      List.of("id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires", "seller", "category",
          "extra"),
      List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra"));
  private static final List<String> COLUMNS = List.of("event_type", "person", "auction", "bid");

  /** Per output field: 0 event_type, 1 person, 2 auction, 3 bid. */
  private final int[] columns;
  /** Per output field: the code of the nested field it is, or -1 for the whole column. */
  private final int[] nested;
  /** Per output field that is a whole nested column: the codes of its declared fields, in order. */
  private final int[][] rowFields;
  /** The last time converted: events come in time order, many in one millisecond. */
  private transient long lastMillis = Long.MIN_VALUE;
  private transient LocalDateTime lastTime;

  /**
   * Rows of the table's physical columns ({@code rowType}).
   *
   * @throws IllegalArgumentException naming a column or nested field the events do not have
   */
  public EventRows(LogicalType rowType) {
    this(rowType, identity(rowType.fieldCount()));
  }

  /**
   * Flat rows of the given paths into the table's physical row ({@code rowType}): {@code {c}} is
   * column c, {@code {c, f}} nested field f of column c (NULL for an event of another kind).
   *
   * @throws IllegalArgumentException naming a column or nested field the events do not have, or
   *     a path that is not one of these forms
   */
  public EventRows(LogicalType rowType, int[][] paths) {
    columns = new int[paths.length];
    nested = new int[paths.length];
    rowFields = new int[paths.length][];
    for (int i = 0; i < paths.length; i++) {
      int[] path = paths[i];
      if (path.length < 1 || path.length > 2 || path[0] < 0 || path[0] >= rowType.fieldCount()) {
        throw new IllegalArgumentException("the nexmark connector cannot read the path " + java.util.Arrays.toString(path));
      }
      String name = rowType.fieldNames().get(path[0]);
      LogicalType type = rowType.field(path[0]);
      int column = COLUMNS.indexOf(name);
      if (column < 0) {
        throw new IllegalArgumentException("the nexmark connector has no column " + name
            + " (it has event_type, person, auction, bid)");
      }
      columns[i] = column;
      nested[i] = -1;
      if (column == 0) {
        if (path.length > 1) {
          throw new IllegalArgumentException("nexmark column event_type has no fields");
        }
        continue;
      }
      if (type.root() != LogicalType.Root.ROW) {
        throw new IllegalArgumentException("nexmark column " + name + " must be a ROW, not " + type);
      }
      int[] codes = new int[type.fieldCount()];
      for (int f = 0; f < codes.length; f++) {
        codes[f] = FIELDS.get(column).indexOf(type.fieldNames().get(f));
        if (codes[f] < 0) {
          throw new IllegalArgumentException("nexmark column " + name + " has no field " + type.fieldNames().get(f)
              + "; it has " + new java.util.TreeSet<>(FIELDS.get(column)));
        }
      }
      if (path.length == 2) {
        if (path[1] < 0 || path[1] >= codes.length) {
          throw new IllegalArgumentException("nexmark column " + name + " has no field " + path[1]);
        }
        nested[i] = codes[path[1]];
      } else {
        rowFields[i] = codes;
      }
    }
  }

  private static int[][] identity(int n) {
    int[][] paths = new int[n][];
    for (int i = 0; i < n; i++) {
      paths[i] = new int[] {i};
    }
    return paths;
  }

  @Override
  public Row map(Event event) {
    return toRow(event);
  }

  public Row toRow(Event event) {
    int kind = kind(event);
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      int column = columns[i];
      if (column == 0) {
        values[i] = event.eventType();
      } else if (column == kind) {
        values[i] = nested[i] >= 0 ? field(event, nested[i]) : nestedRow(event, rowFields[i]);
      }
    }
    return Row.wrap(RowKind.INSERT, values);
  }

  private static int kind(Event event) {
    return switch (event) {
      case Person p -> 1;
      case Auction a -> 2;
      case Bid b -> 3;
    };
  }

  private Row nestedRow(Event event, int[] codes) {
    Object[] values = new Object[codes.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = field(event, codes[i]);
    }
    return Row.wrap(RowKind.INSERT, values);
  }

  /** The nested field of code {@code code} of the event's own kind. */
  private Object field(Event event, int code) {
    return switch (event) {
      case Bid b -> switch (code) {
        case 0 -> b.auction();
        case 1 -> b.bidder();
        case 2 -> b.price();
        case 3 -> b.channel();
        case 4 -> b.url();
        case 5 -> time(b.dateTime());
        default -> b.extra();
      };
      case Auction a -> switch (code) {
        case 0 -> a.id();
        case 1 -> a.itemName();
        case 2 -> a.description();
        case 3 -> a.initialBid();
        case 4 -> a.reserve();
        case 5 -> time(a.dateTime());
        case 6 -> time(a.expires());
        case 7 -> a.seller();
        case 8 -> a.category();
        default -> a.extra();
      };
      case Person p -> switch (code) {
        case 0 -> p.id();
        case 1 -> p.name();
        case 2 -> p.emailAddress();
        case 3 -> p.creditCard();
        case 4 -> p.city();
        case 5 -> p.state();
        case 6 -> time(p.dateTime());
        default -> p.extra();
      };
    };
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
