package io.eddy.sql.connector.jdbc;

import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.LookupTableSource;
import io.eddy.sql.connector.TableFactory;
import io.eddy.sql.connector.TableSink;
import io.eddy.sql.connector.TableSource;
import io.eddy.table.runtime.operators.join.lookup.CachingLookupFunction;
import io.eddy.table.runtime.operators.join.lookup.LookupFunction;
import java.util.Set;

/**
 * The 'jdbc' connector (flink-connector-jdbc's options, see {@link JdbcOptions}) on any JDBC driver
 * on the class path: a table of a database that a lookup join reads row by row, with an optional
 * partial cache. Scanning and writing are not built yet.
 */
public final class JdbcTableFactory implements TableFactory {
  @Override
  public String identifier() {
    return "jdbc";
  }

  @Override
  public Set<String> options() {
    return JdbcOptions.KEYS;
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    throw new UnsupportedOperationException("Table " + table.name() + ": the jdbc connector cannot be scanned yet;"
        + " it can be looked up in a lookup join (JOIN " + table.name() + " FOR SYSTEM_TIME AS OF <probe>.<proctime>)");
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    throw new UnsupportedOperationException("Table " + table.name() + ": the jdbc connector cannot be written yet");
  }

  @Override
  public LookupTableSource createLookupSource(CatalogTable table) {
    JdbcOptions options = JdbcOptions.of(table);
    return keyColumns -> {
      LookupFunction lookup = new JdbcLookupFunction(options, table.physicalRowType(), keyColumns);
      return options.cache() == null ? lookup : new CachingLookupFunction(lookup, options.cache());
    };
  }
}
