package io.eddy.sql.connector.jdbc;

import io.eddy.api.connector.Sink;
import io.eddy.api.connector.SinkWriter;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.types.LogicalType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a jdbc table (flink-connector-jdbc's sink, at least once): with a primary key, an upsert
 * sink ({@code [I,UA,D]}: the planner turns the -U rows it cannot leave out into deletes) whose
 * inserts and update-afters update the row of their key or insert it when there is none, and
 * whose deletes delete it (the statements every database understands, Flink's fallback when a
 * dialect has no upsert statement), so replays after a restore are idempotent; without a
 * key, an append sink of INSERTs. Rows are buffered up to 'sink.buffer-flush.max-rows' and
 * written at that size, at every checkpoint and at the end of input; a failing batch is retried
 * up to 'sink.max-retries' times on a new connection.
 */
final class JdbcSink implements Sink<Row> {
  private static final long serialVersionUID = 1L;

  private final JdbcOptions options;
  private final List<String> columns;
  private final List<LogicalType> types;
  private final int[] key;
  private final int maxRows;
  private final int maxRetries;

  /** @param key the primary key's column indices; empty for an append sink */
  JdbcSink(JdbcOptions options, LogicalType rowType, int[] key) {
    this.options = options;
    this.columns = rowType.fieldNames();
    this.types = rowType.children();
    this.key = key.clone();
    this.maxRows = options.sinkMaxRows();
    this.maxRetries = options.sinkMaxRetries();
  }

  @Override
  public SinkWriter<Row> createWriter(WriterInitContext context) throws SQLException {
    return new Writer();
  }

  private String insert() {
    return "INSERT INTO " + options.tableName() + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
  }

  private String update() {
    List<String> set = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (!isKey(c)) {
        set.add(columns.get(c) + " = ?");
      }
    }
    // a table of key columns alone: "updating" the key to itself tells whether the row exists
    return "UPDATE " + options.tableName() + " SET " + (set.isEmpty() ? columns.get(key[0]) + " = ?" : String.join(", ",
        set)) + " WHERE " + keyCondition();
  }

  private String delete() {
    return "DELETE FROM " + options.tableName() + " WHERE " + keyCondition();
  }

  private String keyCondition() {
    List<String> parts = new ArrayList<>();
    for (int k : key) {
      parts.add(columns.get(k) + " = ?");
    }
    return String.join(" AND ", parts);
  }

  private boolean isKey(int column) {
    for (int k : key) {
      if (k == column) {
        return true;
      }
    }
    return false;
  }

  private final class Writer implements SinkWriter<Row> {
    private final List<Row> buffer = new ArrayList<>();
    private Connection connection;

    Writer() throws SQLException {
      connection = JdbcConnections.open(options);
    }

    @Override
    public void write(Row row, Context context) throws Exception {
      buffer.add(row);
      if (buffer.size() >= maxRows) {
        flush(false);
      }
    }

    @Override
    public void flush(boolean endOfInput) throws Exception {
      for (int retry = 0; !buffer.isEmpty(); retry++) {
        try {
          writeBuffer();
          buffer.clear();
        } catch (SQLException e) {
          if (retry >= maxRetries) {
            throw new SQLException("Table " + options.table() + ": writing " + buffer.size() + " row(s) to "
                + options.where() + " failed after " + (retry + 1) + " attempt(s): " + e.getMessage(), e.getSQLState(), e);
          }
          connection.close();
          Thread.sleep(1000L * (retry + 1));
          connection = JdbcConnections.open(options);
        }
      }
    }

    private void writeBuffer() throws SQLException {
      try (PreparedStatement insert = connection.prepareStatement(insert());
          PreparedStatement update = key.length == 0 ? null : connection.prepareStatement(update());
          PreparedStatement delete = key.length == 0 ? null : connection.prepareStatement(delete())) {
        for (Row row : buffer) {
          if (key.length == 0) {
            execute(insert, row, false);
          } else if (row.getKind() == RowKind.DELETE) {
            setKey(delete, row, 1);
            delete.executeUpdate();
          } else if (execute(update, row, true) == 0) {
            execute(insert, row, false);
          }
        }
      }
    }

    /** Runs an INSERT (all columns) or an UPDATE (other columns, then the key) for {@code row}. */
    private int execute(PreparedStatement statement, Row row, boolean update) throws SQLException {
      int p = 1;
      for (int c = 0; c < columns.size(); c++) {
        if (!update || !isKey(c)) {
          JdbcValues.set(statement, p++, row.getField(c), types.get(c));
        }
      }
      if (update && p == 1) {
        JdbcValues.set(statement, p++, row.getField(key[0]), types.get(key[0]));
      }
      if (update) {
        setKey(statement, row, p);
      }
      return statement.executeUpdate();
    }

    private void setKey(PreparedStatement statement, Row row, int first) throws SQLException {
      for (int i = 0; i < key.length; i++) {
        JdbcValues.set(statement, first + i, row.getField(key[i]), types.get(key[i]));
      }
    }

    @Override
    public void close() throws SQLException {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }
}
