package io.eddy.sql;

import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.types.Row;
import java.util.Iterator;
import java.util.List;

/**
 * The outcome of one statement (Flink's TableResult): its column names and its rows as a
 * changelog iterator. DDL gives one row {@code OK}; SHOW, DESCRIBE and EXPLAIN give their text
 * as rows; a query streams its changes while the job runs (close the iterator to cancel it).
 */
public final class TableResult implements AutoCloseable {
  private final List<String> columns;
  private final CloseableIterator<Row> rows;

  TableResult(List<String> columns, CloseableIterator<Row> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  static TableResult of(List<String> columns, List<Row> rows) {
    Iterator<Row> it = rows.iterator();
    return new TableResult(columns, new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        return it.next();
      }

      @Override
      public void close() {}
    });
  }

  static TableResult ok() {
    return of(List.of("result"), List.of(Row.of("OK")));
  }

  public List<String> columns() {
    return columns;
  }

  /** The result's rows (changes, for a query); consumed once. */
  public CloseableIterator<Row> collect() {
    return rows;
  }

  @Override
  public void close() throws Exception {
    rows.close();
  }
}
