package io.eddy.sql.connector.jdbc;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.api.types.Row;
import io.eddy.table.types.LogicalType;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A scan of a jdbc table: one bounded, non-parallel read of {@code SELECT c1, c2, ... FROM
 * table-name} (flink-connector-jdbc's scan without partitioning). A checkpoint holds the number of
 * rows emitted; a restored reader runs the query again and skips that many, so resuming is exact
 * when the database returns the rows in the same order (as Flink's JDBC source assumes).
 */
final class JdbcScanSource implements Source<Row> {
  private static final long serialVersionUID = 1L;

  private final JdbcOptions options;
  private final List<String> columns;
  private final List<LogicalType> types;

  JdbcScanSource(JdbcOptions options, LogicalType rowType) {
    this.options = options;
    this.columns = rowType.fieldNames();
    this.types = rowType.children();
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public int maxParallelism() {
    return 1;
  }

  @Override
  public SourceReader<Row> createReader(SourceReaderContext context) {
    long skip = 0;
    if (context.isRestored()) {
      List<Serializable> state = context.restoredState();
      skip = state.isEmpty() ? Long.MAX_VALUE : (Long) state.get(0);
    }
    return new Reader(skip);
  }

  private final class Reader implements SourceReader<Row> {
    private final long skip;
    private long emitted;
    private Connection connection;
    private Statement statement;
    private ResultSet rows;

    Reader(long skip) {
      this.skip = skip;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Row> output) throws SQLException {
      if (skip == Long.MAX_VALUE) {
        return InputStatus.END_OF_INPUT;
      }
      if (rows == null) {
        open();
      }
      if (!rows.next()) {
        close();
        return InputStatus.END_OF_INPUT;
      }
      Row row = new Row(columns.size());
      for (int c = 0; c < columns.size(); c++) {
        row.setField(c, JdbcValues.get(rows, c + 1, types.get(c), columns.get(c)));
      }
      emitted++;
      output.collect(row);
      return InputStatus.MORE_AVAILABLE;
    }

    private void open() throws SQLException {
      connection = JdbcConnections.open(options);
      String query = "SELECT " + String.join(", ", columns) + " FROM " + options.tableName();
      try {
        statement = connection.createStatement();
        rows = statement.executeQuery(query);
        for (long i = 0; i < skip && rows.next(); i++) {
          emitted++;
        }
      } catch (SQLException e) {
        throw new SQLException("Table " + options.table() + ": '" + query + "' failed on the database of "
            + options.where() + ": " + e.getMessage(), e.getSQLState(), e);
      }
    }

    @Override
    public List<Long> snapshotState(long checkpointId) {
      return List.of(emitted);
    }

    @Override
    public void close() throws SQLException {
      if (connection != null) {
        connection.close(); // closes the statement and its result set
        connection = null;
      }
    }
  }
}
