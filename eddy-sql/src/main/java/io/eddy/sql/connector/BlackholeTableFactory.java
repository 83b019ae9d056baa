package io.eddy.sql.connector;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.table.runtime.ChangelogMode;
import java.util.Set;

/**
 * The 'blackhole' connector: discards what it is given (for benchmarks). As Flink's, it takes inserts,
 * update-afters and deletes but no update-befores, so an updating query writes an upsert changelog to it.
 */
public final class BlackholeTableFactory implements TableFactory {
  @Override
  public String identifier() {
    return "blackhole";
  }

  @Override
  public Set<String> options() {
    return Set.of();
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    throw new UnsupportedOperationException("Table " + table.name() + ": the blackhole connector can only be written to");
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    return new TableSink() {
      @Override
      public ChangelogMode acceptedChanges() {
        return ChangelogMode.upsert();
      }

      @Override
      public void consume(DataStream<Row> rows, String name) {
        rows.sinkTo(new DiscardingSink<>()).name(name);
      }
    };
  }
}
