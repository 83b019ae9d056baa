package io.eddy.sql.connector.jdbc;

import io.eddy.api.config.Durations;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.table.runtime.operators.join.lookup.LookupCacheOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The options of a 'jdbc' table, with flink-connector-jdbc's names and defaults: 'url' and
 * 'table-name' required; 'username', 'password', 'driver' (a class name; without it the driver is
 * found by the URL among the drivers on the class path); 'lookup.cache' NONE (default) or PARTIAL
 * with 'lookup.partial-cache.max-rows', '.expire-after-write', '.expire-after-access' (at least one)
 * and '.cache-missing-key' (default true); 'lookup.max-retries' (default 3); for writing,
 * 'sink.buffer-flush.max-rows' (default 100) and 'sink.max-retries' (default 3). Immutable.
 */
record JdbcOptions(String table, String url, String tableName, String username, String password, String driver,
    int maxRetries, LookupCacheOptions cache, int sinkMaxRows, int sinkMaxRetries) implements Serializable {

  static final String URL = "url";
  static final String TABLE_NAME = "table-name";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String DRIVER = "driver";
  static final String LOOKUP_CACHE = "lookup.cache";
  static final String MAX_ROWS = "lookup.partial-cache.max-rows";
  static final String EXPIRE_AFTER_WRITE = "lookup.partial-cache.expire-after-write";
  static final String EXPIRE_AFTER_ACCESS = "lookup.partial-cache.expire-after-access";
  static final String CACHE_MISSING_KEY = "lookup.partial-cache.cache-missing-key";
  static final String MAX_RETRIES = "lookup.max-retries";
  static final String SINK_MAX_ROWS = "sink.buffer-flush.max-rows";
  static final String SINK_MAX_RETRIES = "sink.max-retries";

  static final Set<String> KEYS = Set.of(URL, TABLE_NAME, USERNAME, PASSWORD, DRIVER, LOOKUP_CACHE, MAX_ROWS,
      EXPIRE_AFTER_WRITE, EXPIRE_AFTER_ACCESS, CACHE_MISSING_KEY, MAX_RETRIES, SINK_MAX_ROWS, SINK_MAX_RETRIES);

  static JdbcOptions of(CatalogTable table) {
    String url = required(table, URL);
    String tableName = required(table, TABLE_NAME);
    int maxRetries = atLeast(table, MAX_RETRIES, "3", 0);
    String cacheType = table.option(LOOKUP_CACHE, "NONE").toUpperCase(Locale.ROOT);
    LookupCacheOptions cache = switch (cacheType) {
      case "NONE" -> null;
      case "PARTIAL" -> partialCache(table);
      case "FULL" -> throw new UnsupportedOperationException("Table " + table.name()
          + ": 'lookup.cache' = 'FULL' is not supported yet (NONE and PARTIAL are)");
      default -> throw new IllegalArgumentException("Table " + table.name() + ": 'lookup.cache' must be NONE or"
          + " PARTIAL, was '" + table.options().get(LOOKUP_CACHE) + "'");
    };
    return new JdbcOptions(table.name(), url, tableName, table.option(USERNAME, null), table.option(PASSWORD, null),
        table.option(DRIVER, null), maxRetries, cache, atLeast(table, SINK_MAX_ROWS, "100", 1),
        atLeast(table, SINK_MAX_RETRIES, "3", 0));
  }

  private static LookupCacheOptions partialCache(CatalogTable table) {
    String maxRows = table.option(MAX_ROWS, null);
    Duration write = duration(table, EXPIRE_AFTER_WRITE);
    Duration access = duration(table, EXPIRE_AFTER_ACCESS);
    if (maxRows == null && write == null && access == null) {
      throw new IllegalArgumentException("Table " + table.name() + ": 'lookup.cache' = 'PARTIAL' needs at least one"
          + " of '" + MAX_ROWS + "', '" + EXPIRE_AFTER_WRITE + "' and '" + EXPIRE_AFTER_ACCESS + "'");
    }
    return new LookupCacheOptions(maxRows == null ? Long.MAX_VALUE : Long.parseLong(maxRows), write, access,
        Boolean.parseBoolean(table.option(CACHE_MISSING_KEY, "true")));
  }

  private static int atLeast(CatalogTable table, String key, String fallback, int min) {
    int value = Integer.parseInt(table.option(key, fallback));
    if (value < min) {
      throw new IllegalArgumentException("Table " + table.name() + ": '" + key + "' must be >= " + min + ", was "
          + value);
    }
    return value;
  }

  private static Duration duration(CatalogTable table, String key) {
    String text = table.option(key, null);
    return text == null ? null : Durations.parse(text);
  }

  private static String required(CatalogTable table, String key) {
    String value = table.option(key, null);
    if (value == null) {
      throw new IllegalArgumentException("Table " + table.name() + ": the jdbc connector needs the option '" + key
          + "'");
    }
    return value;
  }

  /** Where the table is, for error messages: its name in the database and the URL (without the password). */
  String where() {
    return "table '" + tableName + "' at " + url;
  }

  @Override
  public String toString() {
    return "JdbcOptions[table=" + table + ", url=" + url + ", table-name=" + tableName + "]"; // no password
  }
}
