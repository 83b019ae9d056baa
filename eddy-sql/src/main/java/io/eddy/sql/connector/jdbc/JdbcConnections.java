package io.eddy.sql.connector.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Opens a connection for a jdbc table: with the class named by 'driver', or else the driver that
 * accepts the URL among those DriverManager knows and those on the thread's context class loader
 * (a SQL session's, where {@code ADD JAR} puts a driver). A failure names the Eddy table, the
 * database table and the URL.
 */
final class JdbcConnections {
  private JdbcConnections() {}

  static Connection open(JdbcOptions options) throws SQLException {
    Properties properties = new Properties();
    if (options.username() != null) {
      properties.setProperty("user", options.username());
    }
    if (options.password() != null) {
      properties.setProperty("password", options.password());
    }
    try {
      Connection connection = driver(options).connect(options.url(), properties);
      if (connection == null) {
        throw new SQLException("the driver " + options.driver() + " does not accept the URL");
      }
      return connection;
    } catch (SQLException e) {
      throw new SQLException("Table " + options.table() + ": cannot connect to the database of " + options.where()
          + ": " + e.getMessage(), e.getSQLState(), e);
    }
  }

  private static Driver driver(JdbcOptions options) throws SQLException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = JdbcConnections.class.getClassLoader();
    }
    if (options.driver() != null) {
      try {
        return (Driver) Class.forName(options.driver(), true, loader).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new SQLException("cannot load the JDBC driver class '" + options.driver() + "' (" + e + ")", e);
      }
    }
    try {
      return DriverManager.getDriver(options.url());
    } catch (SQLException notRegistered) {
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (d.acceptsURL(options.url())) {
          return d;
        }
      }
      throw new SQLException("no JDBC driver on the class path accepts the URL (set 'driver' or add the driver's"
          + " jar)", notRegistered);
    }
  }
}
