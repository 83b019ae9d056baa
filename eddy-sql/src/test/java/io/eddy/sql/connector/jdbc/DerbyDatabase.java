package io.eddy.sql.connector.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh in-memory Apache Derby database for a test (Flink's JDBC tests use Derby too): its URL,
 * and statements run on it to create and fill tables. Dropped on {@link #close()}.
 */
public final class DerbyDatabase implements AutoCloseable {
  private static final AtomicInteger NEXT = new AtomicInteger();

  static {
    // Derby's log would otherwise be written to derby.log in the working directory
    System.setProperty("derby.stream.error.file", "target/derby.log");
  }

  private final String name = "eddy" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();

  public DerbyDatabase() throws SQLException {
    DriverManager.getConnection(url() + ";create=true").close();
  }

  /** The URL a jdbc table reaches the database with. */
  public String url() {
    return "jdbc:derby:memory:" + name;
  }

  public void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  @Override
  public void close() {
    try {
      DriverManager.getConnection(url() + ";drop=true").close();
    } catch (SQLException dropped) {
      // Derby reports a successful drop as an exception (SQLState 08006)
    }
  }
}
