package io.eddy.nexmark.sql;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import io.eddy.nexmark.model.Event;
import io.eddy.sql.connector.SupportsProjectionPushDown;
import io.eddy.sql.connector.TableSource;
import io.eddy.table.types.LogicalType;

/**
 * The nexmark table's rows made from a stream of events ({@link EventRows}), for the 'nexmark'
 * connector and for {@code eddy nexmark --sql}'s fed table: whole rows of the table's physical
 * columns, or, once the planner pushed a query's projection into it, flat rows of the columns and
 * nested fields the query reads.
 */
final class EventRowSource implements TableSource, SupportsProjectionPushDown {
  /** The events of a scan, given the job's environment and the scan's name. */
  @FunctionalInterface
  interface Events {
    DataStream<Event> events(StreamEnvironment env, String name);
  }

  private final Events events;
  private final LogicalType rowType;
  private final EventRows rows;

  /** @throws IllegalArgumentException naming a column or nested field the events do not have */
  EventRowSource(Events events, LogicalType rowType) {
    this(events, rowType, new EventRows(rowType));
  }

  private EventRowSource(Events events, LogicalType rowType, EventRows rows) {
    this.events = events;
    this.rowType = rowType;
    this.rows = rows;
  }

  @Override
  public DataStream<Row> produce(StreamEnvironment env, String name) {
    return events.events(env, name).map(rows).name(name);
  }

  @Override
  public TableSource applyProjection(int[][] paths) {
    try {
      return new EventRowSource(events, rowType, new EventRows(rowType, paths));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
