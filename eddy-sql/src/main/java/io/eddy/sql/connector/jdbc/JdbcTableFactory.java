package io.eddy.sql.connector.jdbc;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.types.Row;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.LookupTableSource;
import io.eddy.sql.connector.TableFactory;
import io.eddy.sql.connector.TableSink;
import io.eddy.sql.connector.TableSource;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.join.lookup.CachingLookupFunction;
import io.eddy.table.runtime.operators.join.lookup.LookupFunction;
import java.util.List;
import java.util.Set;

/**
 * The 'jdbc' connector (flink-connector-jdbc's options, see {@link JdbcOptions}) on any JDBC driver
 * on the class path: a table of a database that a lookup join reads row by row, with an optional
 * partial cache; also a bounded scan ({@link JdbcScanSource}) and an upsert or append sink
 * ({@link JdbcSink}).
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
    JdbcScanSource source = new JdbcScanSource(JdbcOptions.of(table), table.physicalRowType());
    return (env, name) -> env.fromSource(source, WatermarkStrategy.noWatermarks(), name);
  }

  /** An upsert sink by the primary key, or an append sink without one. */
  @Override
  public TableSink createSink(CatalogTable table) {
    List<String> physical = table.physicalRowType().fieldNames();
    int[] key = table.primaryKey().stream().mapToInt(physical::indexOf).toArray();
    JdbcSink sink = new JdbcSink(JdbcOptions.of(table), table.physicalRowType(), key);
    return new TableSink() {
      @Override
      public ChangelogMode acceptedChanges() {
        return key.length == 0 ? ChangelogMode.insertOnly() : ChangelogMode.upsert();
      }

      @Override
      public void consume(DataStream<Row> rows, String name) {
        rows.sinkTo(sink).name(name);
      }
    };
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
