package io.eddy.sql.connector.jdbc;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.join.lookup.LookupFunction;
import io.eddy.table.types.LogicalType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Looks rows of a jdbc table up by key (flink-connector-jdbc's JdbcRowDataLookupFunction): one
 * connection per subtask and one prepared {@code SELECT c1, c2, ... FROM table-name WHERE k1 = ?
 * AND k2 = ?}, column and table names as declared (unquoted, so they follow the database's case
 * rules). A failing query is retried up to 'lookup.max-retries' times, reconnecting if the
 * connection is no longer valid and waiting one more second before each retry, as Flink does.
 */
final class JdbcLookupFunction implements LookupFunction {
  private static final long serialVersionUID = 1L;

  private final JdbcOptions options;
  private final List<String> columns;
  private final List<LogicalType> types;
  private final List<LogicalType> keyTypes = new ArrayList<>();
  private final String query;
  private transient Connection connection;
  private transient PreparedStatement statement;

  JdbcLookupFunction(JdbcOptions options, LogicalType rowType, int[] keyColumns) {
    this.options = options;
    this.columns = rowType.fieldNames();
    this.types = rowType.children();
    List<String> conditions = new ArrayList<>();
    for (int k : keyColumns) {
      conditions.add(columns.get(k) + " = ?");
      keyTypes.add(types.get(k));
    }
    this.query = "SELECT " + String.join(", ", columns) + " FROM " + options.tableName() + " WHERE "
        + String.join(" AND ", conditions);
  }

  /** The query each lookup runs. */
  String query() {
    return query;
  }

  @Override
  public void open() throws SQLException {
    connect();
  }

  private void connect() throws SQLException {
    connection = JdbcConnections.open(options);
    try {
      statement = connection.prepareStatement(query);
    } catch (SQLException e) {
      throw new SQLException("Table " + options.table() + ": cannot prepare '" + query + "' on the database of "
          + options.where() + ": " + e.getMessage(), e.getSQLState(), e);
    }
  }

  @Override
  public Collection<Row> lookup(Row key) throws Exception {
    for (int retry = 0; ; retry++) {
      try {
        return query(key);
      } catch (SQLException e) {
        if (retry >= options.maxRetries()) {
          throw new SQLException("Table " + options.table() + ": the lookup of " + key + " in " + options.where()
              + " failed after " + (retry + 1) + " attempt(s): " + e.getMessage(), e.getSQLState(), e);
        }
        if (connection == null || !connection.isValid(5)) {
          closeQuietly();
          try {
            connect();
          } catch (SQLException reconnect) {
            e.addSuppressed(reconnect);
          }
        }
        Thread.sleep(1000L * (retry + 1));
      }
    }
  }

  private List<Row> query(Row key) throws SQLException {
    if (statement == null) {
      throw new SQLException("not connected");
    }
    statement.clearParameters();
    for (int i = 0; i < key.getArity(); i++) {
      JdbcValues.set(statement, i + 1, key.getField(i), keyTypes.get(i));
    }
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Row row = new Row(columns.size());
        for (int c = 0; c < columns.size(); c++) {
          row.setField(c, JdbcValues.get(rs, c + 1, types.get(c), columns.get(c)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      if (statement != null) {
        statement.close();
      }
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // closing a connection that is gone: nothing to release
    } finally {
      statement = null;
      connection = null;
    }
  }
}
